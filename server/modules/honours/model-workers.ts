import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { today } from '../../platform/dates.ts';
import { exportTexts as t } from './messages.ts';
import { readableModelWorkers, readableRuns, writableModelWorker } from './policy.ts';
import { monthlyAllowanceFen } from './rules.ts';
import { balanceColumn, entriesOf } from './ledger.ts';
import { settingsCache } from './settings.ts';
import type { allowanceRunBody, allowanceRunListQuery, createModelWorkerBody, modelWorkerExportQuery, modelWorkerListQuery, verificationBody } from './schema.ts';

const thisYear = (deps: Deps) => Number(today(deps).slice(0, 4));

/** Model workers with what their views show: the latest passed verification and the ledger's balance. */
function modelWorkers(tx: Tx, user: Caller['user'], year: number) {
  return tx
    .selectFrom('model_workers')
    .innerJoin('orgs', 'orgs.id', 'model_workers.org_id')
    .selectAll('model_workers')
    .select(['orgs.name as org_name', writableModelWorker(user)])
    .select((eb) => [
      eb
        .selectFrom('model_worker_verifications as v')
        .select((v) => v.fn.max('v.year').as('y'))
        .whereRef('v.model_worker_id', '=', 'model_workers.id')
        .where('v.alive', '=', 1)
        .where('v.in_post', '=', 1)
        .as('verified_year'),
      eb.exists(eb.selectFrom('model_worker_verifications as v').select('v.id').whereRef('v.model_worker_id', '=', 'model_workers.id').where('v.year', '=', year)).as('verified_now'),
      balanceColumn('model_worker', 'model_workers.id').as('balance'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof modelWorkers>['executeTakeFirstOrThrow']>>;

async function views(tx: Tx, rows: Row[]) {
  const settingsOf = settingsCache(tx);
  return Promise.all(
    rows.map(async (r) => {
      const s = await settingsOf(r.org_id);
      return {
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        memberId: r.member_id,
        name: r.name,
        employer: r.employer,
        kind: r.kind,
        level: r.level,
        title: r.title,
        year: r.year,
        status: r.status,
        monthlyAllowanceFen: monthlyAllowanceFen(s, { kind: 'model_worker', level: r.level }),
        wageUpliftPercent: s.wageUpliftPercent[r.level],
        verifiedYear: r.verified_year === null ? null : Number(r.verified_year),
        verifiedThisYear: Boolean(Number(r.verified_now)),
        balanceFen: Number(r.balance ?? 0),
        actions: r.writes === 1 && r.status === 'active' && !Number(r.verified_now) ? ['verify' as const] : [],
      };
    }),
  );
}

export async function createModelWorker(deps: Deps, caller: Caller, input: z.infer<typeof createModelWorkerBody>) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    let name = input.name ?? null;
    let employer = input.employer;
    if (input.memberId) {
      const member = await tx
        .selectFrom('members')
        .leftJoin('enterprises', 'enterprises.id', 'members.enterprise_id')
        .select(['members.name', 'members.employer_name', 'enterprises.name as enterprise_name'])
        .where('members.id', '=', input.memberId)
        .where(inSubtree('members.org_id', input.orgId))
        .where('members.status', '!=', 'left')
        .executeTakeFirst();
      if (!member) throw notFound('member');
      name = member.name;
      employer = employer ?? member.enterprise_name ?? member.employer_name;
    }
    if (!name) throw fieldError('name', 'not_blank');
    const { id } = await tx
      .insertInto('model_workers')
      .values({ org_id: input.orgId, member_id: input.memberId ?? null, name, employer, kind: input.kind, level: input.level, title: input.title, year: input.year, status: 'active', created_by: caller.actor.userId, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'model_worker.create', entity: 'model_worker', entityId: id, orgId: input.orgId, after: { ...input, name } });
    return { id };
  });
}

type Filters = Omit<z.infer<typeof modelWorkerListQuery>, 'page' | 'pageSize'>;

function filtered(deps: Deps, user: Caller['user'], scope: Scope, query: Filters) {
  const year = thisYear(deps);
  let q = modelWorkers(deps.db, user, year).where(readableModelWorkers(scope));
  if (query.orgId) q = q.where(inSubtree('model_workers.org_id', query.orgId));
  if (query.level) q = q.where('model_workers.level', '=', query.level);
  if (query.unverified) q = q.where('model_workers.status', '=', 'active').where((eb) => eb.not(eb.exists(eb.selectFrom('model_worker_verifications as v').select('v.id').whereRef('v.model_worker_id', '=', 'model_workers.id').where('v.year', '=', year))));
  return q;
}

export async function listModelWorkers(deps: Deps, caller: Caller, query: z.infer<typeof modelWorkerListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps, caller.user, caller.scope, query), query, (q) => q.orderBy('model_workers.id', 'desc'));
  return { items: await views(deps.db, rows), total };
}

export async function exportModelWorkers(deps: Deps, caller: Caller, query: z.infer<typeof modelWorkerExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  type View = Awaited<ReturnType<typeof views>>[number];
  return exportList<Row, View>(deps, caller, {
    list: 'model_workers',
    title: t.modelWorkers,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps, caller.user, scope, filters),
    keyset: 'model_workers.id',
    prepare: (rows) => views(deps.db, rows),
    columns: [
      { header: t.name, value: (r) => r.name, width: 12 },
      { header: t.org, value: (r) => r.orgName, width: 28 },
      { header: t.employer, value: (r) => r.employer, width: 28 },
      { header: t.kind, value: (r, lang) => t[r.kind][lang], width: 12 },
      { header: t.level, value: (r, lang) => t[r.level][lang], width: 8 },
      { header: t.title, value: (r) => r.title, width: 24 },
      { header: t.year, value: (r) => r.year, width: 8 },
      { header: t.monthly, value: (r) => r.monthlyAllowanceFen / 100, width: 12 },
      { header: t.paid, value: (r) => r.balanceFen / 100, width: 12 },
      { header: t.verified, value: (r, lang) => (r.verifiedThisYear ? t.yes : t.no)[lang], width: 10 },
    ],
  });
}

