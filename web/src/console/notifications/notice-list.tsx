import { Badge, Button, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { openNoticeLink, type Notice } from '../../ui/notices';
import { formatTime } from '../../ui/time';
import { useMarkRead } from './queries';

/** Notices as a list: unread ones marked; a click marks it read and opens where it leads. */
export function NoticeList({ items, compact, onOpen }: { items: Notice[]; compact?: boolean; onOpen?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = (n: Notice) => {
    if (!n.readAt) markRead.mutate(n.id);
    onOpen?.();
    openNoticeLink(n.link, 'console', navigate);
  };
  return (
    <List
      size={compact ? 'small' : 'default'}
      dataSource={items}
      locale={{ emptyText: t('notifications.empty') }}
      renderItem={(n) => (
        <List.Item
          key={n.id}
          style={{ cursor: n.link ? 'pointer' : undefined, alignItems: 'flex-start' }}
          onClick={() => open(n)}
          actions={!compact && !n.readAt ? [<Button key="read" size="small" type="link" onClick={(e) => { e.stopPropagation(); markRead.mutate(n.id); }}>{t('notifications.markRead')}</Button>] : undefined}
        >
          <List.Item.Meta
            title={
              <span>
                {!n.readAt && <Badge status="error" style={{ marginInlineEnd: 6 }} aria-label={t('notifications.unread')} />}
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              </span>
            }
            description={
              <>
                <Typography.Paragraph style={{ margin: 0 }} ellipsis={compact ? { rows: 2 } : false}>
                  {n.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(n.createdAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
