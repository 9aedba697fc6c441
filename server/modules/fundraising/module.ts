import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { fundraisingRoutes } from './routes.ts';
import { fundraisingTodos } from './todos.ts';
import { fundraisingOverview } from './overview.ts';
import { fundraising } from './migrations/0028-fundraising.ts';

const permissions = {
  /** fundraisers and their full ledger (donors named) */
  'fundraiser.read': ['cadre', 'viewer'],
  'fundraiser.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Fundraising (春风行动, 爱心捐赠): goals in money and goods, an append-only ledger, a public page. */
export const fundraisingModule = defineModule({
  name: 'fundraising',
  routes: fundraisingRoutes,
  texts,
  permissions,
  migrations: { '0028-fundraising': fundraising },
  todos: fundraisingTodos,
  overview: { fundraising: fundraisingOverview },
});
