import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { cobuildingRoutes } from './routes.ts';
import { cobuilding } from './migrations/0025-cobuilding.ts';

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
});
