import { sql } from 'kysely';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { inSubtree, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate } from '../../platform/paging.ts';
import type { CheckInEvent } from '../activities/index.ts';
import { membershipOf } from '../members/index.ts';
import { notify } from '../notifications/index.ts';
import { balanceOf, creditLovePoints } from './ledger.ts';
import { exportTexts as t } from './messages.ts';
import { readableServices, readableTeams, readableVolunteers } from './policy.ts';
import { MAX_SERVICE_HOURS, servicePoints, shanghaiYear } from './rules.ts';
import type { serviceBody, teamBody, teamMemberBody, volunteerBody, volunteerExportQuery, volunteerListQuery } from './schema.ts';

/** Volunteers (志愿者): members register with skills and availability, cadres form teams and run services whose check-in credits hours. */

const parse = <T>(json: string): T[] => {
  try {
    return JSON.parse(json) as T[];
  } catch {
    return [];
  }
};

export async function registerSelf(deps: Deps, caller: Caller, input: z.infer<typeof volunteerBody>) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) throw refused('volunteer_not_member');
  return deps.db
    .transaction()
    .execute(async (tx) => {
      const existing = await tx.selectFrom('volunteers').select('id').where('member_id', '=', m.id).executeTakeFirst();
      if (existing) {
        await tx.updateTable('volunteers').set({ skills: JSON.stringify(input.skills), availability: JSON.stringify(input.availability), status: 'active' }).where('id', '=', existing.id).execute();
        await audit(tx, caller.actor, { action: 'volunteer.update', entity: 'volunteer', entityId: existing.id, orgId: m.org_id, after: input });
        return { id: existing.id, created: false };
      }
      const { id } = await tx
        .insertInto('volunteers')
        .values({ org_id: m.org_id, member_id: m.id, skills: JSON.stringify(input.skills), availability: JSON.stringify(input.availability), status: 'active', created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'volunteer.register', entity: 'volunteer', entityId: id, orgId: m.org_id, after: input });
      return { id, created: true };
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw conflict('volunteer_registered');
      throw err;
    });
}

/** My volunteer record, hours (this year and in all) and teams; `volunteer` null when not registered. */
export async function mine(deps: Deps, caller: Caller) {
  const m = await membershipOf(deps.db, caller.user!.id);
  if (!m) return { member: false, volunteer: null, hoursThisYear: 0, hoursTotal: 0, balance: 0, services: [] };
  const year = shanghaiYear(caller.actor.now);
  const v = await deps.db.selectFrom('volunteers').selectAll().where('member_id', '=', m.id).executeTakeFirst();
  const teams = v
    ? await deps.db.selectFrom('volunteer_team_members').innerJoin('volunteer_teams', 'volunteer_teams.id', 'volunteer_team_members.team_id').select('volunteer_teams.name').where('volunteer_team_members.volunteer_id', '=', v.id).execute()
    : [];
  const hours = await deps.db
    .selectFrom('service_hours')
    .leftJoin('activities', 'activities.id', 'service_hours.activity_id')
    .select(['service_hours.hours', 'service_hours.year', 'service_hours.created_at', 'activities.title'])
    .where('service_hours.member_id', '=', m.id)
    .orderBy('service_hours.id', 'desc')
    .execute();
  return {
    member: true,
    volunteer: v ? { id: v.id, skills: parse<string>(v.skills), availability: parse<string>(v.availability), status: v.status, teams: teams.map((x) => x.name) } : null,
    hoursThisYear: hours.filter((h) => h.year === year).reduce((s, h) => s + Number(h.hours), 0),
    hoursTotal: hours.reduce((s, h) => s + Number(h.hours), 0),
    balance: await balanceOf(deps.db, m.id),
    services: hours.slice(0, 50).map((h) => ({ title: h.title ?? '', hours: Number(h.hours), at: h.created_at })),
  };
}

function volunteers(tx: Tx, year: number) {
  return tx
    .selectFrom('volunteers')
    .innerJoin('members', 'members.id', 'volunteers.member_id')
    .innerJoin('orgs', 'orgs.id', 'volunteers.org_id')
    .select(['volunteers.id', 'volunteers.org_id', 'orgs.name as org_name', 'volunteers.member_id', 'members.name', 'volunteers.skills', 'volunteers.availability', 'volunteers.status', 'volunteers.created_at'])
    .select([
      sql<number | string>`(select coalesce(sum(h.hours), 0) from service_hours h where h.member_id = volunteers.member_id and h.year = ${year})`.as('hours'),
      sql<number | string>`(select coalesce(b.balance, 0) from love_point_balances b where b.member_id = volunteers.member_id)`.as('balance'),
      sql<string | null>`(select min(vt.name) from volunteer_team_members tm join volunteer_teams vt on vt.id = tm.team_id where tm.volunteer_id = volunteers.id)`.as('team'),
    ]);
}
type VolunteerRow = Awaited<ReturnType<ReturnType<typeof volunteers>['executeTakeFirstOrThrow']>>;

