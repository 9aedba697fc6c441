import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './texts';

/** 微心愿: the wish wall of the member's federation, the wisher's name masked; a tap claims a wish. */
export function WishesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/wishes/wall', { params: { query: { pageSize: 50 } } })), []);
  const [busy, setBusy] = useState<number | null>(null);
  const claim = async (id: number, title: string) => {
    setBusy(id);
    try {
      await unwrap(api.POST('/api/wishes/{id}/claims', { params: { path: { id } } }));
      Toast.show({ icon: 'success', content: t('community.wishes.claimed', { title }) });
      reload();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('community.wishes.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('community.wishes.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card">
          {data.items.map((w) => (
            <List.Item
              key={w.id}
              description={
                <>
                  <div>{w.description}</div>
                  <div>
                    {w.wisherName} · {w.orgName} · {t('community.wishes.value', { yuan: (w.valueFen / 100).toFixed(0) })}
                  </div>
                </>
              }
              extra={
                w.actions.includes('claim') ? (
                  <Button size="small" color="primary" loading={busy === w.id} onClick={() => void claim(w.id, w.title)}>
                    {t('community.wishes.claim')}
                  </Button>
                ) : (
                  <Tag color={w.status === 'confirmed' ? 'success' : 'default'}>{t(`community.wishes.status.${w.status as 'open'}`)}</Tag>
                )
              }
            >
              {w.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
