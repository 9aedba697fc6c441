import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, List, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './texts';

/** 志愿服务: register as a volunteer, this year's hours, the love-points balance and ledger. */
export function VolunteerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(
    () => Promise.all([unwrap(api.GET('/api/volunteers/me')), unwrap(api.GET('/api/love-points/mine'))]).then(([me, points]) => ({ me, points })),
    [],
  );
  const [busy, setBusy] = useState(false);
  const register = async () => {
    setBusy(true);
    try {
      await unwrap(api.PUT('/api/volunteers/me', { body: { skills: [], availability: ['weekend'] } }));
      Toast.show({ icon: 'success', content: t('community.volunteer.registered') });
      reload();
    } catch (error) {
      Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('community.volunteer.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && (
        <>
          {!data.me.member && <NoticeBar content={t('community.volunteer.notMember')} color="info" wrap />}
          <List className="gh-card-flat" mode="card">
            <List.Item extra={<strong>{data.points.balance}</strong>}>{t('community.volunteer.balance')}</List.Item>
            <List.Item>{t('community.volunteer.hours', { hours: data.me.hoursThisYear })}</List.Item>
            {data.me.member && !data.me.volunteer && (
              <List.Item>
                <Button block color="primary" loading={busy} onClick={() => void register()}>
                  {t('community.volunteer.register')}
                </Button>
              </List.Item>
            )}
            {data.me.volunteer && <List.Item>{t('community.volunteer.registered')}</List.Item>}
          </List>
          <List className="gh-card-flat" mode="card" header={t('community.volunteer.entries')}>
            {data.points.entries.length === 0 && <List.Item>{t('community.volunteer.noEntries')}</List.Item>}
            {data.points.entries.map((e, i) => (
              <List.Item key={i} description={formatTime(e.at)} extra={e.points > 0 ? `+${e.points}` : String(e.points)}>
                {e.reason}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
