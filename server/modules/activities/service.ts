import crypto from 'node:crypto';
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { compiledOnce, isUniqueViolation, type Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { shanghaiMinute, shanghaiYear, today } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { AppError, conflict, fieldError, notFound, refuse, refused } from '../../platform/errors.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { paginate } from '../../platform/paging.ts';
import { overviewSection, percent } from '../../platform/overview.ts';
import { audit } from '../../platform/audit.ts';
import { translate } from '../../platform/i18n.ts';
import { createSeatPool, releaseSeat, resizeSeatPool, takeSeat } from '../../platform/seats.ts';
import { membershipOf } from '../members/index.ts';
import { checkedIn, registered, registrationCancelled } from './hooks.ts';
import { notify } from '../notifications/index.ts';
import { exportTexts as t } from './messages.ts';
import { readableByCadre, readableByPerson, writableByCadre } from './policy.ts';
import { activityActions, checkActivityAction, checkAudience, checkCancel, checkSchedule, checkSignUp, normaliseCode, cancelDeadline, signupClosesAt, type ActivityFacts } from './rules.ts';
import { activitiesOverviewView, type activityExportQuery, type activityListQuery, type createActivityBody, type registrationExportQuery, type registrationListQuery, type updateActivityBody } from './schema.ts';
import { readDb, readingDeps } from '../../platform/replica.ts';

function activities(tx: Tx) {
  return tx
    .selectFrom('activities')
    .innerJoin('orgs', 'orgs.id', 'activities.org_id')
    .innerJoin('seat_pools', 'seat_pools.id', 'activities.seat_pool_id')
    .selectAll('activities')
    .select(['orgs.name as org_name', 'seat_pools.capacity'])
    .select((eb) => [
      eb.selectFrom('activity_registrations as r').select((c) => c.fn.countAll<number>().as('n')).whereRef('r.activity_id', '=', 'activities.id').where('r.status', '=', 'confirmed').as('confirmed'),
      eb.selectFrom('activity_registrations as r').select((c) => c.fn.countAll<number>().as('n')).whereRef('r.activity_id', '=', 'activities.id').where('r.status', '=', 'waitlisted').as('waitlisted'),
      eb.selectFrom('activity_registrations as r').select((c) => c.fn.countAll<number>().as('n')).whereRef('r.activity_id', '=', 'activities.id').where('r.checked_in_at', 'is not', null).as('checked_in'),
    ]);
}
type ActivityRow = Awaited<ReturnType<ReturnType<typeof activities>['executeTakeFirstOrThrow']>>;

function facts(a: ActivityRow): ActivityFacts {
  return {
    status: a.status,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    signupOpensAt: a.signup_opens_at,
    signupClosesAt: a.signup_closes_at,
    cancelDeadline: a.cancel_deadline,
    membersOnly: a.members_only === 1,
    minAge: a.min_age,
    maxAge: a.max_age,
  };
}

function activityView(a: ActivityRow) {
  const f = facts(a);
  return {
    id: a.id,
    orgId: a.org_id,
    orgName: a.org_name,
    openToAll: a.open_to_all === 1,
    title: a.title,
    kind: a.kind,
    description: a.description,
    place: a.place,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    capacity: a.capacity,
    confirmed: Number(a.confirmed ?? 0),
    waitlisted: Number(a.waitlisted ?? 0),
    checkedIn: Number(a.checked_in ?? 0),
    signupOpensAt: a.signup_opens_at,
    signupClosesAt: signupClosesAt(f),
    cancelDeadline: cancelDeadline(f),
    membersOnly: a.members_only === 1,
    minAge: a.min_age,
    maxAge: a.max_age,
    status: a.status,
    createdAt: a.created_at,
  };
}

/** An activity as the console shows it to the caller: with the actions open to them now. */
const managedView = (now: string) => (a: ActivityRow & { writes: number }) => ({ ...activityView(a), actions: activityActions(facts(a), now, a.writes === 1) });

async function activityInScope(tx: Tx, scope: Scope, id: number) {
  const a = await activities(tx).where('activities.id', '=', id).where(readableByCadre(scope)).executeTakeFirst();
  if (!a) throw notFound('activity');
  return a;
}

function scheduleError(field: string | null) {
  if (field) throw fieldError(field, 'activity_times_order');
}

export async function createActivity(deps: Deps, caller: Caller, input: z.infer<typeof createActivityBody>) {
  const audience = checkAudience(input);
  if (audience) throw fieldError(audience, 'activity_members_only_open_to_all');
  scheduleError(checkSchedule({ ...input, signupOpensAt: input.signupOpensAt ?? null, signupClosesAt: input.signupClosesAt ?? null, cancelDeadline: input.cancelDeadline ?? null, minAge: input.minAge ?? null, maxAge: input.maxAge ?? null }));
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const poolId = await createSeatPool(tx, input.capacity);
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('activities')
      .values({
        org_id: input.orgId,
        open_to_all: input.openToAll ? 1 : 0,
        title: input.title,
        kind: input.kind,
        description: input.description,
        place: input.place,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        seat_pool_id: poolId,
        signup_opens_at: input.signupOpensAt ?? null,
        signup_closes_at: input.signupClosesAt ?? null,
        cancel_deadline: input.cancelDeadline ?? null,
        members_only: input.membersOnly ? 1 : 0,
        min_age: input.minAge ?? null,
        max_age: input.maxAge ?? null,
        status: 'published',
        created_by: caller.user!.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'activity.create', entity: 'activity', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

type ActivityFilters = Omit<z.infer<typeof activityListQuery>, 'page' | 'pageSize'>;

/** The list's filter (scope, org, time, kind, status) on the activities table: the list and its export share it. */
function activityFilter(scope: Scope, query: ActivityFilters): Expression<SqlBool> {
  const eb = expressionBuilder<DB, 'activities'>();
  const conditions: Expression<SqlBool>[] = [readableByCadre(scope)];
  if (query.orgId) conditions.push(inSubtree('activities.org_id', query.orgId));
  if (query.from) conditions.push(eb('activities.starts_at', '>=', query.from));
  if (query.to) conditions.push(eb('activities.starts_at', '<', query.to));
  if (query.kind) conditions.push(eb('activities.kind', '=', query.kind));
  if (query.status) conditions.push(eb('activities.status', '=', query.status));
  return eb.and(conditions);
}

export async function listActivities(deps: Deps, caller: Caller, query: z.infer<typeof activityListQuery>) {
  const reader = readDb(deps, caller);
  if (query.orgId) await requireOrgInScope(reader, caller.scope, query.orgId);
  const q = reader.selectFrom('activities').where(activityFilter(caller.scope, query));
  const { rows: page, total } = await paginate(q, query, (q) => q.select('activities.id').orderBy('activities.starts_at', 'desc'));
  const ids = page.map((r) => r.id);
  const rows = ids.length ? await activities(reader).select(writableByCadre(caller.user)).where('activities.id', 'in', ids).orderBy('activities.starts_at', 'desc').execute() : [];
  return { items: rows.map(managedView(caller.actor.now)), total };
}

/** The activities as the list filters them, in Excel, with their sign-up and attendance counts. */
export async function exportActivities(deps: Deps, caller: Caller, query: z.infer<typeof activityExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'activities',
    title: t.activities,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => activities(deps.db).where(activityFilter(scope, filters)),
    keyset: 'activities.id',
    columns: [
      { header: t.title, value: (a) => a.title, width: 30 },
      { header: t.kind, value: (a, lang) => t.kinds[a.kind][lang], width: 14 },
      { header: t.org, value: (a) => a.org_name, width: 28 },
      { header: t.place, value: (a) => a.place, width: 24 },
      { header: t.startsAt, value: (a) => shanghaiMinute(a.starts_at), width: 18 },
      { header: t.endsAt, value: (a) => shanghaiMinute(a.ends_at), width: 18 },
      { header: t.capacity, value: (a) => a.capacity, width: 8 },
      { header: t.confirmed, value: (a) => Number(a.confirmed ?? 0), width: 8 },
      { header: t.waitlisted, value: (a) => Number(a.waitlisted ?? 0), width: 8 },
      { header: t.checkedIn, value: (a) => Number(a.checked_in ?? 0), width: 8 },
      { header: t.status, value: (a, lang) => t[a.status][lang], width: 10 },
    ],
  });
}

export async function getActivity(deps: Deps, caller: Caller, id: number) {
  const a = await activities(deps.db).select(writableByCadre(caller.user)).where('activities.id', '=', id).where(readableByCadre(caller.scope)).executeTakeFirst();
  if (!a) throw notFound('activity');
  return managedView(caller.actor.now)(a);
}

/** Confirms waitlisted people in sign-up order while seats are free. */
async function promoteWaitlisted(tx: Tx, activityId: number, poolId: number): Promise<number[]> {
  const promoted: number[] = [];
  for (;;) {
    const next = await tx
      .selectFrom('activity_registrations')
      .select('id')
      .where('activity_id', '=', activityId)
      .where('status', '=', 'waitlisted')
      .orderBy('id')
      .executeTakeFirst();
    if (!next) return promoted;
    if (!(await takeSeat(tx, poolId))) return promoted;
    const done = await tx.updateTable('activity_registrations').set({ status: 'confirmed' }).where('id', '=', next.id).where('status', '=', 'waitlisted').executeTakeFirst();
    if (Number(done.numUpdatedRows) === 1) promoted.push(next.id);
    else await releaseSeat(tx, poolId);
  }
}

/** Tells the people confirmed off the waitlist (`promoteWaitlisted`'s registrations). */
async function notifyPromoted(tx: Tx, deps: Deps, registrationIds: number[]) {
  if (registrationIds.length === 0) return;
  const rows = await tx
    .selectFrom('activity_registrations as r')
    .innerJoin('activities as a', 'a.id', 'r.activity_id')
    .select(['r.id', 'r.user_id', 'a.title', 'a.starts_at'])
    .where('r.id', 'in', registrationIds)
    .execute();
  for (const r of rows) {
    await notify(tx, deps, [r.user_id], { kind: 'waitlist_promoted', params: { title: r.title, startsAt: shanghaiMinute(r.starts_at) }, link: '/m/activities/mine', key: `registration:${r.id}:promoted`, sms: true });
  }
}

/** Everyone still registered (confirmed or waitlisted) for an activity. */
async function registrantsOf(tx: Tx, activityId: number): Promise<number[]> {
  const rows = await tx.selectFrom('activity_registrations').select('user_id').where('activity_id', '=', activityId).where('status', 'in', ['confirmed', 'waitlisted']).execute();
  return rows.map((r) => r.user_id);
}

/**
 * The reminder 24 hours before an activity starts, to everyone confirmed: run every quarter hour by
 * the job `activities.reminders`, so a reminder is late by at most that. Keyed by the activity and
 * its start, so each person gets it once, and again if the activity is moved.
 */
export async function sendReminders(deps: Deps): Promise<number> {
  const now = deps.clock();
  const until = new Date(now.getTime() + 24 * 3600_000).toISOString();
  const due = await deps.db
    .selectFrom('activities')
    .select(['id', 'title', 'place', 'starts_at'])
    .where('status', '=', 'published')
    .where('starts_at', '>', now.toISOString())
    .where('starts_at', '<=', until)
    .execute();
  let sent = 0;
  for (const a of due) {
    await deps.db.transaction().execute(async (tx) => {
      const people = await tx.selectFrom('activity_registrations').select('user_id').where('activity_id', '=', a.id).where('status', '=', 'confirmed').execute();
      const ids = await notify(tx, deps, people.map((p) => p.user_id), {
        kind: 'activity_reminder',
        params: { title: a.title, startsAt: shanghaiMinute(a.starts_at), place: a.place ?? '' },
        link: '/m/activities/mine',
        key: `activity:${a.id}:reminder:${a.starts_at}`,
        sms: true,
      });
      sent += ids.length;
    });
  }
  return sent;
}

export async function updateActivity(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateActivityBody>) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await activityInScope(tx, caller.scope, id);
    refuse(checkActivityAction('update', facts(before), caller.actor.now));
    const merged = { ...facts(before), ...input, minAge: before.min_age, maxAge: before.max_age };
    scheduleError(checkSchedule(merged));
    if (input.capacity !== undefined && !(await resizeSeatPool(tx, before.seat_pool_id, input.capacity))) {
      throw fieldError('capacity', 'capacity_below_confirmed', { count: before.confirmed ?? 0 });
    }
    const set: Record<string, unknown> = { updated_at: caller.actor.now };
    const columns: Record<string, string> = {
      title: 'title', description: 'description', place: 'place', startsAt: 'starts_at', endsAt: 'ends_at',
      signupOpensAt: 'signup_opens_at', signupClosesAt: 'signup_closes_at', cancelDeadline: 'cancel_deadline',
    };
    for (const [key, column] of Object.entries(columns)) if ((input as Record<string, unknown>)[key] !== undefined) set[column] = (input as Record<string, unknown>)[key];
    await tx.updateTable('activities').set(set).where('id', '=', id).execute();
    const promoted = input.capacity !== undefined ? await promoteWaitlisted(tx, id, before.seat_pool_id) : [];
    await notifyPromoted(tx, deps, promoted);
    await audit(tx, caller.actor, { action: 'activity.update', entity: 'activity', entityId: id, orgId: before.org_id, before: activityView(before), after: { ...input, promoted } });
  });
  return getActivity(deps, caller, id);
}

