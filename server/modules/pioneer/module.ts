import { defineModule } from '../../platform/module.ts';
import { pioneerTodos } from './todos.ts';
import { texts } from './messages.ts';
import { pioneerRoutes } from './routes.ts';
import { pioneerOverview } from './stats.ts';

const permissions = {
  'pioneer.read': ['cadre', 'viewer'],
  'pioneer.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Workers' Pioneer (工人先锋号): standards, campaigns, candidates, judging, titles. */
export const pioneerModule = defineModule({ name: 'pioneer', routes: pioneerRoutes, texts, permissions, todos: pioneerTodos, overview: { pioneer: pioneerOverview } });
