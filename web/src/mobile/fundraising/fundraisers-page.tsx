import { useNavigate } from 'react-router';
import { List, NavBar, ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { yuan } from './texts';

/** 爱心捐赠: every fundraiser with what it raised and spent; each opens its public ledger. */
export function FundraisersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/public/fundraisers')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('fundraising.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('fundraising.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('fundraising.intro')}>
          {data.items.map((f) => (
            <List.Item
              key={f.id}
              data-testid="fundraiser"
              onClick={() => navigate(`/fundraisers/${f.id}`)}
              description={
                <>
                  <div>{f.orgName}</div>
                  <div>
                    {t('fundraising.raised')} {yuan(f.raisedFen)}
                    {f.goalFen > 0 && ` / ${t('fundraising.goal')} ${yuan(f.goalFen)}`}
                  </div>
                  {f.goalFen > 0 && <ProgressBar percent={Math.min(100, (f.raisedFen / f.goalFen) * 100)} style={{ margin: '4px 0' }} />}
                  {f.goods.map((g) => (
                    <div key={g.name}>
                      {g.name} {g.raised}/{g.goal} {g.unit}
                    </div>
                  ))}
                </>
              }
            >
              {f.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
