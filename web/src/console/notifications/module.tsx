import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { notificationsEn, notificationsZh } from './messages';

/** 消息通知: the page behind the header's bell (NotificationBell in bell.tsx); no menu entry of its own. */
export const notificationsModule = consoleModule({
  menu: [],
  routes: [{ path: 'notifications', page: lazyPage(() => import('./notifications-page'), 'NotificationsPage') }],
  messages: {
    zh: { menu: {}, notifications: notificationsZh },
    en: { menu: {}, notifications: notificationsEn },
  },
});
