import { sql, type Expression, type SqlBool } from 'kysely';
import type { SessionUser } from '../../platform/context.ts';
import { holds, inScope, writeScope, type Scope } from '../../platform/access.ts';

/**
 * Who sees what of recuperation, in one place. Cadres and viewers see the products and batches of
 * providers in their scope, and the batches any org of their scope holds places of (a partner's
 * cadre sees the batches opened to it); agreements where either side is in scope; applications of
 * the unions in scope. Members see the batches their union's chain holds places of.
 */
export const readableProducts = (scope: Scope): Expression<SqlBool> => inScope('recuperation_products.org_id', scope);
export const readableBatches = (scope: Scope): Expression<SqlBool> =>
  scope.all
    ? sql<boolean>`1 = 1`
    : sql<boolean>`(${inScope('recuperation_batches.org_id', scope)} or exists (select 1 from recuperation_quotas rq where rq.batch_id = recuperation_batches.id and ${inScope('rq.org_id', scope)}))`;
export const readableAgreements = (scope: Scope): Expression<SqlBool> =>
  sql<boolean>`(${inScope('cooperation_agreements.org_id', scope)} or ${inScope('cooperation_agreements.partner_org_id', scope)})`;
export const readableApplications = (scope: Scope): Expression<SqlBool> => inScope('recuperation_applications.org_id', scope);

/** The batches a member of `memberOrgId` may apply for: one of their union's chain holds places of it. */
export const batchesOfMember = (memberOrgId: number): Expression<SqlBool> =>
  sql<boolean>`exists (select 1 from recuperation_quotas rq inner join org_closure oc on oc.ancestor_id = rq.org_id where rq.batch_id = recuperation_batches.id and oc.descendant_id = ${memberOrgId} and (rq.parent_id is not null or rq.org_id = ${memberOrgId}))`;

/** 1 where the caller may decide the application (the filter of the write routes), as `writes`. */
export const writableApplication = (user: SessionUser | null | undefined) => holds(readableApplications(writeScope(user, 'recuperation.write'))).as('writes');
