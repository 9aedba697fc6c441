import type { Expression, SqlBool } from 'kysely';
import { inChainOf, inScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of benefits: cadres and viewers the benefits of their scope with their figures
 * (benefit.read), cadres publish them (benefit.write); a member those of their union's chain;
 * a distributor (cadre, or the `card_verifier` role of a partner venue) redeems the codes of
 * claims by members in their scope (benefit.redeem).
 */
export const readableBenefits = (scope: Scope): Expression<SqlBool> => inScope('benefits.org_id', scope);
export const benefitsOfMember = (memberOrgId: number): Expression<SqlBool> => inChainOf('benefits.org_id', memberOrgId);
export const redeemableClaims = (scope: Scope): Expression<SqlBool> => inScope('benefit_claims.org_id', scope);
