import { useNavigate } from 'react-router';
import { Button, NavBar, Tag } from 'antd-mobile';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import type { MyRegistration } from './types';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './activities.css';
import './texts';

/** 我的报名: each sign-up with a big QR code for the cadre's camera, and the code to read out. */
export function MyRegistrationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/registrations/mine')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/activities')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('activities.mine.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && (
        <EmptyState title={t('activities.mine.empty')}>
          <Button color="primary" onClick={() => navigate('/activities')}>
            {t('activities.mine.browse')}
          </Button>
        </EmptyState>
      )}
      {data?.items.map((r) => <RegistrationCard key={r.id} registration={r} />)}
    </div>
  );
}

function RegistrationCard({ registration: r }: { registration: MyRegistration }) {
  const { t } = useTranslation();
  const usable = r.status === 'confirmed' && r.activityStatus === 'published' && !r.checkedInAt;
  return (
    <article className="gh-activity" aria-label={r.title}>
      <div className="gh-activity-tags">
        <Tag color={r.status === 'confirmed' ? 'success' : 'warning'}>{t(`activities.mine.status.${r.status}`)}</Tag>
        {r.activityStatus === 'cancelled' && <Tag color="default">{t('activities.list.activityCancelled')}</Tag>}
      </div>
      <h2>{r.title}</h2>
      <dl className="gh-activity-facts">
        <dt>{t('activities.list.time')}</dt>
        <dd>
          {formatTime(r.startsAt)} – {formatTime(r.endsAt).slice(11)}
        </dd>
        {r.place && (
          <>
            <dt>{t('activities.list.place')}</dt>
            <dd>{r.place}</dd>
          </>
        )}
      </dl>
      {r.checkedInAt && <p className="gh-activity-done">{t('activities.mine.checkedInAt', { time: formatTime(r.checkedInAt) })}</p>}
      {r.status === 'waitlisted' && <p className="gh-activity-note">{t('activities.mine.waitlistedHint', { place: r.waitlistPosition })}</p>}
      {usable && (
        <div className="gh-checkin-qr">
          <QRCodeSVG value={r.qr} size={240} marginSize={2} level="M" title={t('activities.mine.code')} />
          <div className="gh-checkin-code-text" aria-label={t('activities.mine.code')}>
            {r.code}
          </div>
          <p>{t('activities.mine.hint')}</p>
        </div>
      )}
    </article>
  );
}
