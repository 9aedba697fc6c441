import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { volunteersRoutes } from './routes.ts';
import { volunteers } from './migrations/0026-volunteers.ts';
import { onCheckIn } from '../activities/index.ts';
import { creditServiceHours } from './volunteers.ts';
import { volunteersOverview } from './overview.ts';
import { volunteersTodos } from './todos.ts';

// a check-in at a volunteer service credits its hours and love points, in the check-in's transaction
onCheckIn(creditServiceHours);

const permissions = {
  /** volunteers, teams, service hours, love points and the points shop */
  'volunteer.read': ['cadre', 'viewer'],
  'volunteer.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Volunteers (志愿服务), service hours and love points (爱心积分, 微积分) with the points shop. */
export const volunteersModule = defineModule({
  name: 'volunteers',
  routes: volunteersRoutes,
  texts,
  permissions,
  migrations: { '0026-volunteers': volunteers },
  todos: volunteersTodos,
  overview: { volunteers: volunteersOverview },
});