const volunteerView = (r: VolunteerRow) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  memberId: r.member_id,
  name: r.name,
  skills: parse<string>(r.skills),
  availability: parse<string>(r.availability),
  status: r.status,
  hoursThisYear: Number(r.hours),
  balance: Number(r.balance ?? 0),
  team: r.team,
  createdAt: r.created_at,
});

function filteredVolunteers(tx: Tx, scope: Scope, year: number, q: { orgId?: number; skill?: string; q?: string }) {
  let query = volunteers(tx, year).where(readableVolunteers(scope));
  if (q.orgId) query = query.where(inSubtree('volunteers.org_id', q.orgId));
  if (q.skill) query = query.where('volunteers.skills', 'like', `%"${q.skill}"%`);
  if (q.q) query = query.where('members.name', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
  return query;
}

export async function listVolunteers(deps: Deps, caller: Caller, query: z.infer<typeof volunteerListQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const year = shanghaiYear(caller.actor.now);
  const { rows, total } = await paginate(filteredVolunteers(deps.db, caller.scope, year, query), query, (q) => q.orderBy('volunteers.id', 'desc'));
  return { items: rows.map(volunteerView), total };
}

export async function exportVolunteers(deps: Deps, caller: Caller, query: z.infer<typeof volunteerExportQuery>) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  const year = shanghaiYear(caller.actor.now);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'volunteers',
    title: t.volunteers,
    orgId: query.orgId,
    filters,
    full,
    rows: (scope) => filteredVolunteers(deps.db, scope, year, filters),
    keyset: 'volunteers.id',
    columns: [
      { header: t.name, value: (r) => r.name, width: 12 },
      { header: t.org, value: (r) => r.org_name, width: 28 },
      { header: t.skills, value: (r, lang) => parse<string>(r.skills).map((s) => (skillTexts as Record<string, { zh: string; en: string }>)[s]?.[lang] ?? s).join('、'), width: 30 },
      { header: t.availability, value: (r, lang) => parse<string>(r.availability).map((s) => (availabilityTexts as Record<string, { zh: string; en: string }>)[s]?.[lang] ?? s).join('、'), width: 20 },
      { header: t.teams, value: (r) => r.team, width: 20 },
      { header: t.hours, value: (r) => Number(r.hours) },
      { header: t.balance, value: (r) => Number(r.balance ?? 0) },
    ],
  });
}

const skillTexts = {
  first_aid: { zh: '急救', en: 'First aid' },
  teaching: { zh: '助学辅导', en: 'Teaching' },
  medical: { zh: '医疗', en: 'Medical' },
  legal: { zh: '法律', en: 'Legal' },
  repair: { zh: '维修', en: 'Repair' },
  photography: { zh: '摄影', en: 'Photography' },
  performance: { zh: '文艺', en: 'Performance' },
  driving: { zh: '驾驶', en: 'Driving' },
  translation: { zh: '翻译', en: 'Translation' },
  companionship: { zh: '陪伴关爱', en: 'Companionship' },
  other: { zh: '其他', en: 'Other' },
};
const availabilityTexts = {
  weekday: { zh: '工作日', en: 'Weekdays' },
  weekday_evening: { zh: '工作日晚间', en: 'Weekday evenings' },
  weekend: { zh: '周末', en: 'Weekends' },
  anytime: { zh: '随时', en: 'Any time' },
};

// ---- teams ----

export async function createTeam(deps: Deps, caller: Caller, input: z.infer<typeof teamBody>) {
  return deps.db
    .transaction()
    .execute(async (tx) => {
      await requireOrgInScope(tx, caller.scope, input.orgId);
      const { id } = await tx
        .insertInto('volunteer_teams')
        .values({ org_id: input.orgId, name: input.name, kind: input.kind, leader_volunteer_id: null, created_by: caller.actor.userId, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'volunteer_team.create', entity: 'volunteer_team', entityId: id, orgId: input.orgId, after: input });
      return { id };
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw conflict('volunteer_team_name_taken');
      throw err;
    });
}

export async function listTeams(deps: Deps, caller: Caller, query: { page: number; pageSize: number; orgId?: number }) {
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = deps.db
    .selectFrom('volunteer_teams')
    .innerJoin('orgs', 'orgs.id', 'volunteer_teams.org_id')
    .select(['volunteer_teams.id', 'volunteer_teams.org_id', 'orgs.name as org_name', 'volunteer_teams.name', 'volunteer_teams.kind'])
    .select(sql<number | string>`(select count(*) from volunteer_team_members tm where tm.team_id = volunteer_teams.id)`.as('members'))
    .where(readableTeams(caller.scope));
  if (query.orgId) q = q.where(inSubtree('volunteer_teams.org_id', query.orgId));
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('volunteer_teams.id', 'desc'));
  return { items: rows.map((r) => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, kind: r.kind, members: Number(r.members) })), total };
}