export async function cancelActivity(deps: Deps, caller: Caller, id: number) {
  await deps.db.transaction().execute(async (tx) => {
    const before = await activityInScope(tx, caller.scope, id);
    refuse(checkActivityAction('cancel', facts(before), caller.actor.now));
    await tx.updateTable('activities').set({ status: 'cancelled', updated_at: caller.actor.now }).where('id', '=', id).execute();
    await audit(tx, caller.actor, { action: 'activity.cancel', entity: 'activity', entityId: id, orgId: before.org_id, before: { status: 'published' }, after: { status: 'cancelled' } });
    await notify(tx, deps, await registrantsOf(tx, id), { kind: 'activity_cancelled', params: { title: before.title, startsAt: shanghaiMinute(before.starts_at) }, link: '/m/activities/mine', key: `activity:${id}:cancelled`, sms: true });
  });
  return getActivity(deps, caller, id);
}

// ---------- the worker's side ----------

/** The member record behind an account, if any: on every portal activity page, so compiled once. */

/** Activities a person may see (policy.ts). */
function visibleTo(tx: Tx, memberOrgId: number | null) {
  return activities(tx).where(readableByPerson(memberOrgId));
}

async function visibleActivity(tx: Tx, userId: number, activityId: number) {
  const person = await membershipOf(tx, userId);
  const a = await visibleTo(tx, person?.org_id ?? null).where('activities.id', '=', activityId).executeTakeFirst();
  if (!a) throw notFound('activity');
  return { a, person };
}

