import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { ratingsRoutes } from './routes.ts';
import { ratings } from './migrations/0019-ratings.ts';
import { ratingsOverview } from './overview.ts';
import { ratingsTodos } from './todos.ts';

const permissions = {
  /** star ratings of unions and Workers' Home ratings */
  'rating.read': ['cadre', 'viewer'],
  'rating.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Ratings (星级评定): five-star grassroots unions and model Workers' Homes, on the shared assessment mechanism. */
export const ratingsModule = defineModule({
  name: 'ratings',
  routes: ratingsRoutes,
  texts,
  permissions,
  migrations: { '0019-ratings': ratings },
  todos: ratingsTodos,
  overview: { ratings: ratingsOverview },
});
