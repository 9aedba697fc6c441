import { sql } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound, refused } from '../../platform/errors.ts';
import { requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit, type Actor } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { percent } from '../../platform/overview.ts';
import { shanghaiYear, today } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { createSeatPool, releaseSeat, takeSeat } from '../../platform/seats.ts';
import { addSessionActivity, admitToSession, withdrawFromSession, type CheckInEvent } from '../activities/index.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { exportTexts as t } from './messages.ts';
import { coursesOfMember, readableCourses } from './policy.ts';
import { FINISHED_PERCENT, certificateNo, checkSessions, completes, courseCapacity, earnedHours, sessionHours } from './rules.ts';
import type { attendanceExportQuery, courseListQuery, createCourseBody, enrolmentListQuery } from './schema.ts';

type Db = Deps['db'] | Tx;

/** Courses with their org, places and counts. */
function courses(db: Db) {
  return db
    .selectFrom('courses')
    .innerJoin('orgs', 'orgs.id', 'courses.org_id')
    .selectAll('courses')
    .select('orgs.name as org_name')
    .select((eb) => [
      eb.selectFrom('course_enrolments as e').select((c) => c.fn.countAll<number>().as('n')).whereRef('e.course_id', '=', 'courses.id').where('e.status', '=', 'confirmed').as('confirmed'),
      eb.selectFrom('course_enrolments as e').select((c) => c.fn.countAll<number>().as('n')).whereRef('e.course_id', '=', 'courses.id').where('e.status', '=', 'waitlisted').as('waitlisted'),
      eb.selectFrom('course_enrolments as e').select((c) => c.fn.countAll<number>().as('n')).whereRef('e.course_id', '=', 'courses.id').where('e.completed', '=', 1).as('completed_count'),
      eb.selectFrom('course_sessions as s').select((c) => c.fn.countAll<number>().as('n')).whereRef('s.course_id', '=', 'courses.id').as('session_count'),
      eb.selectFrom('course_lessons as l').select((c) => c.fn.countAll<number>().as('n')).whereRef('l.course_id', '=', 'courses.id').as('lesson_count'),
      eb.selectFrom('course_sessions as s').select((c) => c.fn.min('s.starts_at').as('m')).whereRef('s.course_id', '=', 'courses.id').as('first_start'),
      eb.selectFrom('course_sessions as s').select((c) => c.fn.max('s.ends_at').as('m')).whereRef('s.course_id', '=', 'courses.id').as('last_end'),
    ]);
}
type CourseRow = Awaited<ReturnType<ReturnType<typeof courses>['executeTakeFirstOrThrow']>>;

const courseView = (c: CourseRow) => ({
  id: c.id,
  orgId: c.org_id,
  orgName: c.org_name,
  title: c.title,
  description: c.description,
  capacity: c.capacity,
  confirmed: Number(c.confirmed ?? 0),
  waitlisted: Number(c.waitlisted ?? 0),
  sessions: Number(c.session_count ?? 0),
  lessons: Number(c.lesson_count ?? 0),
  startsAt: (c.first_start as string | null) ?? null,
  endsAt: (c.last_end as string | null) ?? null,
  completedAt: c.completed_at,
  completedCount: Number(c.completed_count ?? 0),
});

async function courseInScope(db: Db, scope: Scope, id: number) {
  const c = await courses(db).where('courses.id', '=', id).where(readableCourses(scope)).executeTakeFirst();
  if (!c) throw notFound('course');
  return c;
}

const sessionsOf = (db: Db, courseIds: number[]) =>
  courseIds.length
    ? db
        .selectFrom('course_sessions as s')
        .select(['s.id', 's.course_id', 's.activity_id', 's.place', 's.starts_at', 's.ends_at', 's.capacity', 's.hours'])
        .select((eb) => eb.selectFrom('course_attendance as a').select((c) => c.fn.countAll<number>().as('n')).whereRef('a.session_id', '=', 's.id').as('attended'))
        .where('s.course_id', 'in', courseIds)
        .orderBy('s.starts_at')
        .execute()
    : Promise.resolve([]);
const lessonsOf = (db: Db, courseIds: number[]) =>
  courseIds.length ? db.selectFrom('course_lessons').selectAll().where('course_id', 'in', courseIds).orderBy('course_id').orderBy('position').execute() : Promise.resolve([]);