/** Published activities not yet over that a person may see, soonest first: the portal's 活动 page, compiled once. */
const notOver = (q: ReturnType<typeof visibleTo>, now: string) => q.where('activities.status', '=', 'published').where('activities.ends_at', '>', now).orderBy('activities.starts_at').limit(200);
const openActivities = {
  anyone: compiledOnce((db, now: string) => notOver(visibleTo(db, null), now)),
  member: compiledOnce((db, memberOrgId: number, now: string) => notOver(visibleTo(db, memberOrgId), now)),
};

/** A person's registrations that still hold a place or a queue position. */
const openRegistrationsOf = compiledOnce((db, userId: number) =>
  db.selectFrom('activity_registrations').select(['id', 'activity_id', 'status', 'code', 'checked_in_at']).where('user_id', '=', userId).where('status', '!=', 'cancelled'),
);

/** What a worker may see and join; a visitor without a session sees what is open to every worker, and signs up after logging in. */
export async function availableActivities(deps: Deps, caller: Caller) {
  const user = caller.user;
  const now = caller.actor.now;
  const person = user ? await membershipOf(deps.db, user.id) : undefined;
  const rows = person ? await openActivities.member(deps.db, person.org_id, now) : await openActivities.anyone(deps.db, now);
  const mine = user && rows.length ? await openRegistrationsOf(deps.db, user.id) : [];
  const day = today(deps);
  return {
    items: rows.map((a) => {
      const reg = mine.find((m) => m.activity_id === a.id);
      const refusal = checkSignUp(facts(a), now, { isMember: !!person, birthDate: person?.birth_date ?? null, today: day });
      return {
        ...activityView(a),
        mine: reg ? { id: reg.id, status: reg.status, code: reg.code, checkedInAt: reg.checked_in_at } : null,
        signupOpen: !refusal && !reg,
        refusal: refusal ? translate(refusal.code, caller.lang, refusal.params) : null,
      };
    }),
    total: rows.length,
  };
}

