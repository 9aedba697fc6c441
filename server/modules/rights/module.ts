import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { rightsRoutes } from './routes.ts';
import { rightsTodos } from './todos.ts';
import { rights } from './migrations/0020-rights.ts';
import { escalateOverdue } from './cases.ts';
import { rightsOverview } from './overview.ts';

const permissions = {
  /** the case queue and statistics (no narrative, amounts or notes) */
  'rights.read': ['cadre', 'viewer'],
  /** intake, accepting, steps, closing, the full case (audited) */
  'rights.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Rights cases (维权): intake, routing, deadlines with escalation, steps, outcome and rating. */
export const rightsModule = defineModule({
  name: 'rights',
  routes: rightsRoutes,
  texts,
  permissions,
  migrations: { '0020-rights': rights },
  todos: rightsTodos,
  overview: { rights: rightsOverview },
  jobs: { 'rights.overdue-escalation': { handler: async (_data, deps) => void (await escalateOverdue(deps)) } },
  // every hour at :10, Shanghai time
  schedules: { 'rights.overdue-escalation': '10 * * * *' },
});
