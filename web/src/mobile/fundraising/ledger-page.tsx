import { useNavigate, useParams } from 'react-router';
import { Grid, List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { yuan } from './texts';

/** A fundraiser's public ledger: raised, spent, balance, and every entry without donors' names unless they agreed. */
export function LedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/public/fundraisers/{id}', { params: { path: { id } } })), [id]);
  const figure = (label: string, value: string, testId: string) => (
    <Grid.Item>
      <div style={{ fontSize: 12, color: '#888' }}>{label}</div>
      <div style={{ fontSize: 16, fontWeight: 600 }} data-testid={testId}>
        {value}
      </div>
    </Grid.Item>
  );
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/fundraisers')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{data?.title ?? t('fundraising.ledger')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && (
        <>
          <div className="gh-card" style={{ padding: 16 }}>
            <div style={{ marginBottom: 8, color: '#666' }}>{data.orgName}</div>
            <Grid columns={3} gap={8}>
              {figure(t('fundraising.raised'), yuan(data.raisedFen), 'raised')}
              {figure(t('fundraising.spent'), yuan(data.spentFen), 'spent')}
              {figure(t('fundraising.balance'), yuan(data.balanceFen), 'balance')}
            </Grid>
            {data.goods.map((g) => (
              <div key={g.name} style={{ marginTop: 8 }}>
                {g.name}：{t('fundraising.raised')} {g.raised} {g.unit} / {t('fundraising.goal')} {g.goal} {g.unit}
                {g.spent > 0 && `，${t('fundraising.spent')} ${g.spent} ${g.unit}`}
              </div>
            ))}
          </div>
          <List className="gh-card-flat" mode="card" header={`${t('fundraising.ledger')} · ${t('fundraising.privacy')}`}>
            {data.entries.map((e) => (
              <List.Item
                key={e.id}
                data-testid="ledger-entry"
                prefix={<Tag color={e.kind === 'donation' ? 'success' : 'warning'}>{t(`fundraising.${e.kind}`)}</Tag>}
                extra={e.amountFen > 0 ? `${e.kind === 'donation' ? '+' : '−'}${yuan(e.amountFen)}` : undefined}
                description={
                  <>
                    {e.goods.map((g) => `${g.name} ${g.quantity}${g.unit}`).join('、')}
                    <div>
                      {formatTime(e.createdAt)}
                      {e.receiptNo && ` · ${t('fundraising.receipt', { no: e.receiptNo })}`}
                      {e.hasProof && ` · ${t('fundraising.proof')}`}
                    </div>
                  </>
                }
              >
                {e.name}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
