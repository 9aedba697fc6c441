import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { honoursRoutes } from './routes.ts';
import { honoursTodos } from './todos.ts';
import { honours } from './migrations/0017-honours.ts';
import { runAllowances } from './ledger.ts';
import { scheduledRuns } from './model-workers.ts';
import { honoursOverview } from './overview.ts';

const permissions = {
  /** model workers, allowances, innovation studios, craftsman selections */
  'honour.read': ['cadre', 'viewer'],
  'honour.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Honours (劳模工匠): model workers and their allowance ledger, innovation studios, craftsman selections. */
export const honoursModule = defineModule({
  name: 'honours',
  routes: honoursRoutes,
  texts,
  permissions,
  migrations: { '0017-honours': honours },
  todos: honoursTodos,
  overview: { honours: honoursOverview },
  jobs: {
    'honours.allowance-run': { handler: async (data, deps) => runAllowances(deps, Number(data.runId)) },
    'honours.monthly-allowances': { handler: async (_data, deps) => scheduledRuns(deps) },
  },
  // on the 1st of every month at 09:00 Shanghai time: the month's run for the whole tree
  schedules: { 'honours.monthly-allowances': '0 9 1 * *' },
});
