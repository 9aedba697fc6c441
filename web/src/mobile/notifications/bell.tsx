import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { NOTICE_POLL_MS, loadNotices } from '../../ui/notices';
import './texts';

/** The bell on the portal's home: the unread count, leading to 消息通知. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const ask = () => loadNotices({ unread: true, pageSize: 1 }).then((p) => live && setUnread(p.unread), () => undefined);
    ask();
    const timer = setInterval(ask, NOTICE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <Link to="/notifications" className="gh-bell" aria-label={unread ? t('notifications.bellWithCount', { count: unread }) : t('notifications.bell')} data-testid="notification-bell">
      <Badge content={unread ? (unread > 99 ? '99+' : unread) : null}>
        <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </Badge>
    </Link>
  );
}
