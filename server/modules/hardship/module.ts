import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { hardshipRoutes } from './routes.ts';
import { hardshipTodos } from './todos.ts';
import { hardship } from './migrations/0021-hardship.ts';
import { createDueRechecks } from './files.ts';
import { hardshipOverview } from './overview.ts';

const permissions = {
  /** the register (tiers, no income), the aid ledger, campaigns, statistics */
  'hardship.read': ['cadre', 'viewer'],
  /** files (income, audited), re-checks, 脱困, aid, campaigns, the 低保 line */
  'hardship.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Hardship files and aid (困难职工帮扶): the register with computed tiers, yearly re-checks, the aid ledger with budgets. */
export const hardshipModule = defineModule({
  name: 'hardship',
  routes: hardshipRoutes,
  texts,
  permissions,
  migrations: { '0021-hardship': hardship },
  todos: hardshipTodos,
  overview: { hardship: hardshipOverview },
  jobs: { 'hardship.recheck-due': { handler: async (_data, deps) => void (await createDueRechecks(deps)) } },
  // every day at 06:30 Shanghai time
  schedules: { 'hardship.recheck-due': '30 6 * * *' },
});
