import { useState } from 'react';
import { Badge, Button, Flex, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NoticeList } from './notice-list';
import { useBellNotices, useMarkRead } from './queries';

/** The bell in the console header: the unread count, the latest notices, and the way to all of them. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notices = useBellNotices();
  const markRead = useMarkRead();
  const unread = notices.data?.unread ?? 0;
  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }}>
      <NoticeList compact items={notices.data?.items ?? []} onOpen={() => setOpen(false)} />
      <Flex justify="space-between" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Button size="small" type="link" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
          {t('notifications.markAllRead')}
        </Button>
        <Button size="small" type="link" onClick={() => { setOpen(false); navigate('/notifications'); }}>
          {t('notifications.viewAll')}
        </Button>
      </Flex>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={t('notifications.title')} content={content}>
      <Button type="text" aria-label={unread ? t('notifications.bellWithCount', { count: unread }) : t('notifications.bell')} style={{ color: '#fff' }} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