/** Adds a volunteer to a team; both in the caller's scope, the volunteer within the team's subtree. */
export async function addTeamMember(deps: Deps, caller: Caller, teamId: number, input: z.infer<typeof teamMemberBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const team = await tx.selectFrom('volunteer_teams').select(['id', 'org_id']).where('id', '=', teamId).where(readableTeams(caller.scope)).executeTakeFirst();
    if (!team) throw notFound('volunteer_team');
    const v = await tx.selectFrom('volunteers').select('id').where('id', '=', input.volunteerId).where(readableVolunteers(caller.scope)).where(inSubtree('volunteers.org_id', team.org_id)).executeTakeFirst();
    if (!v) throw notFound('volunteer');
    const inserted = await tx.insertInto('volunteer_team_members').values({ team_id: teamId, volunteer_id: v.id, joined_at: caller.actor.now }).onConflict((oc) => oc.columns(['team_id', 'volunteer_id']).doNothing()).returning('team_id').executeTakeFirst();
    if (!inserted) throw conflict('volunteer_in_team');
    await audit(tx, caller.actor, { action: 'volunteer_team_member.create', entity: 'volunteer_team', entityId: teamId, orgId: team.org_id, after: { volunteerId: v.id } });
    return { id: v.id };
  });
}

// ---- volunteer services and hours ----

/** Makes an activity in scope a volunteer service crediting `hours` per check-in (an activity of kind 志愿服务 is one by default). */
export async function createService(deps: Deps, caller: Caller, input: z.infer<typeof serviceBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('activities').select(['id', 'org_id']).where('id', '=', input.activityId).executeTakeFirst();
    if (!a) throw notFound('activity');
    await requireOrgInScope(tx, caller.scope, a.org_id, 'activity');
    if (input.volunteerTeamId) {
      const team = await tx.selectFrom('volunteer_teams').select('id').where('id', '=', input.volunteerTeamId).where(readableTeams(caller.scope)).executeTakeFirst();
      if (!team) throw notFound('volunteer_team');
    }
    const row = await tx
      .insertInto('volunteer_services')
      .values({ activity_id: a.id, org_id: a.org_id, team_id: input.volunteerTeamId ?? null, hours: input.hours, created_by: caller.actor.userId, created_at: caller.actor.now })
      .onConflict((oc) => oc.column('activity_id').doNothing())
      .returning('activity_id')
      .executeTakeFirst();
    if (!row) throw conflict('volunteer_service_exists');
    await audit(tx, caller.actor, { action: 'volunteer_service.create', entity: 'activity', entityId: a.id, orgId: a.org_id, after: input });
    return { id: a.id };
  });
}

export async function listServices(deps: Deps, caller: Caller, query: { page: number; pageSize: number }) {
  const q = deps.db
    .selectFrom('volunteer_services')
    .innerJoin('activities', 'activities.id', 'volunteer_services.activity_id')
    .leftJoin('volunteer_teams', 'volunteer_teams.id', 'volunteer_services.team_id')
    .select(['volunteer_services.activity_id', 'activities.title', 'activities.starts_at', 'volunteer_services.hours', 'volunteer_teams.name as team_name'])
    .select(sql<number | string>`(select count(*) from service_hours h where h.activity_id = volunteer_services.activity_id)`.as('served'))
    .where(readableServices(caller.scope));
  const { rows, total } = await paginate(q, query, (x) => x.orderBy('volunteer_services.activity_id', 'desc'));
  return { items: rows.map((r) => ({ activityId: r.activity_id, title: r.title, startsAt: r.starts_at, hours: Number(r.hours), teamName: r.team_name, served: Number(r.served) })), total };
}

/** Whole hours of an activity's duration, at least 1, at most a day's service. */
const durationHours = (from: string, to: string) => Math.min(MAX_SERVICE_HOURS, Math.max(1, Math.floor((Date.parse(to) - Date.parse(from)) / 3600_000)));

/**
 * The check-in listener (activities' `onCheckIn`): a member checked in at a volunteer service gets
 * its hours and their love points, once per registration, in the check-in's transaction.
 */
export async function creditServiceHours(tx: Tx, deps: Deps, e: CheckInEvent): Promise<void> {
  if (e.memberId === null) return;
  const service = await tx.selectFrom('volunteer_services').select('hours').where('activity_id', '=', e.activityId).executeTakeFirst();
  if (!service && e.kind !== 'volunteering') return;
  const hours = service ? Number(service.hours) : durationHours(e.startsAt, e.endsAt);
  const m = await tx.selectFrom('members').select('org_id').where('id', '=', e.memberId).executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('service_hours')
    .values({ org_id: m.org_id, member_id: e.memberId, activity_id: e.activityId, hours, source: `checkin:${e.registrationId}`, year: shanghaiYear(e.at), created_at: e.at })
    .onConflict((oc) => oc.column('source').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return;
  const points = servicePoints(hours);
  if (points > 0) await creditLovePoints(tx, { memberId: e.memberId, points, reason: `志愿服务“${e.title}”${hours} 小时`, source: `hours:${row.id}`, at: e.at });
  await notify(tx, deps, [e.userId], { kind: 'service_hours_credited', params: { activity: e.title, hours, points }, key: `service_hours:${row.id}` });
}
