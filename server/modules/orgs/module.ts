import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { orgsRoutes } from './routes.ts';

const permissions = {
  'org.read': ['cadre', 'viewer'],
  'org.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** The union tree, enterprises and teams. */
export const orgsModule = defineModule({ name: 'orgs', routes: orgsRoutes, texts, permissions });
