import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse, refused } from '../../platform/errors.ts';
import { everywhere, inSubtree, isScopeTop, type Scope } from '../../platform/access.ts';
import { paginate } from '../../platform/paging.ts';
import { shanghaiMinute } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { audit } from '../../platform/audit.ts';
import { checkClose, checkMove, checkPlacement } from './rules.ts';
import { ancestorIds, linkIntoTree, moveSubtree } from './tree.ts';
import { exportTexts as t, labels } from './messages.ts';
import { readableOrgs } from './policy.ts';
import type { createOrgBody, orgExportQuery, orgListQuery, updateOrgBody } from './schema.ts';
import { readDb } from '../../platform/replica.ts';

/** Orgs with their counts of open children and active enterprises, filtered by scope. */
export function orgsWithCounts(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('orgs')
    .selectAll('orgs')
    .select((eb) => [
      eb
        .selectFrom('orgs as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'orgs.id')
        .where('c.status', '=', 'active')
        .as('child_count'),
      eb
        .selectFrom('enterprises as e')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('e.org_id', '=', 'orgs.id')
        .where('e.status', '=', 'active')
        .as('enterprise_count'),
    ])
    .where(readableOrgs(scope));
}

type OrgRow = Awaited<ReturnType<ReturnType<typeof orgsWithCounts>['executeTakeFirstOrThrow']>>;

export function orgView(r: OrgRow) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    level: r.level,
    basis: r.basis,
    parentId: r.parent_id,
    region: r.region,
    status: r.status,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    childCount: Number(r.child_count ?? 0),
    enterpriseCount: Number(r.enterprise_count ?? 0),
  };
}

async function loadOrg(tx: Tx, scope: Scope, orgId: number) {
  const org = await orgsWithCounts(tx, scope).where('orgs.id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('org');
  return org;
}

/**
 * Two requests naming siblings alike at the same moment both pass requireUniqueName; the
 * database's unique index (migration 0007) lets one in, and the other gets the same answer.
 */
function nameTakenOnRace(err: unknown): never {
  if (isUniqueViolation(err)) throw conflict('org_name_taken');
  throw err;
}

async function requireUniqueName(tx: Tx, name: string, parentId: number | null, exceptId?: number) {
  let q = tx.selectFrom('orgs').select('id').where('name', '=', name).where('status', '=', 'active');
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict('org_name_taken');
}

export async function getOrg(deps: Deps, caller: Caller, orgId: number) {
  const org = await loadOrg(deps.db, caller.scope, orgId);
  const ids = await ancestorIds(deps.db, orgId);
  const visible = ids.length
    ? await deps.db
        .selectFrom('orgs')
        .select(['id', 'name'])
        .where('id', 'in', ids)
        .where(readableOrgs(caller.scope))
        .execute()
    : [];
  const byId = new Map(visible.map((o) => [o.id, o]));
  const ancestors = ids.map((id) => byId.get(id)).filter((o): o is { id: number; name: string } => !!o);
  return { ...orgView(org), ancestors };
}

export async function listChildren(deps: Deps, caller: Caller, orgId: number) {
  const reader = readDb(deps, caller);
  await loadOrg(reader, caller.scope, orgId);
  const rows = await orgsWithCounts(reader, caller.scope).where('orgs.parent_id', '=', orgId).orderBy('orgs.status').orderBy('orgs.id').execute();
  return { items: rows.map(orgView), total: rows.length };
}

/** The tops of the caller's scope: where the console's tree starts. */
export async function listRoots(deps: Deps, caller: Caller) {
  const q = orgsWithCounts(readDb(deps, caller), caller.scope).where(isScopeTop(caller.scope));
  const rows = await q.orderBy('orgs.id').execute();
  return { items: rows.map(orgView), total: rows.length };
}

type OrgFilters = Omit<z.infer<typeof orgListQuery>, 'page' | 'pageSize'>;

/** The list's filter (search, kind, status, subtree) on `orgs`, beside the scope: the search and its export share it. */
function orgFilter(query: OrgFilters): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'orgs'>();
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) conditions.push(eb.or([eb('orgs.name', 'like', `%${query.q}%`), eb('orgs.region', 'like', `%${query.q}%`)]));
  if (query.kind) conditions.push(eb('orgs.kind', '=', query.kind));
  if (query.status) conditions.push(eb('orgs.status', '=', query.status));
  if (query.under) conditions.push(inSubtree('orgs.id', query.under));
  return eb.and(conditions);
}

export async function searchOrgs(deps: Deps, caller: Caller, query: z.infer<typeof orgListQuery>) {
  const reader = readDb(deps, caller);
  if (query.under) await loadOrg(reader, caller.scope, query.under);
  const q = reader.selectFrom('orgs').where(readableOrgs(caller.scope)).where(orgFilter(query));
  const { rows: page, total } = await paginate(q, query, (q) => q.select('orgs.id').orderBy('orgs.id'));
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await orgsWithCounts(reader, caller.scope).where('orgs.id', 'in', ids).orderBy('orgs.id').execute() : [];
  return { items: rows.map(orgView), total };
}

