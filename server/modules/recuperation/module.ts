import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { recuperationRoutes } from './routes.ts';
import { recuperation } from './migrations/0022-recuperation.ts';
import { recuperationOverview } from './overview.ts';
import { countWaiting } from './applications.ts';

const permissions = {
  /** products, batches, agreements, quotas, applications */
  'recuperation.read': ['cadre', 'viewer'],
  'recuperation.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Recuperation (职工疗休养): service centres' products and batches, agreements, quotas down the tree, members' applications. */
export const recuperationModule = defineModule({
  name: 'recuperation',
  routes: recuperationRoutes,
  texts,
  permissions,
  migrations: { '0022-recuperation': recuperation },
  todos: {
    recuperation_applications: {
      permission: 'recuperation.write',
      link: '/recuperation/applications?status=pending',
      async count(deps, scope) {
        return { count: await countWaiting(deps, scope), overdue: 0 };
      },
    },
  },
  overview: { recuperation: recuperationOverview },
});
