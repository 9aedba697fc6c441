import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a portal page shows before its data: a spinner, or the failure with 重试. */
export function PageStates({ loading, failure, onRetry }: { loading: boolean; failure: { message: string } | null; onRetry: () => void }) {
  const { t } = useTranslation();
  if (failure) {
    return (
      <ErrorBlock status="default" title={t('loadFailed')} description={failure.message}>
        <Button color="primary" onClick={onRetry}>
          {t('retry')}
        </Button>
      </ErrorBlock>
    );
  }
  if (!loading) return null;
  return (
    <div style={{ textAlign: 'center', paddingTop: '30vh', fontSize: 24 }}>
      <DotLoading color="primary" />
    </div>
  );
}

/** What a portal list shows when it has nothing: a picture and one line, with an optional action. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <ErrorBlock status="empty" title={title} description="" style={{ padding: '24px 16px' }}>
      {children}
    </ErrorBlock>
  );
}
