import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { HomeCard } from '../home/home-card';
import { useSession } from '../session';
import { useLoad } from '../shared/use-load';
import './texts';

const SHOWN = 3;

/** 首页's coming sign-ups with their check-in codes; nothing when there are none. */
export function MyRegistrationsSection() {
  const { t } = useTranslation();
  const { data } = useLoad(() => unwrap(api.GET('/api/registrations/mine')), []);
  const now = new Date().toISOString();
  const coming = data?.items.filter((r) => r.status !== 'cancelled' && r.activityStatus === 'published' && r.endsAt > now).slice(0, SHOWN) ?? [];
  if (coming.length === 0) return null;
  return (
    <HomeCard id="registrations" title={t('activities.mine.title')} more="/activities/mine">
      {coming.map((r) => (
        <Link key={r.id} to="/activities/mine" className="gh-home-row">
          <strong>{r.title}</strong>
          <span>
            {formatTime(r.startsAt)} · {t(`activities.mine.status.${r.status}`)}
            {r.status === 'confirmed' && !r.checkedInAt ? ` · ${t('activities.mine.code')} ${r.code}` : ''}
          </span>
        </Link>
      ))}
    </HomeCard>
  );
}

/** 首页's activities open for sign-up: the visitor sees those open to every worker, a member their unions' too. */
export function OpenActivitiesSection() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { data } = useLoad(() => unwrap(api.GET('/api/activities/available')), [me?.id]);
  const open = data?.items.filter((a) => a.status === 'published').slice(0, SHOWN) ?? [];
  if (open.length === 0) return null;
  return (
    <HomeCard id="activities" title={t('activities.home.open')} more="/activities">
      {open.map((a) => (
        <Link key={a.id} to="/activities" className="gh-home-row">
          <strong>{a.title}</strong>
          <span>
            {formatTime(a.startsAt)} · {a.orgName}
            {a.membersOnly ? ` · ${t('activities.list.membersOnly')}` : ''}
          </span>
        </Link>
      ))}
    </HomeCard>
  );
}

/** 首页's contests the account may enter or vote in. */
export function OpenContestsSection() {
  const { t } = useTranslation();
  const { data } = useLoad(() => unwrap(api.GET('/api/contests/available')), []);
  const open = data?.items.slice(0, SHOWN) ?? [];
  if (open.length === 0) return null;
  return (
    <HomeCard id="contests" title={t('activities.contests.title')} more="/contests">
      {open.map((c) => (
        <Link key={c.id} to={`/contests/${c.id}`} className="gh-home-row">
          <strong>{c.title}</strong>
          <span>
            {c.orgName} · {t('activities.home.votesClose', { time: formatTime(c.voteClosesAt) })}
          </span>
        </Link>
      ))}
    </HomeCard>
  );
}
