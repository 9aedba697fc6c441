import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Deps } from '../../platform/context.ts';
import { fieldError } from '../../platform/errors.ts';
import { paginate } from '../../platform/paging.ts';
import { canHoldMembers } from './rules.ts';
import type { directoryQuery } from './schema.ts';

/**
 * Where a worker can be a member: the public union directory, and the checks that a union or an
 * enterprise a request names exists and can take members.
 */

/** An active org that can hold memberships (see canHoldMembers), or 422 on `field`. */
/** An org's name, for texts sent to people (notices). */
export async function orgName(tx: Tx, orgId: number): Promise<string> {
  const org = await tx.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  return org.name;
}

export async function requireMemberOrg(tx: Tx, orgId: number, field: string) {
  const org = await tx.selectFrom('orgs').select(['id', 'kind', 'level', 'status', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org || org.status !== 'active') throw fieldError(field, 'union_not_found');
  if (!canHoldMembers(org.kind, org.level)) throw fieldError(field, 'org_cannot_hold_members');
  return org;
}

/** An active enterprise, or 422 on enterpriseId. */
export async function requireEnterprise(tx: Tx, enterpriseId: number) {
  const e = await tx.selectFrom('enterprises').select(['id', 'name', 'status']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!e || e.status !== 'active') throw fieldError('enterpriseId', 'enterprise_not_found');
  return e;
}

/** The public union directory: where a worker can join or transfer to. Public fields only. */
export async function directory(deps: Deps, query: z.infer<typeof directoryQuery>) {
  let q = deps.db
    .selectFrom('orgs')
    .leftJoin('orgs as p', 'p.id', 'orgs.parent_id')
    .where('orgs.status', '=', 'active')
    // canHoldMembers, in SQL
    .where((eb) => eb.or([eb('orgs.kind', '!=', 'federation'), eb('orgs.level', 'in', ['street', 'town'])]));
  if (query.q) q = q.where((eb) => eb.or([eb('orgs.name', 'like', `%${query.q}%`), eb('orgs.region', 'like', `%${query.q}%`), eb('p.name', 'like', `%${query.q}%`)]));
  const { rows, total } = await paginate(q, query, (q) =>
    q.select(['orgs.id', 'orgs.name', 'orgs.kind', 'orgs.level', 'orgs.basis', 'orgs.region', 'p.name as parent_name']).orderBy('orgs.id'),
  );
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, level: r.level, basis: r.basis, region: r.region, parentName: r.parent_name })),
    total,
  };
}