export async function signUp(deps: Deps, caller: Caller, activityId: number) {
  const user = caller.user!;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const { a, person } = await visibleActivity(tx, user.id, activityId);
      refuse(checkSignUp(facts(a), caller.actor.now, { isMember: !!person, birthDate: person?.birth_date ?? null, today: today(deps) }));
      const openKey = `${activityId}:${user.id}`;
      if (await tx.selectFrom('activity_registrations').select('id').where('open_key', '=', openKey).executeTakeFirst()) throw conflict('already_registered');
      const confirmed = await takeSeat(tx, a.seat_pool_id);
      const code = crypto.randomBytes(6).toString('hex').toUpperCase();
      const status = confirmed ? ('confirmed' as const) : ('waitlisted' as const);
      const { id } = await tx
        .insertInto('activity_registrations')
        .values({ activity_id: activityId, user_id: user.id, member_id: person?.id ?? null, status, code, checked_in_at: null, checked_in_by: null, open_key: openKey, created_at: caller.actor.now, cancelled_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      refuse(await registered(tx, deps, { activityId, kind: a.kind, orgId: a.org_id, registrationId: id, status, userId: user.id, at: caller.actor.now }));
      await audit(tx, caller.actor, { action: 'registration.create', entity: 'registration', entityId: id, orgId: a.org_id, after: { activityId, status } });
      return { id, status, code };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('already_registered');
    throw err;
  }
}

export async function cancelMine(deps: Deps, caller: Caller, activityId: number) {
  const user = caller.user!;
  await deps.db.transaction().execute(async (tx) => {
    const { a } = await visibleActivity(tx, user.id, activityId);
    const reg = await tx.selectFrom('activity_registrations').selectAll().where('open_key', '=', `${activityId}:${user.id}`).executeTakeFirst();
    if (!reg) throw notFound('registration');
    refuse(checkCancel(facts(a), caller.actor.now));
    await tx.updateTable('activity_registrations').set({ status: 'cancelled', open_key: null, cancelled_at: caller.actor.now }).where('id', '=', reg.id).execute();
    await registrationCancelled(tx, deps, { activityId, kind: a.kind, orgId: a.org_id, registrationId: reg.id, status: reg.status as 'confirmed' | 'waitlisted', userId: user.id, at: caller.actor.now });
    let promoted: number[] = [];
    if (reg.status === 'confirmed') {
      await releaseSeat(tx, a.seat_pool_id);
      promoted = await promoteWaitlisted(tx, activityId, a.seat_pool_id);
      await notifyPromoted(tx, deps, promoted);
    }
    await audit(tx, caller.actor, { action: 'registration.cancel', entity: 'registration', entityId: reg.id, orgId: a.org_id, before: { status: reg.status }, after: { status: 'cancelled', promoted } });
  });
}

/** A member's own registrations: on every visit to 我的报名, so compiled once. */
const registrationsOf = compiledOnce((db, userId: number) =>
  db
    .selectFrom('activity_registrations as r')
    .innerJoin('activities', 'activities.id', 'r.activity_id')
    .select(['r.id', 'r.activity_id', 'r.status', 'r.code', 'r.checked_in_at', 'activities.title', 'activities.starts_at', 'activities.ends_at', 'activities.place', 'activities.status as activity_status'])
    // A waitlisted person's place in the queue: promotion goes in sign-up order (promoteWaitlisted).
    .select((eb) =>
      eb
        .case()
        .when('r.status', '=', 'waitlisted')
        .then(
          eb
            .selectFrom('activity_registrations as w')
            .select((c) => c.fn.countAll<number>().as('n'))
            .whereRef('w.activity_id', '=', 'r.activity_id')
            .where('w.status', '=', 'waitlisted')
            .whereRef('w.id', '<=', 'r.id'),
        )
        .end()
        .as('waitlist_position'),
    )
    .where('r.user_id', '=', userId)
    .where('r.status', '!=', 'cancelled')
    .orderBy('activities.starts_at', 'desc')
    .limit(200),
);

export async function myRegistrations(deps: Deps, caller: Caller) {
  const rows = await registrationsOf(deps.db, caller.user!.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      activityId: r.activity_id,
      title: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      place: r.place,
      activityStatus: r.activity_status,
      status: r.status,
      code: r.code,
      qr: `GONGHUI:CHECKIN:${r.code}`,
      checkedInAt: r.checked_in_at,
      waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
    })),
    total: rows.length,
  };
}

