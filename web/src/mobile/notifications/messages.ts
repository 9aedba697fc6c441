/** The portal's notification texts: the `notifications` namespace. */
export const notificationsZh = {
  bell: '通知',
  bellWithCount: '通知（{{count}} 条未读）',
  title: '消息通知',
  markAllRead: '全部已读',
  empty: '暂无通知',
  unread: '未读',
  more: '加载更多',
  home: { unread: '未读消息（{{count}}）' },
};

export const notificationsEn: typeof notificationsZh = {
  bell: 'Notifications',
  bellWithCount: 'Notifications ({{count}} unread)',
  title: 'Notifications',
  markAllRead: 'Mark all read',
  empty: 'No notifications',
  unread: 'Unread',
  more: 'Load more',
  home: { unread: 'Unread notifications ({{count}})' },
};
