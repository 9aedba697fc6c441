import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { venuesRoutes } from './routes.ts';
import { venuesOverview } from './overview.ts';
import { venues } from './migrations/0031-venues.ts';

const permissions = {
  /** venues managed in scope or shared with the caller's unions, their schedules, usage and export */
  'venue.read': ['cadre', 'viewer'],
  /** add venues of unions in scope; cancel any booking of them */
  'venue.write': ['cadre'],
  /** book venues for a union in scope (the owner's subtree or a share's) */
  'venue.book': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Venues (阵地: 职工之家, 职工书屋, 活动室, 母婴室) with conflict-free bookings on the platform's time slots. */
export const venuesModule = defineModule({
  name: 'venues',
  routes: venuesRoutes,
  texts,
  permissions,
  migrations: { '0031-venues': venues },
  overview: { venues: venuesOverview },
});