// ---------- the cadre's side: registrations and check-in ----------

/** An activity's registrations in `scope` as the list filters them: the list and its export share it. */
function filteredRegistrations(tx: Tx, scope: Scope, activityId: number, query: { status?: 'confirmed' | 'waitlisted' | 'cancelled' }) {
  let q = tx
    .selectFrom('activity_registrations as r')
    .innerJoin('activities', 'activities.id', 'r.activity_id')
    .innerJoin('users', 'users.id', 'r.user_id')
    .leftJoin('members', 'members.id', 'r.member_id')
    .where('r.activity_id', '=', activityId)
    .where(readableByCadre(scope));
  if (query.status) q = q.where('r.status', '=', query.status);
  return q;
}

export async function listRegistrations(deps: Deps, caller: Caller, activityId: number, query: z.infer<typeof registrationListQuery>) {
  const reader = readDb(deps, caller);
  await activityInScope(reader, caller.scope, activityId);
  const { rows, total } = await paginate(filteredRegistrations(reader, caller.scope, activityId, query), query, (q) =>
    q.select(['r.id', 'r.member_id', 'r.user_id', 'r.status', 'r.checked_in_at', 'r.created_at', 'members.name as member_name', 'users.display_name']).orderBy('r.id'),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      userId: r.user_id,
      name: r.member_name ?? r.display_name,
      status: r.status,
      checkedInAt: r.checked_in_at,
      createdAt: r.created_at,
    })),
    total,
  };
}

