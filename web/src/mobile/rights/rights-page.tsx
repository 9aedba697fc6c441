import { useNavigate } from 'react-router';
import { Button, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import './texts';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { statusColor } from './texts';

/** 维权服务: the worker's own cases with their status, and the way to ask for help. */
export function RightsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/rights-cases/mine')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('rightsPortal.title')}</h1>
      </NavBar>
      <div style={{ padding: '12px 12px 0' }}>
        <Button block color="primary" size="large" onClick={() => navigate('/rights/new')}>
          {t('rightsPortal.new')}
        </Button>
      </div>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('rightsPortal.empty')}>{t('rightsPortal.emptyHint')}</EmptyState>}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('rightsPortal.mine')}>
          {data.items.map((c) => (
            <List.Item key={c.id} data-testid="my-case" onClick={() => navigate(`/rights/${c.id}`)} extra={<Tag color={statusColor[c.status]}>{t(`rightsPortal.status.${c.status}`)}</Tag>} description={`${c.caseNo} · ${formatTime(c.updatedAt)}`}>
              {t(`rightsPortal.category.${c.category}`)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
