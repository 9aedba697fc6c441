import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { wishesRoutes } from './routes.ts';
import { wishes } from './migrations/0027-wishes.ts';
import { wishesOverview } from './overview.ts';
import { wishesTodos } from './todos.ts';

const permissions = {
  /** micro-wishes: see and moderate */
  'wish.read': ['cadre', 'viewer'],
  'wish.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Micro-wishes (微心愿): posted, moderated, claimed on the wall, fulfilled with proof, confirmed; love points to the claimer. */
export const wishesModule = defineModule({
  name: 'wishes',
  routes: wishesRoutes,
  texts,
  permissions,
  migrations: { '0027-wishes': wishes },
  todos: wishesTodos,
  overview: { wishes: wishesOverview },
});
