import { lazyPage } from '../../ui/lazy-page';
import { portalModule } from '../portal-module';

/** 消息通知: the page behind the bell on the home page (bell.tsx). */
export const notificationsModule = portalModule({
  routes: [{ path: 'notifications', page: lazyPage(() => import('./notifications-page'), 'NotificationsPage') }],
  home: [{ key: 'notices', order: 20, audience: 'user', section: lazyPage(() => import('./unread-section'), 'UnreadSection') }],
  messages: { zh: {}, en: {} },
});
