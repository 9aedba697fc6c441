import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { everywhere, inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { paginate } from '../../platform/paging.ts';
import { today } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import type { Lang } from '../../platform/i18n.ts';
import { audit, type Actor } from '../../platform/audit.ts';
import { exportTexts as t } from './messages.ts';
import { readableEnterprises } from './policy.ts';
import { hasUnion, needsUnion } from './rules.ts';
import type { TeamTable } from './tables.ts';
import type { createEnterpriseBody, createTeamBody, enterpriseExportQuery, enterpriseListQuery, teamListQuery, updateEnterpriseBody, updateTeamBody } from './schema.ts';

/** Enterprises (covered by a union, or only by a federation when they have none) and their teams. */

function enterprises(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('enterprises')
    .innerJoin('orgs', 'orgs.id', 'enterprises.org_id')
    .where(readableEnterprises(scope));
}


async function enterpriseRows(deps: Deps, tx: Tx, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await enterprises(tx, scope)
    .selectAll('enterprises')
    .select(['orgs.name as org_name', 'orgs.kind as org_kind'])
    .select((eb) =>
      eb
        .selectFrom('teams')
        .select((t) => t.fn.countAll<number>().as('n'))
        .whereRef('teams.enterprise_id', '=', 'enterprises.id')
        .where('teams.status', '=', 'active')
        .as('team_count'),
    )
    .where('enterprises.id', 'in', ids)
    .orderBy('enterprises.id')
    .execute();
  const day = today(deps);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    industry: r.industry,
    foundedOn: r.founded_on,
    employees: r.employees,
    newEconomy: r.new_economy === 1,
    orgId: r.org_id,
    orgName: r.org_name,
    hasUnion: hasUnion(r.org_kind),
    needsUnion: r.status === 'active' && needsUnion(r.org_kind, r.founded_on, day),
    status: r.status,
    teamCount: Number(r.team_count ?? 0),
    createdAt: r.created_at,
  }));
}

async function loadEnterprise(deps: Deps, tx: Tx, scope: Scope, id: number) {
  const [row] = await enterpriseRows(deps, tx, scope, [id]);
  if (!row) throw notFound('enterprise');
  return row;
}

type EnterpriseFilters = Omit<z.infer<typeof enterpriseListQuery>, 'page' | 'pageSize'>;

/** The enterprises in `scope` as the list filters them: the list and its export share it. */
function filteredEnterprises(tx: Tx, scope: Scope, query: EnterpriseFilters) {
  let q = enterprises(tx, scope);
  if (query.q) q = q.where((eb) => eb.or([eb('enterprises.name', 'like', `%${query.q}%`), eb('enterprises.uscc', '=', query.q!.toUpperCase())]));
  if (query.orgId) q = q.where(inSubtree('enterprises.org_id', query.orgId));
  if (query.withoutUnion !== undefined) q = q.where('orgs.kind', query.withoutUnion ? '=' : '!=', 'federation');
  if (query.newEconomy !== undefined) q = q.where('enterprises.new_economy', '=', query.newEconomy ? 1 : 0);
  if (query.status) q = q.where('enterprises.status', '=', query.status);
  return q;
}

export async function listEnterprises(deps: Deps, caller: Caller, query: z.infer<typeof enterpriseListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filteredEnterprises(deps.db, caller.scope, query), query, (q) => q.select('enterprises.id').orderBy('enterprises.id'));
  const ids = rows.map((r) => r.id);
  return { items: await enterpriseRows(deps, deps.db, caller.scope, ids), total };
}

