import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loadNotices, markNoticeRead, openNoticeLink, type Notice } from '../../ui/notices';
import { formatTime } from '../../ui/format-time';
import { useLoad } from '../shared/use-load';
import { HomeCard } from '../home/home-card';
import './texts';

const SHOWN = 3;

/** 首页's unread notices, newest first; nothing when all are read. */
export function UnreadSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useLoad(() => loadNotices({ unread: true, pageSize: SHOWN }), []);
  if (!data || data.items.length === 0) return null;
  const open = async (n: Notice) => {
    await markNoticeRead(n.id).catch(() => undefined);
    if (n.link) openNoticeLink(n.link, 'portal', navigate);
    else navigate('/notifications');
  };
  return (
    <HomeCard id="notices" title={t('notifications.home.unread', { count: data.unread })} more="/notifications">
      {data.items.map((n) => (
        <button key={n.id} type="button" className="gh-home-row gh-home-button" onClick={() => open(n)}>
          <strong>{n.title}</strong>
          <span>{formatTime(n.createdAt)}</span>
        </button>
      ))}
    </HomeCard>
  );
}
