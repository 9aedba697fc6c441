import { useNavigate } from 'react-router';
import { Button, Dialog, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import type { AvailableActivity } from './types';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './activities.css';
import './texts';

const fail = (error: unknown) => Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });

/** 活动报名: what the member may see and join, with their own sign-up on each card. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/activities/available')), []);

  const signUp = async (a: AvailableActivity) => {
    try {
      const r = await unwrap(api.POST('/api/activities/{id}/registrations', { params: { path: { id: a.id } } }));
      Toast.show({ icon: 'success', content: r.status === 'confirmed' ? t('activities.list.confirmedToast') : t('activities.list.waitlistedToast') });
      await reload();
    } catch (error) {
      fail(error);
    }
  };

  const cancel = async (a: AvailableActivity) => {
    if (!(await Dialog.confirm({ content: t('activities.list.cancelConfirm', { title: a.title }) }))) return;
    try {
      await unwrap(api.DELETE('/api/activities/{id}/registrations/mine', { params: { path: { id: a.id } } }));
      Toast.show({ icon: 'success', content: t('activities.list.cancelled') });
      await reload();
    } catch (error) {
      // Past the deadline: the server says so in the member's language.
      fail(error);
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar
        onBack={() => navigate('/')}
        style={{ background: '#fff' }}
        right={
          <Button size="small" fill="none" color="primary" onClick={() => navigate('/activities/mine')}>
            {t('activities.list.mine')}
          </Button>
        }
      >
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('activities.list.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('activities.list.empty')} />}
      {data?.items.map((a) => <ActivityCard key={a.id} activity={a} onSignUp={() => signUp(a)} onCancel={() => cancel(a)} onShowCode={() => navigate('/activities/mine')} />)}
    </div>
  );
}

function ActivityCard({ activity: a, onSignUp, onCancel, onShowCode }: { activity: AvailableActivity; onSignUp: () => void; onCancel: () => void; onShowCode: () => void }) {
  const { t } = useTranslation();
  const mine = a.mine && a.mine.status !== 'cancelled' ? a.mine : null;
  const full = a.confirmed >= a.capacity;
  return (
    <article className="gh-activity" aria-label={a.title}>
      <div className="gh-activity-tags">
        <Tag color="primary" fill="outline">
          {t(`activityKind.${a.kind}`)}
        </Tag>
        {a.membersOnly && <Tag color="danger" fill="outline">{t('activities.list.membersOnly')}</Tag>}
        {a.status === 'cancelled' && <Tag color="default">{t('activities.list.activityCancelled')}</Tag>}
        {mine && <Tag color={mine.checkedInAt ? 'primary' : mine.status === 'confirmed' ? 'success' : 'warning'}>{mine.checkedInAt ? t('activities.list.checkedIn') : mine.status === 'confirmed' ? t('activities.list.signedUp') : t('activities.list.waitlisted')}</Tag>}
      </div>
      <h2>{a.title}</h2>
      <dl className="gh-activity-facts">
        <dt>{t('activities.list.time')}</dt>
        <dd>
          {formatTime(a.startsAt)} – {formatTime(a.endsAt).slice(11)}
        </dd>
        {a.place && (
          <>
            <dt>{t('activities.list.place')}</dt>
            <dd>{a.place}</dd>
          </>
        )}
        <dt>{t('activities.list.org')}</dt>
        <dd>{a.orgName}</dd>
      </dl>
      <p className="gh-activity-count">
        {t('activities.list.places', a)}
        {a.waitlisted > 0 && t('activities.list.waiting', { count: a.waitlisted })}
      </p>
      {a.description && <p className="gh-activity-desc">{a.description}</p>}
      <div className="gh-activity-foot">
        {mine ? (
          <>
            <span className="gh-activity-note">{t('activities.list.cancelBy', { time: formatTime(a.cancelDeadline) })}</span>
            <Button size="small" onClick={onShowCode}>
              {t('activities.list.showCode')}
            </Button>
            {!mine.checkedInAt && (
              <Button size="small" color="danger" fill="outline" onClick={onCancel}>
                {t('activities.list.cancel')}
              </Button>
            )}
          </>
        ) : (
          <>
            <span className="gh-activity-note">{a.refusal ?? (full ? t('activities.list.full') : t('activities.list.signupCloses', { time: formatTime(a.signupClosesAt) }))}</span>
            <Button size="small" color="primary" disabled={!a.signupOpen || a.refusal !== null} onClick={onSignUp}>
              {t('activities.list.signUp')}
            </Button>
          </>
        )}
      </div>
    </article>
  );
}