const sessionView = (s: Awaited<ReturnType<typeof sessionsOf>>[number]) => ({ id: s.id, activityId: s.activity_id, place: s.place, startsAt: s.starts_at, endsAt: s.ends_at, capacity: s.capacity, hours: Number(s.hours), attended: Number(s.attended ?? 0) });
const lessonView = (l: Awaited<ReturnType<typeof lessonsOf>>[number]) => ({
  id: l.id,
  title: l.title,
  videoUrl: l.video_url,
  fileName: l.storage_key ? l.file_name : null,
  fileUrl: l.storage_key ? `/api/lessons/${l.id}/file` : null,
  hours: Number(l.hours),
});

/** Creates a course with its sessions (each a 'training' activity holding its places) and online lessons, in one transaction. */
export async function createCourse(deps: Deps, caller: Caller, input: z.infer<typeof createCourseBody>) {
  const bad = checkSessions(input.sessions);
  if (bad) throw fieldError(bad, 'session_times_order');
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const capacity = courseCapacity(input.sessions);
    const poolId = await createSeatPool(tx, capacity);
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('courses')
      .values({ org_id: input.orgId, title: input.title, description: input.description, capacity, seat_pool_id: poolId, completed_at: null, completed_by: null, created_by: caller.user!.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sorted = [...input.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const [i, s] of sorted.entries()) {
      const title = sorted.length > 1 ? `${input.title}（第${i + 1}次）` : input.title;
      const activityId = await addSessionActivity(tx, caller.actor, { orgId: input.orgId, kind: 'training', title, description: input.description, place: s.place, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, createdBy: caller.user!.id });
      await tx.insertInto('course_sessions').values({ course_id: id, activity_id: activityId, place: s.place, starts_at: s.startsAt, ends_at: s.endsAt, capacity: s.capacity, hours: sessionHours(s.startsAt, s.endsAt) }).execute();
    }
    for (const [i, l] of input.lessons.entries()) {
      await tx.insertInto('course_lessons').values({ course_id: id, position: i, title: l.title, video_url: l.videoUrl ?? null, storage_key: null, file_name: null, file_type: null, file_size: null, hours: l.hours }).execute();
    }
    await audit(tx, caller.actor, { action: 'course.create', entity: 'course', entityId: id, orgId: input.orgId, after: input });
    return { id };
  });
}

function filteredCourses(db: Db, scope: Scope, query: { orgId?: number; status?: 'running' | 'completed'; q?: string }) {
  let q = courses(db).where(readableCourses(scope));
  if (query.q) q = q.where('courses.title', 'like', `%${query.q}%`);
  if (query.orgId) q = q.where('courses.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', query.orgId!));
  if (query.status === 'running') q = q.where('courses.completed_at', 'is', null);
  if (query.status === 'completed') q = q.where('courses.completed_at', 'is not', null);
  return q;
}

export async function listCourses(deps: Deps, caller: Caller, query: z.infer<typeof courseListQuery>) {
  const { rows, total } = await paginate(filteredCourses(deps.db, caller.scope, query), query, (q) => q.orderBy('courses.id', 'desc'));
  return { items: rows.map(courseView), total };
}

export async function getCourse(deps: Deps, caller: Caller, id: number) {
  const c = await courseInScope(deps.db, caller.scope, id);
  const [sessions, lessons] = await Promise.all([sessionsOf(deps.db, [id]), lessonsOf(deps.db, [id])]);
  return { ...courseView(c), sessionList: sessions.map(sessionView), lessonList: lessons.map(lessonView) };
}

