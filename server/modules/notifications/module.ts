import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { notificationsRoutes } from './routes.ts';
import { sendNoticeSms } from './service.ts';
import { notifications } from './migrations/0014-notifications.ts';

/**
 * In-app notifications for every user (the bell in the console and the portal), and their text
 * messages. Modules post through `notify` (index.ts) with a notice kind whose template lives in
 * their own messages.ts (`notices`).
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: notificationsRoutes,
  texts,
  migrations: { '0014-notifications': notifications },
  jobs: {
    'notifications.sms': {
      handler: async (data, deps) => sendNoticeSms(deps, Number(data.notificationId)),
      retryLimit: 5,
      retryDelaySeconds: 60,
    },
  },
});