/** The enterprises as the list filters them, in Excel, with whether they have or should set up a union. */
export async function exportEnterprises(deps: Deps, caller: Caller, query: z.infer<typeof enterpriseExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  const day = today(deps);
  const yes = (v: boolean, lang: Lang) => (v ? t.yes[lang] : '');
  return exportList(deps, caller, {
    list: 'enterprises',
    title: t.enterprises,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) =>
      filteredEnterprises(deps.db, scope, filters)
        .selectAll('enterprises')
        .select(['orgs.name as org_name', 'orgs.kind as org_kind'])
        .select((eb) => eb.selectFrom('teams').select((c) => c.fn.countAll<number>().as('n')).whereRef('teams.enterprise_id', '=', 'enterprises.id').where('teams.status', '=', 'active').as('team_count')),
    keyset: 'enterprises.id',
    columns: [
      { header: t.name, value: (e) => e.name, width: 30 },
      { header: t.uscc, value: (e) => e.uscc, text: true, width: 22 },
      { header: t.industry, value: (e) => e.industry, width: 14 },
      { header: t.foundedOn, value: (e) => e.founded_on, width: 12 },
      { header: t.newEconomy, value: (e, lang) => yes(e.new_economy === 1, lang), width: 8 },
      { header: t.coveringOrg, value: (e) => e.org_name, width: 28 },
      { header: t.hasUnion, value: (e, lang) => yes(hasUnion(e.org_kind), lang), width: 8 },
      { header: t.needsUnion, value: (e, lang) => yes(e.status === 'active' && needsUnion(e.org_kind, e.founded_on, day), lang), width: 8 },
      { header: t.status, value: (e, lang) => t[e.status][lang], width: 8 },
      { header: t.teamCount, value: (e) => Number(e.team_count ?? 0), width: 8 },
    ],
  });
}

export const getEnterprise = (deps: Deps, caller: Caller, id: number) => loadEnterprise(deps, deps.db, caller.scope, id);

async function requireActiveOrg(tx: Tx, scope: Scope, orgId: number) {
  await requireOrgInScope(tx, scope, orgId);
  const org = await tx.selectFrom('orgs').select('status').where('id', '=', orgId).executeTakeFirstOrThrow();
  if (org.status === 'closed') throw refused('org_closed');
}

async function requireFreeUscc(tx: Tx, uscc: string, exceptId?: number) {
  let q = tx.selectFrom('enterprises').select('id').where('uscc', '=', uscc);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict('uscc_taken');
}

export async function createEnterprise(deps: Deps, caller: Caller, input: z.infer<typeof createEnterpriseBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireActiveOrg(tx, caller.scope, input.orgId);
    await requireFreeUscc(tx, input.uscc);
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('enterprises')
      .values({
        name: input.name,
        uscc: input.uscc,
        industry: input.industry,
        founded_on: input.foundedOn ?? null,
        employees: input.employees ?? null,
        new_economy: input.newEconomy ? 1 : 0,
        org_id: input.orgId,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = await loadEnterprise(deps, tx, caller.scope, id);
    await audit(tx, caller.actor, { action: 'enterprise.create', entity: 'enterprise', entityId: id, orgId: input.orgId, after: view });
    return view;
  });
}

export async function updateEnterprise(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateEnterpriseBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadEnterprise(deps, tx, caller.scope, id);
    if (before.status === 'closed') throw refused('enterprise_closed');
    if (input.orgId !== undefined && input.orgId !== before.orgId) await requireActiveOrg(tx, caller.scope, input.orgId);
    const set: Record<string, unknown> = { updated_at: caller.actor.now };
    if (input.name !== undefined) set.name = input.name;
    if (input.orgId !== undefined) set.org_id = input.orgId;
    if (input.industry !== undefined) set.industry = input.industry;
    if (input.foundedOn !== undefined) set.founded_on = input.foundedOn;
    if (input.employees !== undefined) set.employees = input.employees;
    if (input.newEconomy !== undefined) set.new_economy = input.newEconomy ? 1 : 0;
    await tx.updateTable('enterprises').set(set).where('id', '=', id).execute();
    const after = await loadEnterprise(deps, tx, everywhere, id);
    await audit(tx, caller.actor, { action: 'enterprise.update', entity: 'enterprise', entityId: id, orgId: after.orgId, before, after });
    return after;
  });
}

/** Closing an enterprise closes its teams with it, in one transaction. */
export async function closeEnterprise(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadEnterprise(deps, tx, caller.scope, id);
    if (before.status === 'closed') throw refused('enterprise_closed');
    const now = caller.actor.now;
    await tx.updateTable('enterprises').set({ status: 'closed', updated_at: now }).where('id', '=', id).execute();
    await tx.updateTable('teams').set({ status: 'closed', updated_at: now }).where('enterprise_id', '=', id).where('status', '=', 'active').execute();
    await audit(tx, caller.actor, { action: 'enterprise.close', entity: 'enterprise', entityId: id, orgId: before.orgId, before: { status: 'active', teamCount: before.teamCount }, after: { status: 'closed' } });
    return loadEnterprise(deps, tx, caller.scope, id);
  });
}

// ---------- teams ----------