/** The organisations as the search filters them, in Excel, with their parents and counts. */
export async function exportOrgs(deps: Deps, caller: Caller, query: z.infer<typeof orgExportQuery>) {
  if (query.under) await loadOrg(deps.db, caller.scope, query.under);
  const { full, ...filters } = query;
  const basisText = { building: t.building, area: t.area, industry: t.industryBasis, town: t.town };
  return exportList(deps, caller, {
    list: 'orgs',
    title: t.orgs,
    orgId: query.under,
    filters,
    full,
    rows: (scope) => orgsWithCounts(deps.db, scope).where(orgFilter(filters)).leftJoin('orgs as parent', 'parent.id', 'orgs.parent_id').select('parent.name as parent_name'),
    keyset: 'orgs.id',
    columns: [
      { header: t.name, value: (o) => o.name, width: 30 },
      { header: t.kind, value: (o, lang) => labels[o.kind][lang], width: 12 },
      { header: t.level, value: (o, lang) => o.level && labels[o.level][lang], width: 16 },
      { header: t.basis, value: (o, lang) => o.basis && basisText[o.basis][lang], width: 8 },
      { header: t.parent, value: (o) => o.parent_name, width: 28 },
      { header: t.region, value: (o) => o.region, width: 16 },
      { header: t.status, value: (o, lang) => t[o.status][lang], width: 8 },
      { header: t.childCount, value: (o) => Number(o.child_count ?? 0), width: 10 },
      { header: t.enterpriseCount, value: (o) => Number(o.enterprise_count ?? 0), width: 10 },
      { header: t.createdAt, value: (o) => shanghaiMinute(o.created_at), width: 18 },
    ],
  });
}

export async function createOrg(deps: Deps, caller: Caller, input: z.infer<typeof createOrgBody>) {
  const shape = { kind: input.kind, level: input.kind === 'federation' ? (input.level ?? null) : null };
  return deps.db.transaction().execute(async (tx) => {
    if (input.parentId === null) {
      // Only a platform admin may start a new tree.
      if (!caller.scope.all) throw notFound('org');
      refuse(checkPlacement(shape, null));
    } else {
      const parent = await loadOrg(tx, caller.scope, input.parentId);
      if (parent.status === 'closed') throw refused('org_parent_closed');
      refuse(checkPlacement(shape, parent));
    }
    await requireUniqueName(tx, input.name, input.parentId);
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('orgs')
      .values({
        name: input.name,
        kind: input.kind,
        level: shape.level,
        basis: input.kind === 'joint_union' ? (input.basis ?? null) : null,
        parent_id: input.parentId,
        region: input.region,
        status: 'active',
        closed_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkIntoTree(tx, id, input.parentId);
    const org = orgView(await loadOrg(tx, everywhere, id));
    await audit(tx, caller.actor, { action: 'org.create', entity: 'org', entityId: id, orgId: id, after: org });
    return org;
  }).catch(nameTakenOnRace);
}

export async function updateOrg(deps: Deps, caller: Caller, orgId: number, input: z.infer<typeof updateOrgBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadOrg(tx, caller.scope, orgId);
    if (before.status === 'closed') throw refused('org_closed');
    if (input.name !== undefined && input.name !== before.name) await requireUniqueName(tx, input.name, before.parent_id, orgId);
    const set: Record<string, unknown> = { updated_at: caller.actor.now };
    if (input.name !== undefined) set.name = input.name;
    if (input.region !== undefined) set.region = input.region;
    if (input.basis !== undefined && before.kind === 'joint_union') set.basis = input.basis;
    await tx.updateTable('orgs').set(set).where('id', '=', orgId).execute();
    const after = orgView(await loadOrg(tx, caller.scope, orgId));
    await audit(tx, caller.actor, { action: 'org.update', entity: 'org', entityId: orgId, orgId, before: orgView(before), after });
    return after;
  }).catch(nameTakenOnRace);
}

export async function moveOrg(deps: Deps, caller: Caller, orgId: number, parentId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const org = await loadOrg(tx, caller.scope, orgId);
    const parent = await loadOrg(tx, caller.scope, parentId);
    if (org.status === 'closed') throw refused('org_closed');
    if (parent.status === 'closed') throw refused('org_parent_closed');
    refuse(checkMove(orgId, org.parent_id, [...(await ancestorIds(tx, parentId)), parentId]));
    refuse(checkPlacement(org, parent));
    if (org.parent_id === parentId) return orgView(org);
    await requireUniqueName(tx, org.name, parentId, orgId);
    await tx.updateTable('orgs').set({ parent_id: parentId, updated_at: caller.actor.now }).where('id', '=', orgId).execute();
    await moveSubtree(tx, orgId, parentId);
    const after = orgView(await loadOrg(tx, everywhere, orgId));
    await audit(tx, caller.actor, { action: 'org.move', entity: 'org', entityId: orgId, orgId, before: { parentId: org.parent_id }, after: { parentId } });
    return after;
  }).catch(nameTakenOnRace);
}

export async function closeOrg(deps: Deps, caller: Caller, orgId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const org = await loadOrg(tx, caller.scope, orgId);
    if (org.status === 'closed') throw refused('org_closed');
    refuse(checkClose(Number(org.child_count), Number(org.enterprise_count)));
    await tx.updateTable('orgs').set({ status: 'closed', closed_at: caller.actor.now, updated_at: caller.actor.now }).where('id', '=', orgId).execute();
    // Grants on a closed org give nothing any more: every session's grants are read again.
    await deps.sessions.changed(tx, { all: true });
    const after = orgView(await loadOrg(tx, caller.scope, orgId));
    await audit(tx, caller.actor, { action: 'org.close', entity: 'org', entityId: orgId, orgId, before: { status: org.status }, after: { status: 'closed' } });
    return after;
  });
}
