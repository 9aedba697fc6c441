import { defineModule } from '../../platform/module.ts';
import { activitiesOverview, sendReminders } from './service.ts';
import { texts } from './messages.ts';
import { activitiesRoutes } from './routes.ts';

const permissions = {
  /** activities and contests */
  'activity.read': ['cadre', 'viewer'],
  'activity.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Activities with places, waiting lists and check-in. */
export const activitiesModule = defineModule({
  name: 'activities',
  routes: activitiesRoutes,
  texts,
  permissions,
  overview: { activities: activitiesOverview },
  jobs: { 'activities.reminders': { handler: async (_data, deps) => void (await sendReminders(deps)) } },
  // every quarter hour: a reminder goes out between 24 h and 23¾ h before the start
  schedules: { 'activities.reminders': '*/15 * * * *' },
});
