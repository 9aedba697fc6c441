import { defineModule } from '../../platform/module.ts';
import { texts } from './messages.ts';
import { benefitsRoutes } from './routes.ts';
import { benefitsOverview } from './overview.ts';
import { benefits } from './migrations/0029-benefits.ts';

const permissions = {
  /** benefits in scope with their figures */
  'benefit.read': ['cadre', 'viewer'],
  'benefit.write': ['cadre'],
  /** the distributor's check of a member's redemption code: cadres and partner venues' verifiers */
  'benefit.redeem': ['cadre', 'card_verifier'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Benefits (普惠福利): 送清凉, 年夜饭, 女神节, 生日 with stock, window, eligibility and redemption codes. */
export const benefitsModule = defineModule({
  name: 'benefits',
  routes: benefitsRoutes,
  texts,
  permissions,
  migrations: { '0029-benefits': benefits },
  overview: { benefits: benefitsOverview },
});
