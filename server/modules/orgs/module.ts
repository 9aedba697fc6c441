import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { orgsRoutes } from './routes.ts';
import { enterpriseEmployees } from './migrations/0012-enterprise-employees.ts';
import { townFederations } from './migrations/0013-town-federations.ts';
import { subtreeOrgCounts } from './migrations/0037-subtree-org-counts.ts';

const permissions = {
  'org.read': ['cadre', 'viewer'],
  'org.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** The union tree, enterprises and teams. */
export const orgsModule = defineModule({
  name: 'orgs',
  routes: orgsRoutes,
  texts,
  permissions,
  migrations: { '0012-enterprise-employees': enterpriseEmployees, '0013-town-federations': townFederations, '0037-subtree-org-counts': subtreeOrgCounts },
});