/** A course's enrolments in scope, with each one's attendance, finished lessons, hours and certificate. */
function filteredEnrolments(db: Db, scope: Scope, courseId: number, query: { status?: 'confirmed' | 'waitlisted' | 'cancelled' }) {
  let q = db
    .selectFrom('course_enrolments as e')
    .innerJoin('courses', 'courses.id', 'e.course_id')
    .innerJoin('members', 'members.id', 'e.member_id')
    .innerJoin('orgs', 'orgs.id', 'e.org_id')
    .where('e.course_id', '=', courseId)
    .where(readableCourses(scope));
  if (query.status) q = q.where('e.status', '=', query.status);
  return q;
}
const enrolmentColumns = [
  'e.id',
  'e.member_id',
  'e.status',
  'e.created_at',
  'e.hours',
  'e.completed',
  'e.certificate_no',
  'members.name',
  'members.member_no',
  'orgs.name as org_name',
] as const;
const withProgress = <Q extends ReturnType<typeof filteredEnrolments>>(q: Q) =>
  q.select(enrolmentColumns).select((eb) => [
    eb.selectFrom('course_attendance as a').select((c) => c.fn.countAll<number>().as('n')).whereRef('a.enrolment_id', '=', 'e.id').as('attended'),
    eb.selectFrom('lesson_progress as p').select((c) => c.fn.countAll<number>().as('n')).whereRef('p.enrolment_id', '=', 'e.id').where('p.finished_at', 'is not', null).as('lessons_finished'),
  ]);

export async function listEnrolments(deps: Deps, caller: Caller, courseId: number, query: z.infer<typeof enrolmentListQuery>) {
  await courseInScope(deps.db, caller.scope, courseId);
  const { rows, total } = await paginate(filteredEnrolments(deps.db, caller.scope, courseId, query), query, (q) => withProgress(q).orderBy('e.id'));
  return {
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      name: r.name,
      orgName: r.org_name,
      status: r.status,
      createdAt: r.created_at,
      attended: Number(r.attended ?? 0),
      lessonsFinished: Number(r.lessons_finished ?? 0),
      hours: r.hours === null ? null : Number(r.hours),
      completed: r.completed === 1,
      certificateNo: r.certificate_no,
    })),
    total,
  };
}

/** The course's attendance in Excel: each enrolment with sessions attended, lessons finished, hours and certificate (audited). */
export async function exportAttendance(deps: Deps, caller: Caller, courseId: number, query: z.infer<typeof attendanceExportQuery>) {
  const c = await courseInScope(deps.db, caller.scope, courseId);
  const { full, ...filters } = query;
  const statusText = { confirmed: t.confirmed, waitlisted: t.waitlisted, cancelled: t.cancelled };
  return exportList(deps, caller, {
    list: 'course_attendance',
    title: { zh: `${t.attendance.zh}（${c.title}）`, en: `${t.attendance.en} (${c.title})` },
    orgId: c.org_id,
    filters: { courseId, ...filters },
    full,
    rows: (scope) => withProgress(filteredEnrolments(deps.db, scope, courseId, filters)),
    keyset: 'e.id',
    columns: [
      { header: t.name, value: (r) => r.name, width: 12 },
      { header: t.memberNo, value: (r) => r.member_no, text: true, width: 16 },
      { header: t.union, value: (r) => r.org_name, width: 28 },
      { header: t.status, value: (r, lang) => statusText[r.status][lang], width: 10 },
      { header: t.attended, value: (r) => Number(r.attended ?? 0), width: 10 },
      { header: t.lessonsDone, value: (r) => Number(r.lessons_finished ?? 0), width: 10 },
      { header: t.hours, value: (r) => (r.hours === null ? null : Number(r.hours)), width: 8 },
      { header: t.completed, value: (r, lang) => (r.completed === 1 ? t.yes : t.no)[lang], width: 8 },
      { header: t.certificate, value: (r) => r.certificate_no, text: true, width: 20 },
    ],
  });
}

async function memberOf(db: Db, userId: number) {
  const m = await membershipOf(db, userId);
  if (!m || m.status === 'retained') throw refused('course_not_member');
  return m;
}

