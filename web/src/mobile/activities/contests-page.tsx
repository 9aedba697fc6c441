import { useNavigate } from 'react-router';
import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { ContestTags } from './contest-tags';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './activities.css';
import './texts';

/** 比赛投票: the contests the member may enter or vote in. */
export function ContestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/contests/available')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('activities.contests.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('activities.contests.empty')} />}
      {data?.items.map((c) => (
        <article key={c.id} className="gh-activity" aria-label={c.title} role="link" tabIndex={0} onClick={() => navigate(`/contests/${c.id}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/contests/${c.id}`)}>
          <ContestTags contest={c} />
          <h2>{c.title}</h2>
          <p className="gh-contest-meta">
            {t('activities.contests.submitWindow', { from: formatTime(c.submitOpensAt), to: formatTime(c.submitClosesAt) })}
            <br />
            {t('activities.contests.voteWindow', { from: formatTime(c.voteOpensAt), to: formatTime(c.voteClosesAt) })}
            <br />
            {c.orgName} · {t('activities.contests.entries', { count: c.entries })}
          </p>
        </article>
      ))}
    </div>
  );
}
