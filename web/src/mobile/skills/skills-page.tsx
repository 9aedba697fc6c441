import { useNavigate } from 'react-router';
import { List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

/** 我的技能等级: one's own valid certificates, highest level first. */
export function SkillsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/me/skill-levels')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('skills.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('skills.empty')}>{t('skills.emptyHint')}</EmptyState>}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('skills.intro')}>
          {data.items.map((r) => (
            <List.Item
              key={r.id}
              data-testid="skill-record"
              extra={<Tag color={r.level <= 3 ? 'danger' : 'warning'}>{t(`skills.level.${r.level}`)}</Tag>}
              description={
                <>
                  <div>
                    {t('skills.certificateNo')} {r.certificateNo}
                  </div>
                  <div>
                    {t('skills.issuedOn')} {r.issuedOn}
                  </div>
                  <div>
                    {r.issuer}（{t(`skills.issuerKind.${r.issuerKind}`)}）
                  </div>
                </>
              }
            >
              {r.occupation}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
