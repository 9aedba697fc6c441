import { defineModule } from '../../platform/module.ts';
import { auditRoutes } from './routes.ts';

const permissions = {
  'audit.read': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** The audit log, browsed by subtree. */
export const auditModule = defineModule({ name: 'audit', routes: auditRoutes, permissions });