/**
 * An activity's registrations in Excel: the real name and phone of the member record (the account's
 * own name and phone only for a worker who is not a member), phones masked unless full data is allowed.
 */
export async function exportRegistrations(deps: Deps, caller: Caller, activityId: number, query: z.infer<typeof registrationExportQuery>) {
  const a = await activityInScope(deps.db, caller.scope, activityId);
  const { full, ...filters } = query;
  const sheet = { zh: `${t.registrations.zh}（${a.title}）`, en: `${t.registrations.en} (${a.title})` };
  const statusText = { confirmed: t.confirmedStatus, waitlisted: t.waitlistedStatus, cancelled: t.cancelled };
  return exportList(deps, caller, {
    list: 'activity_registrations',
    title: sheet,
    orgId: a.org_id,
    filters: { activityId, ...filters },
    full,
    fullPermission: 'member.pii',
    rows: (scope) =>
      filteredRegistrations(deps.db, scope, activityId, filters)
        .leftJoin('orgs', 'orgs.id', 'members.org_id')
        .select(['r.id', 'r.status', 'r.checked_in_at', 'r.created_at', 'members.name as member_name', 'members.member_no', 'members.phone_enc as member_phone', 'orgs.name as union_name', 'users.display_name', 'users.phone_enc as user_phone']),
    keyset: 'r.id',
    columns: [
      { header: t.name, value: (r) => r.member_name ?? r.display_name, width: 12 },
      { header: t.memberNo, value: (r) => r.member_no, text: true, width: 16 },
      { header: t.phone, value: (r) => (r.member_phone ?? r.user_phone) && deps.pii.decrypt((r.member_phone ?? r.user_phone)!), pii: 'phone', width: 16 },
      { header: t.union, value: (r) => r.union_name, width: 28 },
      { header: t.status, value: (r, lang) => statusText[r.status][lang], width: 10 },
      { header: t.createdAt, value: (r) => shanghaiMinute(r.created_at), width: 18 },
      { header: t.checkedInAt, value: (r) => r.checked_in_at && shanghaiMinute(r.checked_in_at), width: 18 },
    ],
  });
}