function teams(tx: Tx, scope: Scope) {
  return tx
    .selectFrom('teams')
    .innerJoin('enterprises', 'enterprises.id', 'teams.enterprise_id')
    .where(readableEnterprises(scope));
}

async function teamRows(tx: Tx, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await teams(tx, scope)
    .selectAll('teams')
    .select(['enterprises.name as enterprise_name', 'enterprises.org_id'])
    .where('teams.id', 'in', ids)
    .orderBy('teams.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    orgId: r.org_id,
    status: r.status,
    createdAt: r.created_at,
  }));
}

async function loadTeam(tx: Tx, scope: Scope, id: number) {
  const [row] = await teamRows(tx, scope, [id]);
  if (!row) throw notFound('team');
  return row;
}

export const getTeam = (deps: Deps, caller: Caller, id: number) => loadTeam(deps.db, caller.scope, id);

export async function listTeams(deps: Deps, caller: Caller, query: z.infer<typeof teamListQuery>) {
  let q = teams(deps.db, caller.scope);
  if (query.enterpriseId) q = q.where('teams.enterprise_id', '=', query.enterpriseId);
  if (query.orgId) q = q.where(inSubtree('enterprises.org_id', query.orgId));
  if (query.q) q = q.where('teams.name', 'like', `%${query.q}%`);
  if (query.status) q = q.where('teams.status', '=', query.status);
  const { rows, total } = await paginate(q, query, (q) => q.select('teams.id').orderBy('teams.id'));
  const ids = rows.map((r) => r.id);
  return { items: await teamRows(deps.db, caller.scope, ids), total };
}

async function requireUniqueTeamName(tx: Tx, enterpriseId: number, name: string, exceptId?: number) {
  let q = tx.selectFrom('teams').select('id').where('enterprise_id', '=', enterpriseId).where('name', '=', name).where('status', '=', 'active');
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict('team_name_taken');
}

export async function createTeam(deps: Deps, caller: Caller, input: z.infer<typeof createTeamBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const enterprise = await loadEnterprise(deps, tx, caller.scope, input.enterpriseId);
    if (enterprise.status === 'closed') throw refused('enterprise_closed');
    await requireUniqueTeamName(tx, input.enterpriseId, input.name);
    const id = await addTeam(tx, caller.actor, { ...input, orgId: enterprise.orgId });
    return loadTeam(tx, caller.scope, id);
  });
}

/**
 * Adds a team to an active enterprise inside the caller's transaction, audited: the one way any
 * module creates a team (the Pioneer titles import creates the teams its workbook names).
 * `source` says which import or page it came from.
 */
export async function addTeam(tx: Tx, actor: Actor, team: { enterpriseId: number; orgId: number; name: string; kind: TeamTable['kind']; source?: string }): Promise<number> {
  const now = actor.now;
  const { id } = await tx
    .insertInto('teams')
    .values({ enterprise_id: team.enterpriseId, name: team.name, kind: team.kind, status: 'active', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = { name: team.name, kind: team.kind, enterpriseId: team.enterpriseId, ...(team.source ? { source: team.source } : {}) };
  await audit(tx, actor, { action: 'team.create', entity: 'team', entityId: id, orgId: team.orgId, after });
  return id;
}

export async function updateTeam(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateTeamBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadTeam(tx, caller.scope, id);
    if (before.status === 'closed') throw refused('team_closed');
    if (input.name !== undefined && input.name !== before.name) await requireUniqueTeamName(tx, before.enterpriseId, input.name, id);
    const set: Record<string, unknown> = { updated_at: caller.actor.now };
    if (input.name !== undefined) set.name = input.name;
    if (input.kind !== undefined) set.kind = input.kind;
    await tx.updateTable('teams').set(set).where('id', '=', id).execute();
    const after = await loadTeam(tx, caller.scope, id);
    await audit(tx, caller.actor, { action: 'team.update', entity: 'team', entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}

export async function closeTeam(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadTeam(tx, caller.scope, id);
    if (before.status === 'closed') throw refused('team_closed');
    await tx.updateTable('teams').set({ status: 'closed', updated_at: caller.actor.now }).where('id', '=', id).execute();
    await audit(tx, caller.actor, { action: 'team.close', entity: 'team', entityId: id, orgId: before.orgId, before: { status: 'active' }, after: { status: 'closed' } });
    return loadTeam(tx, caller.scope, id);
  });
}
