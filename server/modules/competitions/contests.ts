import type { z } from 'zod';
import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { requireOrgInScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { paginate } from '../../platform/paging.ts';
import { exportList } from '../../platform/exports.ts';
import { shanghaiDate, shanghaiMinute } from '../../platform/dates.ts';
import { refuseFields, type AwardGrade, type AwardRule } from '../../platform/assessment/index.ts';
import { checkContest, DEFAULT_AGGREGATION, DEFAULT_AWARD_RULE, eventTransitionsFrom, points, schemeOf, type CriterionInput } from './rules.ts';
import { readableByCadre, writableByCadre } from './policy.ts';
import { eventSheets } from './sheets.ts';
import { exportTexts as t } from './messages.ts';
import type { createBody, entryExportQuery, listQuery } from './schema.ts';

/** Skill contests (技能竞赛): creating one with its events and marking schemes, the list, one contest as the console shows it, the export. */

export const parseCriteria = (json: string): (CriterionInput & { maxMarks: number })[] =>
  (JSON.parse(json) as CriterionInput[]).map((c, i) => ({ ...c, maxMarks: schemeOf([c])[0].max, name: c.name ?? `#${i + 1}` }));

export const awardRuleOf = (e: { award_by: 'count' | 'share'; award_first: number; award_second: number; award_third: number }): AwardRule => ({
  by: e.award_by,
  first: e.award_first,
  second: e.award_second,
  third: e.award_third,
});

export async function createContest(deps: Deps, caller: Caller, input: z.infer<typeof createBody>) {
  refuseFields(checkContest(input));
  return deps.db.transaction().execute(async (tx) => {
    await requireOrgInScope(tx, caller.scope, input.orgId);
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('skill_contests')
      .values({
        org_id: input.orgId,
        title: input.title,
        year: input.year,
        registration_opens_at: input.registrationOpensAt,
        registration_closes_at: input.registrationClosesAt,
        reference_date: input.referenceDate ?? shanghaiDate(new Date(input.registrationClosesAt)),
        aggregation: input.aggregation ?? DEFAULT_AGGREGATION,
        level_up_awards: JSON.stringify(input.levelUpAwards ?? []),
        created_by: caller.user!.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const events: { id: number; name: string }[] = [];
    for (const [position, e] of input.events.entries()) {
      const awards = e.awards ?? DEFAULT_AWARD_RULE;
      const criteria = e.criteria.map((c) => ({ name: c.name, weight: c.weight, kind: c.kind, maxMarks: c.kind === 'measurement' ? (c.maxMarks ?? c.weight) : null }));
      const row = await tx
        .insertInto('skill_contest_events')
        .values({
          contest_id: id,
          position,
          name: e.name,
          max_age: e.maxAge ?? null,
          occupation: e.occupation ?? null,
          level: e.level ?? null,
          criteria: JSON.stringify(criteria),
          award_by: awards.by,
          award_first: awards.first,
          award_second: awards.second,
          award_third: awards.third,
          status: 'open',
          locked_at: null,
          published_at: null,
        })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      events.push(row);
    }
    await audit(tx, caller.actor, { action: 'skill_contest.create', entity: 'skill_contest', entityId: id, orgId: input.orgId, after: { ...input } });
    return { id, events };
  });
}

function contestsQuery(tx: Tx, scope: Caller['scope'], query: { orgId?: number; year?: number }) {
  let q = tx.selectFrom('skill_contests').innerJoin('orgs', 'orgs.id', 'skill_contests.org_id').where(readableByCadre(scope));
  if (query.orgId) q = q.where('skill_contests.org_id', '=', query.orgId);
  if (query.year) q = q.where('skill_contests.year', '=', query.year);
  return q;
}

export async function listContests(deps: Deps, caller: Caller, query: z.infer<typeof listQuery>) {
  const { rows, total } = await paginate(contestsQuery(deps.db, caller.scope, query), query, (q) =>
    q
      .select([
        'skill_contests.id',
        'skill_contests.org_id',
        'orgs.name as org_name',
        'skill_contests.title',
        'skill_contests.year',
        'skill_contests.registration_opens_at',
        'skill_contests.registration_closes_at',
        'skill_contests.reference_date',
        sql<number>`(select count(*) from skill_contest_events e where e.contest_id = skill_contests.id)`.as('events'),
        sql<number>`(select count(*) from skill_entries n where n.contest_id = skill_contests.id)`.as('entries'),
      ])
      .orderBy('skill_contests.id', 'desc'),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      title: r.title,
      year: r.year,
      registrationOpensAt: r.registration_opens_at,
      registrationClosesAt: r.registration_closes_at,
      referenceDate: r.reference_date,
      events: Number(r.events),
      entries: Number(r.entries),
    })),
    total,
  };
}

