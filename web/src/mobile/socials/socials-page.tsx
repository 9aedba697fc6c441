import { useNavigate } from 'react-router';
import { List, NavBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

/** 青年交友: the youth socials I signed up for; after the event each opens 心动选择 and 我的匹配. */
export function SocialsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/socials/mine')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('socials.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('socials.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('socials.intro')}>
          {data.items.map((s) => (
            <List.Item
              key={s.activityId}
              data-testid="social"
              onClick={() => navigate(`/socials/${s.activityId}`)}
              description={
                <>
                  <div>{`${formatTime(s.startsAt)}${s.place ? ` · ${s.place}` : ''}`}</div>
                  {s.canPick && <div>{t('socials.closesAt', { at: formatTime(s.picksCloseAt) })}</div>}
                </>
              }
              extra={s.canPick ? <Tag color="danger">{t('socials.open')}</Tag> : !s.attended && new Date(s.endsAt) < new Date() ? <Tag>{t('socials.notAttended')}</Tag> : null}
            >
              {s.title}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