export async function checkIn(deps: Deps, caller: Caller, activityId: number, rawCode: string) {
  return deps.db.transaction().execute(async (tx) => {
    const a = await activityInScope(tx, caller.scope, activityId);
    const reg = await tx
      .selectFrom('activity_registrations as r')
      .innerJoin('users', 'users.id', 'r.user_id')
      .leftJoin('members', 'members.id', 'r.member_id')
      .select(['r.id', 'r.status', 'r.checked_in_at', 'r.member_id', 'r.user_id', 'members.name as member_name', 'users.display_name'])
      .where('r.activity_id', '=', activityId)
      .where('r.code', '=', normaliseCode(rawCode))
      .executeTakeFirst();
    if (!reg || reg.status === 'cancelled') throw notFound('registration');
    refuse(checkActivityAction('check_in', facts(a), caller.actor.now));
    if (reg.status !== 'confirmed') throw refused('registration_not_confirmed');
    const done = await tx
      .updateTable('activity_registrations')
      .set({ checked_in_at: caller.actor.now, checked_in_by: caller.user!.id })
      .where('id', '=', reg.id)
      .where('checked_in_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError(409, 'already_checked_in');
    await audit(tx, caller.actor, { action: 'registration.check_in', entity: 'registration', entityId: reg.id, orgId: a.org_id, after: { activityId } });
    await checkedIn(tx, deps, { activityId, kind: a.kind, title: a.title, orgId: a.org_id, startsAt: a.starts_at, endsAt: a.ends_at, registrationId: reg.id, memberId: reg.member_id, userId: reg.user_id, at: caller.actor.now });
    return { registrationId: reg.id, memberId: reg.member_id, name: reg.member_name ?? reg.display_name, checkedInAt: caller.actor.now };
  });
}

/** Yearly counts over an org's subtree, and how many of its direct sub-organisations were reached. */
export async function activityStats(deps: Deps, caller: Caller, orgId: number, year: number | undefined) {
  const reading = readingDeps(deps, caller);
  await requireOrgInScope(reading.db, caller.scope, orgId);
  return yearStats(reading, orgId, year ?? Number(today(deps).slice(0, 4)), caller.actor.now);
}

/**
 * The data screen's activities section: this year's activityStats, and the participation rate —
 * checked in ÷ places confirmed for activities already held (checked in, or over without a check-in).
 */
export const activitiesOverview = overviewSection({
  permission: 'activity.read',
  schema: activitiesOverviewView,
  async read(deps, orgId) {
    const stats = await yearStats(deps, orgId, Number(today(deps).slice(0, 4)), deps.clock().toISOString());
    return { ...stats, participationRate: percent(stats.checkedIn, stats.checkedIn + stats.noShows) };
  },
});

/** Activity counts of one year over an org's subtree (checked in scope), `now` deciding which are over. */
async function yearStats(deps: Deps, orgId: number, y: number, now: string) {
  const { from, to } = shanghaiYear(y);
  const inYear = deps.db
    .selectFrom('activities')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'activities.org_id')
    .where('org_closure.ancestor_id', '=', orgId)
    .where('activities.status', '=', 'published')
    .where('activities.starts_at', '>=', from)
    .where('activities.starts_at', '<', to);
  const byKindRows = await inYear.select(['activities.kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('activities.kind').execute();
  const regs = await inYear
    .innerJoin('activity_registrations as r', 'r.activity_id', 'activities.id')
    .select([
      sql<number>`sum(case when r.status = 'confirmed' then 1 else 0 end)`.as('confirmed'),
      sql<number>`sum(case when r.checked_in_at is not null then 1 else 0 end)`.as('checked_in'),
      sql<number>`sum(case when r.status = 'confirmed' and r.checked_in_at is null and activities.ends_at < ${now} then 1 else 0 end)`.as('no_shows'),
    ])
    .executeTakeFirst();
  const children = await deps.db.selectFrom('orgs').select(['id', 'name']).where('parent_id', '=', orgId).where('status', '=', 'active').orderBy('id').execute();
  const perChild = children.length
    ? await deps.db
        .selectFrom('activities')
        .innerJoin('org_closure', 'org_closure.descendant_id', 'activities.org_id')
        .leftJoin('activity_registrations as r', (join) => join.onRef('r.activity_id', '=', 'activities.id').on('r.checked_in_at', 'is not', null))
        .select(['org_closure.ancestor_id', sql<number>`count(distinct activities.id)`.as('activities'), sql<number>`count(r.id)`.as('checked_in')])
        .where('org_closure.ancestor_id', 'in', children.map((c) => c.id))
        .where('activities.status', '=', 'published')
        .where('activities.starts_at', '>=', from)
        .where('activities.starts_at', '<', to)
        .groupBy('org_closure.ancestor_id')
        .execute()
    : [];
  const childRows = children.map((c) => {
    const row = perChild.find((p) => p.ancestor_id === c.id);
    return { orgId: c.id, name: c.name, activities: Number(row?.activities ?? 0), checkedIn: Number(row?.checked_in ?? 0) };
  });
  return {
    year: y,
    activities: byKindRows.reduce((sum, r) => sum + Number(r.n), 0),
    byKind: Object.fromEntries(byKindRows.map((r) => [r.kind, Number(r.n)])),
    confirmed: Number(regs?.confirmed ?? 0),
    checkedIn: Number(regs?.checked_in ?? 0),
    noShows: Number(regs?.no_shows ?? 0),
    childrenReached: childRows.filter((c) => c.activities > 0).length,
    children: childRows,
  };
}
