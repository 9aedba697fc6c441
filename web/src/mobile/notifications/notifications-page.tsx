import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { loadNotices, markAllNoticesRead, markNoticeRead, openNoticeLink, type Notice } from '../../ui/notices';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

const PAGE = 20;

/** 消息通知: the worker's notices, newest first; a tap marks one read and opens where it leads. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pages, setPages] = useState(1);
  const { data, failure, reload } = useLoad(() => loadNotices({ page: 1, pageSize: PAGE * pages }), [pages]);
  const open = async (n: Notice) => {
    if (!n.readAt) await markNoticeRead(n.id).catch(() => undefined);
    if (n.link) openNoticeLink(n.link, 'portal', navigate);
    else reload();
  };
  const readAll = async () => {
    await markAllNoticesRead();
    reload();
  };
  return (
    <div className="gh-subpage">
      <NavBar
        onBack={() => navigate('/')}
        style={{ background: '#fff' }}
        right={
          data && data.unread > 0 ? (
            <Button size="mini" fill="none" color="primary" onClick={readAll}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null
        }
      >
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('notifications.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('notifications.empty')} />}
      {data && data.items.length > 0 && (
        <List>
          {data.items.map((n) => (
            <List.Item
              key={n.id}
              onClick={() => open(n)}
              prefix={n.readAt ? <span style={{ display: 'inline-block', width: 8 }} /> : <Badge content={Badge.dot} aria-label={t('notifications.unread')} />}
              description={
                <>
                  <div style={{ color: '#333', whiteSpace: 'normal' }}>{n.body}</div>
                  <div style={{ fontSize: 12, marginTop: 4 }}>{formatTime(n.createdAt)}</div>
                </>
              }
            >
              <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>
            </List.Item>
          ))}
        </List>
      )}
      {data && data.total > data.items.length && (
        <div style={{ padding: 16 }}>
          <Button block onClick={() => setPages(pages + 1)}>
            {t('notifications.more')}
          </Button>
        </div>
      )}
    </div>
  );
}
