import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { cobuildingRoutes } from './routes.ts';
import { cobuilding } from './migrations/0025-cobuilding.ts';
import { cobuildingOverview } from './overview.ts';
import { countWaiting } from './items.ts';

const permissions = {
  /** co-building partners, the four lists and claims */
  'cobuilding.read': ['cadre', 'viewer'],
  'cobuilding.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Co-building (共建): partner units, the four lists and two-way claiming. */
export const cobuildingModule = defineModule({
  name: 'cobuilding',
  routes: cobuildingRoutes,
  texts,
  permissions,
  migrations: { '0025-cobuilding': cobuilding },
  todos: {
    /** partners' items open for the union to claim */
    cobuilding_to_claim: { permission: 'cobuilding.write', link: '/cobuilding?side=partner&status=open', count: async (deps, scope) => ({ count: await countWaiting(deps, scope, 'to_claim'), overdue: 0 }) },
    /** partners' items the union claimed and has not finished */
    cobuilding_to_finish: { permission: 'cobuilding.write', link: '/cobuilding?side=partner&status=in_progress', count: async (deps, scope) => ({ count: await countWaiting(deps, scope, 'to_finish'), overdue: 0 }) },
    /** the union's items a partner finished, waiting for the union's rating */
    cobuilding_to_rate: { permission: 'cobuilding.write', link: '/cobuilding?side=union&status=done', count: async (deps, scope) => ({ count: await countWaiting(deps, scope, 'to_rate'), overdue: 0 }) },
  },
  overview: { cobuilding: cobuildingOverview },
});
