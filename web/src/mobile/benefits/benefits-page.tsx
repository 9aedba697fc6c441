import { useNavigate } from 'react-router';
import { Button, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

/** 福利: the benefits of my union's chain, claimed with one tap; a claimed one shows its code. */
export function BenefitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/benefits/mine')), []);
  const claim = async (id: number) => {
    try {
      await unwrap(api.POST('/api/benefits/{id}/claims', { params: { path: { id } } }));
      Toast.show({ icon: 'success', content: t('benefits.claimed') });
    } catch (error) {
      Toast.show({ icon: 'fail', content: (error as Error).message });
    }
    await reload();
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('benefits.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('benefits.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('benefits.intro')}>
          {data.items.map((b) => (
            <List.Item
              key={b.id}
              data-testid="benefit"
              description={
                <>
                  <div>{b.orgName}</div>
                  <div>
                    {t('benefits.left', { left: b.left, stock: b.stock })} · {t('benefits.until', { at: formatTime(b.claimUntil) })}
                  </div>
                  {b.code && (
                    <div style={{ marginTop: 6 }}>
                      {t('benefits.code')}{' '}
                      <strong data-testid="benefit-code" style={{ fontSize: 20, letterSpacing: 2, color: '#c8161d' }}>
                        {b.code}
                      </strong>
                      {b.redeemedAt && <Tag style={{ marginLeft: 8 }}>{t('benefits.redeemedAt', { at: formatTime(b.redeemedAt) })}</Tag>}
                    </div>
                  )}
                </>
              }
              extra={
                !b.code && (
                  <Button size="small" color="primary" disabled={b.left <= 0} onClick={() => claim(b.id)}>
                    {t('benefits.claim')}
                  </Button>
                )
              }
            >
              {b.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
