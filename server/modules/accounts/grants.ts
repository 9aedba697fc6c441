import type { z } from 'zod';
import { isUniqueViolation } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError, notFound, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { readableGrants } from './policy.ts';
import { requireReadableUser } from './users.ts';
import type { grantBody, grantListQuery } from './schema.ts';

/** Role grants: (user, role, org), each reaching the org's whole subtree. */

export async function listGrants(deps: Deps, caller: Caller, query: z.infer<typeof grantListQuery>) {
  let q = deps.db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .leftJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .where(readableGrants(caller.scope));
  if (query.userId) q = q.where('role_grants.user_id', '=', query.userId);
  if (query.role) q = q.where('role_grants.role', '=', query.role);
  if (query.orgId) q = q.where(inSubtree('role_grants.org_id', query.orgId));
  const { rows, total } = await paginate(q, query, (q) =>
    q
      .select([
        'role_grants.id',
        'role_grants.role',
        'role_grants.org_id',
        'role_grants.user_id',
        'role_grants.created_at',
        'orgs.name as org_name',
        'users.username',
        'users.display_name',
      ])
      .orderBy('role_grants.id'),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      role: r.role,
      orgId: r.org_id,
      orgName: r.org_name,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      createdAt: r.created_at,
    })),
    total,
  };
}

export async function createGrant(deps: Deps, caller: Caller, input: z.infer<typeof grantBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const target = await requireReadableUser(tx, caller.scope, input.userId);
    let orgId: number | null = null;
    if (input.role === 'admin') {
      if (!caller.scope.all) throw new AppError(403, 'grant_admin_only');
    } else {
      if (!input.orgId) throw fieldError('orgId', 'grant_org_required');
      await requireOrgInScope(tx, caller.scope, input.orgId);
      const org = await tx.selectFrom('orgs').select('status').where('id', '=', input.orgId).executeTakeFirstOrThrow();
      if (org.status === 'closed') throw refused('org_closed');
      orgId = input.orgId;
    }
    const existing = await tx
      .selectFrom('role_grants')
      .select('id')
      .where('user_id', '=', target.id)
      .where('role', '=', input.role)
      .where((eb) => (orgId === null ? eb('org_id', 'is', null) : eb('org_id', '=', orgId)))
      .executeTakeFirst();
    if (existing) throw conflict('grant_exists');
    const { id } = await tx
      .insertInto('role_grants')
      .values({ user_id: target.id, role: input.role, org_id: orgId, created_by: caller.user!.id, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.sessions.changed(tx, { user: target.id });
    await audit(tx, caller.actor, {
      action: 'role_grant.create',
      entity: 'role_grant',
      entityId: id,
      orgId,
      after: { userId: target.id, username: target.username, role: input.role, orgId },
    });
    return { id, userId: target.id, role: input.role, orgId };
  }).catch((err) => {
    // The same grant made twice at the same moment: the unique indexes let one in.
    if (isUniqueViolation(err)) throw conflict('grant_exists');
    throw err;
  });
}

export async function revokeGrant(deps: Deps, caller: Caller, grantId: number) {
  await deps.db.transaction().execute(async (tx) => {
    const grant = await tx.selectFrom('role_grants').selectAll().where('id', '=', grantId).where(readableGrants(caller.scope)).executeTakeFirst();
    if (!grant) throw notFound('role_grant');
    await tx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await deps.sessions.changed(tx, { user: grant.user_id });
    await audit(tx, caller.actor, {
      action: 'role_grant.revoke',
      entity: 'role_grant',
      entityId: grantId,
      orgId: grant.org_id,
      before: { userId: grant.user_id, role: grant.role, orgId: grant.org_id },
    });
  });
}
