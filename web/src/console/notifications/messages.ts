/** The console's notification texts: the `notifications` namespace (the bell and 消息通知). */
export const notificationsZh = {
  bell: '通知',
  bellWithCount: '通知（{{count}} 条未读）',
  title: '消息通知',
  unreadOnly: '只看未读',
  markAllRead: '全部标为已读',
  markRead: '标为已读',
  viewAll: '查看全部通知',
  empty: '暂无通知',
  emptyUnread: '没有未读通知',
  unread: '未读',
  open: '去处理',
  total: '共 {{count}} 条',
};

export const notificationsEn: typeof notificationsZh = {
  bell: 'Notifications',
  bellWithCount: 'Notifications ({{count}} unread)',
  title: 'Notifications',
  unreadOnly: 'Unread only',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  viewAll: 'All notifications',
  empty: 'No notifications',
  emptyUnread: 'No unread notifications',
  unread: 'Unread',
  open: 'Open',
  total: '{{count}} in all',
};