async function reachable(tx: Tx, scope: Scope, id: number) {
  const row = await tx.selectFrom('model_workers').selectAll().where('id', '=', id).where(readableModelWorkers(scope)).executeTakeFirst();
  if (!row) throw notFound('model_worker');
  return row;
}

/** The yearly verification: alive and in post. Found not alive, the model worker's allowance ends. */
export async function verify(deps: Deps, caller: Caller, id: number, input: z.infer<typeof verificationBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const mw = await reachable(tx, caller.scope, id);
    if (mw.status !== 'active') throw refused('model_worker_ended');
    try {
      const row = await tx
        .insertInto('model_worker_verifications')
        .values({ model_worker_id: id, year: input.year, alive: input.alive ? 1 : 0, in_post: input.inPost ? 1 : 0, note: input.note, verified_by: caller.actor.userId, verified_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!input.alive) await tx.updateTable('model_workers').set({ status: 'ended' }).where('id', '=', id).execute();
      await audit(tx, caller.actor, { action: 'model_worker.verify', entity: 'model_worker', entityId: id, orgId: mw.org_id, after: input });
      return { id: row.id };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('model_worker_verified', { year: input.year });
      throw err;
    }
  });
}

export async function ledgerOf(deps: Deps, caller: Caller, id: number) {
  const mw = await reachable(deps.db, caller.scope, id);
  const verifications = await deps.db.selectFrom('model_worker_verifications').selectAll().where('model_worker_id', '=', id).orderBy('year', 'desc').execute();
  return {
    holderKind: 'model_worker' as const,
    holderId: id,
    name: mw.name,
    ...(await entriesOf(deps.db, 'model_worker', id)),
    verifications: verifications.map((v) => ({ year: v.year, alive: v.alive === 1, inPost: v.in_post === 1, note: v.note, verifiedAt: v.verified_at })),
  };
}

// ---- allowance runs ----

function runs(tx: Tx) {
  return tx.selectFrom('allowance_runs').innerJoin('orgs', 'orgs.id', 'allowance_runs.org_id').selectAll('allowance_runs').select('orgs.name as org_name');
}
type RunRow = Awaited<ReturnType<ReturnType<typeof runs>['executeTakeFirstOrThrow']>>;
const runView = (r: RunRow) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, month: r.month, status: r.status, paid: r.paid, skipped: r.skipped, totalFen: Number(r.total_fen), createdAt: r.created_at, finishedAt: r.finished_at });

/**
 * Queues a month's allowance run for an org's subtree: the run row and its durable job, keyed by
 * org and month, in one transaction. Asked again for the same month, it answers the existing run
 * (created: false) and queues nothing.
 */
export async function startRun(deps: Deps, caller: Caller, input: z.infer<typeof allowanceRunBody>, requestedBy = caller.actor.userId) {
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const existing = await runs(tx).where('allowance_runs.org_id', '=', input.orgId).where('allowance_runs.month', '=', input.month).executeTakeFirst();
    if (existing) return { created: false, run: runView(existing) };
    const { id } = await tx
      .insertInto('allowance_runs')
      .values({ org_id: input.orgId, month: input.month, status: 'queued', paid: 0, skipped: 0, total_fen: 0, requested_by: requestedBy, created_at: caller.actor.now, finished_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.jobs.send('honours.allowance-run', { runId: id }, { key: `${input.orgId}:${input.month}`, trx: tx as never });
    await audit(tx, caller.actor, { action: 'allowance_run.create', entity: 'allowance_run', entityId: id, orgId: input.orgId, after: input });
    return { created: true, run: runView(await runs(tx).where('allowance_runs.id', '=', id).executeTakeFirstOrThrow()) };
  });
}

export async function listRuns(deps: Deps, caller: Caller, query: z.infer<typeof allowanceRunListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = runs(deps.db).where(readableRuns(caller.scope));
  if (query.orgId) q = q.where(inSubtree('allowance_runs.org_id', query.orgId));
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('allowance_runs.id', 'desc'));
  return { items: rows.map(runView), total };
}

/**
 * The monthly schedule: on the 1st, the month's run for every tree root (the deployment's top
 * federations), as the system. A cadre may start a run for their own scope earlier.
 */
export async function scheduledRuns(deps: Deps): Promise<void> {
  const month = today(deps).slice(0, 7);
  const roots = await deps.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).execute();
  const system: Caller = { user: null, scope: { all: true, roots: [] }, actor: { userId: null, ip: null, now: deps.clock().toISOString() }, lang: 'zh' };
  for (const r of roots) await startRun(deps, system, { orgId: r.id, month });
}

/** Active model workers in scope without this year's verification: the workbench's to-do. */
export async function countUnverified(deps: Deps, scope: Scope) {
  const year = thisYear(deps);
  const row = await deps.db
    .selectFrom('model_workers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('model_workers.status', '=', 'active')
    .where(readableModelWorkers(scope))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('model_worker_verifications as v').select('v.id').whereRef('v.model_worker_id', '=', 'model_workers.id').where('v.year', '=', year))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