/** Courses of my union's chain not yet over, soonest first, with my enrolment. */
export async function openCourses(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) return { items: [] };
  const now = caller.actor.now;
  const rows = await courses(deps.db)
    .where(coursesOfMember(m.org_id))
    .where('courses.completed_at', 'is', null)
    .where((eb) => eb.or([eb.not(eb.exists(eb.selectFrom('course_sessions as s').select('s.id').whereRef('s.course_id', '=', 'courses.id'))), eb.exists(eb.selectFrom('course_sessions as s').select('s.id').whereRef('s.course_id', '=', 'courses.id').where('s.starts_at', '>', now))]))
    .orderBy('courses.id', 'desc')
    .limit(100)
    .execute();
  const ids = rows.map((r) => r.id);
  const [sessions, lessons, mine] = await Promise.all([
    sessionsOf(deps.db, ids),
    lessonsOf(deps.db, ids),
    ids.length ? deps.db.selectFrom('course_enrolments').select(['course_id', 'status']).where('member_id', '=', m.id).where('course_id', 'in', ids).where('status', '!=', 'cancelled').execute() : [],
  ]);
  return {
    items: rows.map((c) => {
      const { completedAt: _a, completedCount: _c, ...view } = courseView(c);
      return {
        ...view,
        sessionList: sessions.filter((s) => s.course_id === c.id).map((s) => ({ id: s.id, place: s.place, startsAt: s.starts_at, endsAt: s.ends_at, capacity: s.capacity, hours: Number(s.hours) })),
        lessonList: lessons.filter((l) => l.course_id === c.id).map(lessonView),
        mine: mine.find((e) => e.course_id === c.id)?.status ?? null,
      };
    }),
  };
}

/** Admits a confirmed enrolment to every session's activity: its check-in codes. */
async function admit(tx: Tx, actor: Actor, courseId: number, userId: number, memberId: number) {
  const sessions = await tx.selectFrom('course_sessions').select('activity_id').where('course_id', '=', courseId).execute();
  for (const s of sessions) await admitToSession(tx, actor, { activityId: s.activity_id, userId, memberId });
}