/** A contest in the caller's read scope, or 404. */
export async function contestInScope(tx: Tx, caller: Caller, contestId: number) {
  const c = await tx
    .selectFrom('skill_contests')
    .innerJoin('orgs', 'orgs.id', 'skill_contests.org_id')
    .selectAll('skill_contests')
    .select(['orgs.name as org_name', writableByCadre(caller.user)])
    .where('skill_contests.id', '=', contestId)
    .where(readableByCadre(caller.scope))
    .executeTakeFirst();
  if (!c) throw notFound('skill_contest');
  return c;
}

/** One contest as the console shows it: every event with its scheme, judges, entries and how far marking got. */
export async function getContest(deps: Deps, caller: Caller, contestId: number) {
  const c = await contestInScope(deps.db, caller, contestId);
  const events = await deps.db.selectFrom('skill_contest_events').selectAll().where('contest_id', '=', contestId).orderBy('position').execute();
  const sheets = await eventSheets(deps.db, events.map((e) => e.id));
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    title: c.title,
    year: c.year,
    registrationOpensAt: c.registration_opens_at,
    registrationClosesAt: c.registration_closes_at,
    referenceDate: c.reference_date,
    aggregation: c.aggregation,
    levelUpAwards: JSON.parse(c.level_up_awards) as AwardGrade[],
    writes: Number(c.writes) === 1,
    events: events.map((e) => {
      const s = sheets.get(e.id)!;
      return {
        id: e.id,
        name: e.name,
        maxAge: e.max_age,
        occupation: e.occupation,
        level: e.level,
        awards: awardRuleOf(e),
        criteria: parseCriteria(e.criteria),
        status: e.status,
        actions: Number(c.writes) === 1 ? eventTransitionsFrom(e.status) : [],
        judges: s.judges.map((j) => ({ id: j.id, userId: j.userId, name: j.name, chief: j.chief })),
        entries: s.entries.map((n) => ({
          id: n.id,
          memberId: n.memberId,
          memberName: n.memberName,
          unionName: n.unionName,
          enterpriseName: n.enterpriseName,
          finishedAt: n.finishedAt,
          sheetsComplete: n.sheetsComplete,
          sheetsExpected: n.sheetsExpected,
          score: points(n.score),
          rank: n.rank,
          award: n.award,
        })),
      };
    }),
  };
}

/** The entries (and, once published, the results) of a contest, in Excel. */
export async function exportEntries(deps: Deps, caller: Caller, contestId: number, query: z.infer<typeof entryExportQuery>) {
  const c = await contestInScope(deps.db, caller, contestId);
  const { full, eventId } = query;
  return exportList(deps, caller, {
    list: 'skill_entries',
    title: { zh: `${t.entries.zh}（${c.title}）`, en: `${t.entries.en} (${c.title})` },
    orgId: c.org_id,
    filters: { contestId, eventId },
    full,
    rows: (scope) => {
      let q = deps.db
        .selectFrom('skill_entries as n')
        .innerJoin('skill_contests', 'skill_contests.id', 'n.contest_id')
        .innerJoin('skill_contest_events as e', 'e.id', 'n.event_id')
        .innerJoin('members', 'members.id', 'n.member_id')
        .innerJoin('orgs as u', 'u.id', 'n.org_id')
        .leftJoin('enterprises', 'enterprises.id', 'n.enterprise_id')
        .select(['n.id', 'e.name as event_name', 'members.name', 'members.member_no', 'u.name as union_name', 'enterprises.name as enterprise_name', 'n.score', 'n.rank', 'n.award', 'n.created_at'])
        .where('n.contest_id', '=', contestId)
        .where(readableByCadre(scope));
      if (eventId) q = q.where('n.event_id', '=', eventId);
      return q;
    },
    keyset: 'n.id',
    columns: [
      { header: t.event, value: (r) => r.event_name, width: 16 },
      { header: t.name, value: (r) => r.name, width: 12 },
      { header: t.memberNo, value: (r) => r.member_no, text: true, width: 16 },
      { header: t.union, value: (r) => r.union_name, width: 28 },
      { header: t.enterprise, value: (r) => r.enterprise_name, width: 28 },
      { header: t.score, value: (r) => points(r.score), width: 8 },
      { header: t.rank, value: (r) => r.rank, width: 6 },
      { header: t.award, value: (r, lang) => (r.award ? t[r.award][lang] : null), width: 10 },
      { header: t.createdAt, value: (r) => shanghaiMinute(r.created_at), width: 18 },
    ],
  });
}
