import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { bargainingRoutes } from './routes.ts';
import { bargainingTodos } from './todos.ts';
import { bargaining } from './migrations/0018-bargaining.ts';
import { escalateOverdue, openRenewal } from './rounds.ts';
import { bargainingOverview } from './overview.ts';

const permissions = {
  /** collective bargaining rounds and their agreements */
  'bargaining.read': ['cadre', 'viewer'],
  'bargaining.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Collective bargaining (集体协商): proposal to agreement in force, on the 集体合同规定's timers. */
export const bargainingModule = defineModule({
  name: 'bargaining',
  routes: bargainingRoutes,
  texts,
  permissions,
  migrations: { '0018-bargaining': bargaining },
  todos: bargainingTodos,
  overview: { bargaining: bargainingOverview },
  jobs: {
    // the day after the reply was due (art. 32): still unanswered → escalated to the union above
    'bargaining.reply-overdue': { handler: async (data, deps) => escalateOverdue(deps, Number(data.roundId)) },
    // the first day of the term's last 3 months (art. 38): the renewal to-do opens
    'bargaining.renewal-open': { handler: async (data, deps) => openRenewal(deps, Number(data.roundId), String(data.opensOn)) },
  },
});