/** Enrols me (a member): confirmed while places last, else waitlisted; once (409 course_enrolled). */
export async function enrol(deps: Deps, caller: Caller, courseId: number) {
  const user = caller.user!;
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const m = await memberOf(tx, user.id);
      const c = await tx.selectFrom('courses').selectAll().where('id', '=', courseId).where(coursesOfMember(m.org_id)).executeTakeFirst();
      if (!c) throw notFound('course');
      const started = await tx.selectFrom('course_sessions').select('id').where('course_id', '=', courseId).where('starts_at', '<=', caller.actor.now).executeTakeFirst();
      if (c.completed_at || started) throw refused('course_closed');
      const openKey = `${courseId}:${m.id}`;
      if (await tx.selectFrom('course_enrolments').select('id').where('open_key', '=', openKey).executeTakeFirst()) throw conflict('course_enrolled');
      const status = (await takeSeat(tx, c.seat_pool_id)) ? ('confirmed' as const) : ('waitlisted' as const);
      const { id } = await tx
        .insertInto('course_enrolments')
        .values({ course_id: courseId, member_id: m.id, user_id: user.id, org_id: m.org_id, status, open_key: openKey, created_at: caller.actor.now, cancelled_at: null, hours: null, completed: 0, certificate_no: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (status === 'confirmed') await admit(tx, caller.actor, courseId, user.id, m.id);
      await audit(tx, caller.actor, { action: 'course.enrol', entity: 'course_enrolment', entityId: id, orgId: m.org_id, after: { courseId, status } });
      return { id, status };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('course_enrolled');
    throw err;
  }
}

/** Cancels my enrolment; a confirmed place goes to the first waitlisted member, who is told. */
export async function cancelEnrolment(deps: Deps, caller: Caller, courseId: number) {
  const user = caller.user!;
  await deps.db.transaction().execute(async (tx) => {
    const m = await memberOf(tx, user.id);
    const e = await tx.selectFrom('course_enrolments').selectAll().where('open_key', '=', `${courseId}:${m.id}`).executeTakeFirst();
    if (!e) throw notFound('course_enrolment');
    const c = await tx.selectFrom('courses').selectAll().where('id', '=', courseId).executeTakeFirstOrThrow();
    if (c.completed_at) throw refused('course_completed');
    await tx.updateTable('course_enrolments').set({ status: 'cancelled', open_key: null, cancelled_at: caller.actor.now }).where('id', '=', e.id).execute();
    let promoted: number | null = null;
    if (e.status === 'confirmed') {
      const sessions = await tx.selectFrom('course_sessions').select('activity_id').where('course_id', '=', courseId).execute();
      for (const s of sessions) await withdrawFromSession(tx, caller.actor, { activityId: s.activity_id, userId: user.id });
      await releaseSeat(tx, c.seat_pool_id);
      const next = await tx.selectFrom('course_enrolments').selectAll().where('course_id', '=', courseId).where('status', '=', 'waitlisted').orderBy('id').limit(1).executeTakeFirst();
      if (next && (await takeSeat(tx, c.seat_pool_id))) {
        await tx.updateTable('course_enrolments').set({ status: 'confirmed' }).where('id', '=', next.id).execute();
        await admit(tx, caller.actor, courseId, next.user_id, next.member_id);
        await notify(tx, deps, [next.user_id], { kind: 'course_promoted', params: { title: c.title }, link: '/m/training/mine', key: `course_enrolment:${next.id}:promoted`, sms: true });
        promoted = next.id;
      }
    }
    await audit(tx, caller.actor, { action: 'course.cancel_enrolment', entity: 'course_enrolment', entityId: e.id, orgId: e.org_id, before: { status: e.status }, after: { status: 'cancelled', promoted } });
  });
}

/** The check-in listener (activities' `onCheckIn`): a check-in at a course's session records the enrolment's attendance, once. */
export async function recordAttendance(tx: Tx, _deps: Deps, ev: CheckInEvent): Promise<void> {
  if (ev.kind !== 'training' || ev.memberId === null) return;
  const s = await tx.selectFrom('course_sessions').select(['id', 'course_id']).where('activity_id', '=', ev.activityId).executeTakeFirst();
  if (!s) return;
  const e = await tx.selectFrom('course_enrolments').select(['id', 'org_id']).where('course_id', '=', s.course_id).where('member_id', '=', ev.memberId).where('status', '=', 'confirmed').executeTakeFirst();
  if (!e) return;
  const row = await tx
    .insertInto('course_attendance')
    .values({ session_id: s.id, enrolment_id: e.id, member_id: ev.memberId, at: ev.at })
    .onConflict((oc) => oc.columns(['session_id', 'enrolment_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) await audit(tx, { userId: null, ip: null, now: ev.at }, { action: 'course.attend', entity: 'course_enrolment', entityId: e.id, orgId: e.org_id, after: { sessionId: s.id } });
}

/** Records my progress in a lesson of a course I hold a confirmed place on; it never goes back. */
export async function recordProgress(deps: Deps, caller: Caller, lessonId: number, pct: number) {
  const user = caller.user!;
  return deps.db.transaction().execute(async (tx) => {
    const m = await memberOf(tx, user.id);
    const l = await tx.selectFrom('course_lessons').select(['id', 'course_id']).where('id', '=', lessonId).executeTakeFirst();
    if (!l) throw notFound('course_lesson');
    const e = await tx.selectFrom('course_enrolments').select(['id', 'status', 'org_id']).where('open_key', '=', `${l.course_id}:${m.id}`).executeTakeFirst();
    if (!e) throw notFound('course_lesson');
    if (e.status !== 'confirmed') throw refused('course_not_confirmed');
    const now = caller.actor.now;
    const before = await tx.selectFrom('lesson_progress').selectAll().where('lesson_id', '=', lessonId).where('enrolment_id', '=', e.id).executeTakeFirst();
    const next = Math.max(before?.percent ?? 0, pct);
    const finishedAt = before?.finished_at ?? (next >= FINISHED_PERCENT ? now : null);
    if (before) await tx.updateTable('lesson_progress').set({ percent: next, finished_at: finishedAt, updated_at: now }).where('id', '=', before.id).execute();
    else await tx.insertInto('lesson_progress').values({ lesson_id: lessonId, enrolment_id: e.id, percent: next, finished_at: finishedAt, updated_at: now }).execute();
    await audit(tx, caller.actor, { action: 'course.progress', entity: 'course_enrolment', entityId: e.id, orgId: e.org_id, after: { lessonId, percent: next } });
    return { percent: next, finished: finishedAt !== null };
  });
}

/** Every enrolment's progress in a course: sessions attended and lessons finished. */
async function progressOf(db: Db, courseId: number, enrolmentIds: number[]) {
  const [sessions, lessons, attended, finished] = await Promise.all([
    db.selectFrom('course_sessions').select(['id', 'hours']).where('course_id', '=', courseId).execute(),
    db.selectFrom('course_lessons').select(['id', 'hours']).where('course_id', '=', courseId).execute(),
    enrolmentIds.length ? db.selectFrom('course_attendance').select(['enrolment_id', 'session_id']).where('enrolment_id', 'in', enrolmentIds).execute() : [],
    enrolmentIds.length ? db.selectFrom('lesson_progress').select(['enrolment_id', 'lesson_id', 'percent']).where('enrolment_id', 'in', enrolmentIds).where('finished_at', 'is not', null).execute() : [],
  ]);
  return (enrolmentId: number) => ({
    sessions: sessions.map((s) => ({ hours: Number(s.hours), attended: attended.some((a) => a.enrolment_id === enrolmentId && a.session_id === s.id) })),
    lessons: lessons.map((l) => ({ hours: Number(l.hours), finished: finished.some((p) => p.enrolment_id === enrolmentId && p.lesson_id === l.id) })),
  });
}

/**
 * Records a course's completion (结业) once every session has ended: each confirmed enrolment's
 * hours, and for those who completed a certificate number and a notice.
 */
export async function completeCourse(deps: Deps, caller: Caller, courseId: number) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await courseInScope(tx, caller.scope, courseId);
    if (c.completed_at) throw conflict('course_completed');
    if (c.last_end && (c.last_end as string) > caller.actor.now) throw refused('course_not_ended');
    const done = await tx.updateTable('courses').set({ completed_at: caller.actor.now, completed_by: caller.user!.id }).where('id', '=', courseId).where('completed_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('course_completed');
    const enrolments = await tx.selectFrom('course_enrolments').select(['id', 'user_id']).where('course_id', '=', courseId).where('status', '=', 'confirmed').orderBy('id').execute();
    const progress = await progressOf(tx, courseId, enrolments.map((e) => e.id));
    const year = Number(today(deps).slice(0, 4));
    let completed = 0;
    for (const e of enrolments) {
      const p = progress(e.id);
      const ok = completes(p);
      const hours = earnedHours(p);
      await tx.updateTable('course_enrolments').set({ hours, completed: ok ? 1 : 0, certificate_no: ok ? certificateNo(year, courseId, e.id) : null }).where('id', '=', e.id).execute();
      if (ok) {
        completed++;
        await notify(tx, deps, [e.user_id], { kind: 'course_certified', params: { title: c.title, hours }, link: '/m/training/record', key: `course_enrolment:${e.id}:certified` });
      }
    }
    await audit(tx, caller.actor, { action: 'course.complete', entity: 'course', entityId: courseId, orgId: c.org_id, after: { enrolments: enrolments.length, completed } });
    return { enrolments: enrolments.length, completed };
  });
}

/** My courses (not cancelled) with sessions and my codes, lessons and my progress, hours and completion. */
export async function myTraining(deps: Deps, caller: Caller) {
  const user = caller.user!;
  const m = await membershipOf(deps.db, user.id);
  if (!m) return { items: [] };
  const enrolments = await deps.db
    .selectFrom('course_enrolments as e')
    .innerJoin('courses', 'courses.id', 'e.course_id')
    .innerJoin('orgs', 'orgs.id', 'courses.org_id')
    .innerJoin('members', 'members.id', 'e.member_id')
    .select(['e.id', 'e.course_id', 'e.status', 'e.hours', 'e.completed', 'e.certificate_no', 'courses.title', 'courses.completed_at', 'orgs.name as org_name', 'members.name as member_name'])
    .where('e.member_id', '=', m.id)
    .where('e.status', '!=', 'cancelled')
    .orderBy('e.id', 'desc')
    .limit(200)
    .execute();
  const ids = [...new Set(enrolments.map((e) => e.course_id))];
  const eIds = enrolments.map((e) => e.id);
  const [sessions, lessons, attended, progress, codes] = await Promise.all([
    sessionsOf(deps.db, ids),
    lessonsOf(deps.db, ids),
    eIds.length ? deps.db.selectFrom('course_attendance').select(['enrolment_id', 'session_id']).where('enrolment_id', 'in', eIds).execute() : [],
    eIds.length ? deps.db.selectFrom('lesson_progress').select(['enrolment_id', 'lesson_id', 'percent', 'finished_at']).where('enrolment_id', 'in', eIds).execute() : [],
    sessionCodes(deps.db, user.id, ids),
  ]);
  return {
    items: enrolments.map((e) => {
      const ss = sessions.filter((s) => s.course_id === e.course_id).map((s) => ({
        id: s.id,
        place: s.place,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        capacity: s.capacity,
        hours: Number(s.hours),
        attended: attended.some((a) => a.enrolment_id === e.id && a.session_id === s.id),
        code: e.status === 'confirmed' ? (codes.get(s.activity_id) ?? null) : null,
      }));
      const ls = lessons.filter((l) => l.course_id === e.course_id).map((l) => {
        const p = progress.find((x) => x.enrolment_id === e.id && x.lesson_id === l.id);
        return { ...lessonView(l), percent: p?.percent ?? 0, finished: !!p?.finished_at };
      });
      const live = earnedHours({ sessions: ss, lessons: ls });
      return {
        courseId: e.course_id,
        enrolmentId: e.id,
        title: e.title,
        orgName: e.org_name,
        status: e.status,
        memberName: e.member_name,
        sessions: ss,
        lessons: ls,
        hours: e.hours === null ? live : Number(e.hours),
        totalHours: earnedHours({ sessions: ss.map((s) => ({ ...s, attended: true })), lessons: ls.map((l) => ({ ...l, finished: true })) }),
        completedAt: e.completed_at,
        completed: e.completed === 1,
        certificateNo: e.certificate_no,
      };
    }),
  };
}

/** My check-in codes for the sessions' activities: read through the activity registrations joined by session. */
async function sessionCodes(db: Db, userId: number, courseIds: number[]): Promise<Map<number, string>> {
  if (!courseIds.length) return new Map();
  const rows = await db
    .selectFrom('course_sessions as s')
    .innerJoin('activity_registrations as r', 'r.activity_id', 's.activity_id')
    .select(['s.activity_id', 'r.code'])
    .where('s.course_id', 'in', courseIds)
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'confirmed')
    .execute();
  return new Map(rows.map((r) => [r.activity_id, r.code]));
}

/** Figures over an org's subtree (optionally one year by the course's creation): courses, enrolments, attendance rate, hours, completions. */
export async function trainingFigures(db: Db, orgId: number, now: string, year?: number) {
  const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
  let cq = db.selectFrom('courses').where(subtree('courses.org_id'));
  if (year) cq = cq.where('courses.created_at', '>=', shanghaiYear(year).from).where('courses.created_at', '<', shanghaiYear(year).to);
  const [c, e, places, att] = await Promise.all([
    cq.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    cq
      .innerJoin('course_enrolments as e', 'e.course_id', 'courses.id')
      .where('e.status', '=', 'confirmed')
      .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(e.hours), 0)`.as('h'), sql<number>`coalesce(sum(e.completed), 0)`.as('done')])
      .executeTakeFirstOrThrow(),
    cq
      .innerJoin('course_enrolments as e', 'e.course_id', 'courses.id')
      .innerJoin('course_sessions as s', 's.course_id', 'courses.id')
      .where('e.status', '=', 'confirmed')
      .where('s.ends_at', '<=', now)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    cq
      .innerJoin('course_sessions as s', 's.course_id', 'courses.id')
      .innerJoin('course_attendance as a', 'a.session_id', 's.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    courses: Number(c.n),
    enrolments: Number(e.n),
    attendanceRate: percent(Number(att.n), Math.max(Number(places.n), Number(att.n))) ?? 0,
    hours: Math.round(Number(e.h) * 10) / 10,
    completed: Number(e.done),
  };
}

export async function trainingStats(deps: Deps, caller: Caller, orgId: number, year?: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  return trainingFigures(deps.db, orgId, caller.actor.now, year);
}

/** The to-do: courses in scope whose sessions have all ended without completion recorded. */
export async function countToComplete(deps: Deps, scope: Scope): Promise<number> {
  const now = deps.clock().toISOString();
  const r = await deps.db
    .selectFrom('courses')
    .where(readableCourses(scope))
    .where('courses.completed_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('course_sessions as s').select('s.id').whereRef('s.course_id', '=', 'courses.id')))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('course_sessions as s').select('s.id').whereRef('s.course_id', '=', 'courses.id').where('s.ends_at', '>', now))))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

