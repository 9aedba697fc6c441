import { useNavigate } from 'react-router';
import { List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import '../competitions/texts';
import './texts';

/** 评审打分: the judge's own assignments, nothing else; and the way to their skill contest marking. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/pioneer/my-assignments')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('pioneer.judging.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('pioneer.judging.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card">
          {data.items.map((a) => (
            <List.Item
              key={a.id}
              onClick={() => navigate(`/judging/${a.id}`)}
              description={
                <>
                  <div>{a.enterpriseName}</div>
                  <div>
                    {t(`pioneerType.${a.type}`)} · {t('pioneer.judging.deadline', { date: a.scoringDeadline })}
                  </div>
                  <div>{t('pioneer.judging.progress', { given: a.marks.length, total: a.criteria.length })}</div>
                </>
              }
              extra={
                a.campaignStatus !== 'scoring' ? (
                  <Tag fill="outline">{t('pioneer.judging.closed')}</Tag>
                ) : a.complete ? (
                  <Tag color="success">{t('pioneer.judging.complete')}</Tag>
                ) : (
                  <Tag color="danger">{t('pioneer.judging.todo')}</Tag>
                )
              }
            >
              {a.teamName}
            </List.Item>
          ))}
        </List>
      )}
      {/* A judge of skill contests marks them on their own pages (技能竞赛评分). */}
      <List className="gh-card-flat" mode="card">
        <List.Item onClick={() => navigate('/competitions/judging')}>{t('competitions.judging.title')}</List.Item>
      </List>
    </div>
  );
}
