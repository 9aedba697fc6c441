import { sql } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse, refused } from '../../platform/errors.ts';
import { inScope, inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { shanghaiMinute, today } from '../../platform/dates.ts';
import { takeSeat } from '../../platform/seats.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { activeModelWorkerMemberIds } from '../honours/index.ts';
import { checkApplicant, checkPriorityFirst, priorityOf, statusOnApplying, waitingStatuses } from './rules.ts';
import { batchesOfMember, readableApplications, writableApplication } from './policy.ts';
import { agreementInForce, batchBase, batchesQuery } from './catalogue.ts';
import { settingsFor } from './settings.ts';
import { exportTexts as t } from './messages.ts';
import type { applicationExportQuery, applicationListQuery, applyBody } from './schema.ts';

/** Members' applications within their union's quota, and the union's decisions. */

/** The quota that serves a member of `orgId` in a batch: the nearest one up their union's chain. */
async function servingQuota(tx: Tx, batchId: number, orgId: number) {
  return tx
    .selectFrom('recuperation_quotas as q')
    .innerJoin('org_closure as oc', 'oc.ancestor_id', 'q.org_id')
    .innerJoin('seat_pools as s', 's.id', 'q.seat_pool_id')
    .select(['q.id', 'q.org_id', 'q.seat_pool_id', 's.capacity', 's.taken'])
    .where('q.batch_id', '=', batchId)
    .where('oc.descendant_id', '=', orgId)
    // the provider's own places serve nobody below it directly: they are handed down first
    .where((eb) => eb.or([eb('q.parent_id', 'is not', null), eb('q.org_id', '=', orgId)]))
    .orderBy('oc.depth')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A member from outside the provider's tree reaches a batch through a partner's quota: the
 * agreement behind it must still be in force. Null when the member is inside the provider's tree.
 */
async function partnerOf(tx: Tx, batch: { id: number; org_id: number }, orgId: number) {
  const inside = await tx.selectFrom('org_closure').select('depth').where('ancestor_id', '=', batch.org_id).where('descendant_id', '=', orgId).executeTakeFirst();
  if (inside) return null;
  const row = await tx
    .selectFrom('recuperation_quotas as q')
    .innerJoin('recuperation_quotas as root', 'root.id', 'q.parent_id')
    .innerJoin('org_closure as oc', 'oc.ancestor_id', 'q.org_id')
    .select('q.org_id')
    .where('q.batch_id', '=', batch.id)
    .where('root.parent_id', 'is', null)
    .where('oc.descendant_id', '=', orgId)
    .executeTakeFirst();
  return row?.org_id ?? null;
}

const tripsIn = async (tx: Tx, memberId: number, year: number, except?: number) =>
  Number(
    (
      await tx
        .selectFrom('recuperation_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .where('trip_year', '=', year)
        .where('status', '=', 'approved')
        .$if(except !== undefined, (q) => q.where('id', '!=', except!))
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function apply(deps: Deps, caller: Caller, batchId: number, input: z.infer<typeof applyBody>) {
  const user = caller.user!;
  const member = await membershipOf(deps.db, user.id);
  if (!member || member.status !== 'member') throw refused('recuperation_not_member');
  return deps.db.transaction().execute(async (tx) => {
    const batch = await tx.selectFrom('recuperation_batches').selectAll().where('id', '=', batchId).where(batchesOfMember(member.org_id)).executeTakeFirst();
    if (!batch) throw notFound('recuperation_batch');
    if (batch.starts_on <= today(deps)) throw refused('recuperation_started');
    const partner = await partnerOf(tx, batch, member.org_id);
    if (partner !== null && !(await agreementInForce(tx, batch.org_id, partner, today(deps)))) throw refused('recuperation_not_partner');
    const served = (await servingQuota(tx, batch.id, member.org_id))!;
    // applications to one quota one at a time on PostgreSQL, so that the pending ones never outnumber its free places
    if (deps.engine === 'postgres') await tx.selectFrom('recuperation_quotas').select('id').where('id', '=', served.id).forUpdate().execute();
    const quota = deps.engine === 'postgres' ? (await servingQuota(tx, batch.id, member.org_id))! : served;
    const { settings } = await settingsFor(tx, member.org_id);
    const tripYear = Number(batch.starts_on.slice(0, 4));
    refuse(checkApplicant({ workingYears: input.workingYears, tripsThisYear: await tripsIn(tx, member.id, tripYear) }, settings));
    const modelWorker = (await activeModelWorkerMemberIds(tx, [member.id])).has(member.id);
    const priority = priorityOf({ modelWorker, frontline: input.frontline, workingYears: input.workingYears }, settings);
    const pending = await tx.selectFrom('recuperation_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('quota_id', '=', quota.id).where('status', '=', 'pending').executeTakeFirstOrThrow();
    const status = statusOnApplying(quota.capacity - quota.taken, Number(pending.n));
    let id: number;
    try {
      ({ id } = await tx
        .insertInto('recuperation_applications')
        .values({
          batch_id: batch.id,
          quota_id: quota.id,
          org_id: member.org_id,
          member_id: member.id,
          user_id: user.id,
          trip_year: tripYear,
          working_years: input.workingYears,
          frontline: input.frontline ? 1 : 0,
          priority,
          status,
          reason: null,
          decided_by: null,
          decided_at: null,
          created_at: caller.actor.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('recuperation_already_applied');
      throw e;
    }
    await audit(tx, caller.actor, { action: 'recuperation_application.create', entity: 'recuperation_application', entityId: id, orgId: member.org_id, after: { batchId, status, priority, ...input } });
    return { id, status };
  });
}

async function reachable(tx: Tx, scope: Scope, id: number) {
  const row = await tx
    .selectFrom('recuperation_applications as a')
    .innerJoin('recuperation_batches as b', 'b.id', 'a.batch_id')
    .innerJoin('recuperation_products as p', 'p.id', 'b.product_id')
    .selectAll('a')
    .select(['p.title', 'b.starts_on'])
    .where('a.id', '=', id)
    .where(inScope('a.org_id', scope))
    .executeTakeFirst();
  if (!row) throw notFound('recuperation_application');
  return row;
}

/**
 * Approves within the union's quota: the application is claimed by a conditional update (two
 * cadres approving it at once: one wins), then the yearly rule, priority groups first, and one
 * seat of the serving quota's pool, taken atomically — however many approvals race, no quota is
 * ever exceeded.
 */
export async function approve(deps: Deps, caller: Caller, id: number) {
  return deps.db.transaction().execute(async (tx) => {
    const app = await reachable(tx, caller.scope, id);
    const claimed = await tx
      .updateTable('recuperation_applications')
      .set({ status: 'approved', decided_by: caller.actor.userId, decided_at: caller.actor.now })
      .where('id', '=', id)
      .where('status', 'in', waitingStatuses)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('recuperation_decided');
    // one member's approvals one at a time (PostgreSQL; SQLite writes one at a time anyway)
    if (deps.engine === 'postgres') await tx.selectFrom('members').select('id').where('id', '=', app.member_id).forUpdate().execute();
    const { settings } = await settingsFor(tx, app.org_id);
    refuse(checkApplicant({ workingYears: app.working_years, tripsThisYear: await tripsIn(tx, app.member_id, app.trip_year, id) }, settings));
    const quota = await tx.selectFrom('recuperation_quotas as q').innerJoin('seat_pools as s', 's.id', 'q.seat_pool_id').select(['q.seat_pool_id', 's.capacity', 's.taken']).where('q.id', '=', app.quota_id).executeTakeFirstOrThrow();
    const waitingPriority = await tx
      .selectFrom('recuperation_applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('quota_id', '=', app.quota_id)
      .where('status', 'in', waitingStatuses)
      .where('priority', 'is not', null)
      .executeTakeFirstOrThrow();
    refuse(checkPriorityFirst(app.priority, quota.capacity - quota.taken, Number(waitingPriority.n)));
    if (!(await takeSeat(tx, quota.seat_pool_id))) throw refused('recuperation_quota_full');
    await notify(tx, deps, [app.user_id], { kind: 'recuperation_approved', params: { product: app.title, startsOn: app.starts_on }, link: '/m/recuperation', key: `recuperation_approved:${id}` });
    await audit(tx, caller.actor, { action: 'recuperation_application.approve', entity: 'recuperation_application', entityId: id, orgId: app.org_id, before: { status: app.status }, after: { status: 'approved' } });
    return { id, status: 'approved' as const };
  });
}

export async function reject(deps: Deps, caller: Caller, id: number, reason: string) {
  return deps.db.transaction().execute(async (tx) => {
    const app = await reachable(tx, caller.scope, id);
    const done = await tx
      .updateTable('recuperation_applications')
      .set({ status: 'rejected', reason, decided_by: caller.actor.userId, decided_at: caller.actor.now })
      .where('id', '=', id)
      .where('status', 'in', waitingStatuses)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('recuperation_decided');
    await notify(tx, deps, [app.user_id], { kind: 'recuperation_rejected', params: { product: app.title, reason }, link: '/m/recuperation', key: `recuperation_rejected:${id}` });
    await audit(tx, caller.actor, { action: 'recuperation_application.reject', entity: 'recuperation_application', entityId: id, orgId: app.org_id, before: { status: app.status }, after: { status: 'rejected', reason } });
    return { id, status: 'rejected' as const };
  });
}

// ---- lists ----

function applications(tx: Tx) {
  return tx
    .selectFrom('recuperation_applications')
    .innerJoin('recuperation_batches as b', 'b.id', 'recuperation_applications.batch_id')
    .innerJoin('recuperation_products as p', 'p.id', 'b.product_id')
    .innerJoin('orgs', 'orgs.id', 'recuperation_applications.org_id')
    .innerJoin('members as m', 'm.id', 'recuperation_applications.member_id')
    .selectAll('recuperation_applications')
    .select(['p.title', 'p.destination', 'b.starts_on', 'b.ends_on', 'orgs.name as org_name', 'm.name as member_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof applications>['executeTakeFirstOrThrow']>>;
const view = (r: Row) => ({
  id: r.id,
  batchId: r.batch_id,
  title: r.title,
  destination: r.destination,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  orgId: r.org_id,
  orgName: r.org_name,
  memberId: r.member_id,
  memberName: r.member_name,
  workingYears: r.working_years,
  frontline: r.frontline === 1,
  priority: r.priority,
  status: r.status,
  reason: r.reason,
  createdAt: r.created_at,
});

type Filters = Omit<z.infer<typeof applicationListQuery>, 'page' | 'pageSize'>;
function filtered(tx: Tx, scope: Scope, query: Filters) {
  let q = applications(tx).where(readableApplications(scope));
  if (query.orgId) q = q.where(inSubtree('recuperation_applications.org_id', query.orgId));
  if (query.batchId) q = q.where('recuperation_applications.batch_id', '=', query.batchId);
  if (query.status) q = q.where('recuperation_applications.status', '=', query.status);
  return q;
}

export async function listApplications(deps: Deps, caller: Caller, query: z.infer<typeof applicationListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { rows, total } = await paginate(filtered(deps.db, caller.scope, query), query, (q) =>
    q
      .select(writableApplication(caller.user))
      // priority groups first, then first come
      .orderBy(sql`case when recuperation_applications.priority is null then 1 else 0 end`)
      .orderBy('recuperation_applications.id'),
  );
  return {
    items: rows.map((r) => ({ ...view(r), actions: r.writes === 1 && waitingStatuses.includes(r.status) ? (['approve', 'reject'] as const).slice() : [] })),
    total,
  };
}

export async function exportApplications(deps: Deps, caller: Caller, query: z.infer<typeof applicationExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'recuperation_applications',
    title: t.applications,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filtered(deps.db, scope, filters),
    keyset: 'recuperation_applications.id',
    columns: [
      { header: t.member, value: (r) => r.member_name, width: 12 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.product, value: (r) => r.title, width: 30 },
      { header: t.dates, value: (r) => `${r.starts_on} ~ ${r.ends_on}`, width: 24 },
      { header: t.status, value: (r, lang) => t[r.status][lang], width: 10 },
      { header: t.priority, value: (r, lang) => t[r.priority ?? 'none'][lang], width: 10 },
      { header: t.workingYears, value: (r) => r.working_years, width: 10 },
      { header: t.appliedAt, value: (r) => shanghaiMinute(r.created_at), width: 18 },
    ],
  });
}

/** The member's own applications, newest first. */
export async function myApplications(deps: Deps, caller: Caller) {
  const rows = await applications(deps.db).where('recuperation_applications.user_id', '=', caller.user!.id).orderBy('recuperation_applications.id', 'desc').execute();
  return { items: rows.map(view), total: rows.length };
}

/** Batches not yet started that the member's union chain holds places of, with the places left and their own application. */
export async function openBatches(deps: Deps, caller: Caller) {
  const member = await membershipOf(deps.db, caller.user!.id);
  if (!member) return { items: [], total: 0 };
  const rows = await batchesQuery(deps.db).where(batchesOfMember(member.org_id)).where('recuperation_batches.starts_on', '>', today(deps)).orderBy('recuperation_batches.starts_on').limit(100).execute();
  const items = [];
  for (const r of rows) {
    const quota = (await servingQuota(deps.db, r.id, member.org_id))!;
    const mine = await deps.db.selectFrom('recuperation_applications').select('status').where('batch_id', '=', r.id).where('member_id', '=', member.id).executeTakeFirst();
    items.push({ ...batchBase(r), free: quota.capacity - quota.taken, applied: mine?.status ?? null, includes: r.includes, days: r.days, centerName: r.center_name });
  }
  return { items, total: items.length };
}

/** For the workbench: applications of the unions in scope waiting for a decision. */
export async function countWaiting(deps: Deps, scope: Scope) {
  const row = await deps.db.selectFrom('recuperation_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', waitingStatuses).where(readableApplications(scope)).executeTakeFirstOrThrow();
  return Number(row.n);
}
