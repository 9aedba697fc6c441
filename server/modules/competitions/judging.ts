import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { AppError, conflict, fieldError, notFound, refuse } from '../../platform/errors.ts';
import { hasAny, inScope, writeScope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import { shanghaiDate, today } from '../../platform/dates.ts';
import { aggregate, conflictOfInterest, giveAwards, rank, refuseFields, type AwardGrade } from '../../platform/assessment/index.ts';
import { createGrant } from '../accounts/index.ts';
import { notify } from '../notifications/index.ts';
import { awardNames, checkEventTransition, checkMarks, eventTransitionsFrom, points, TIE_BREAKS, type EventTransition } from './rules.ts';
import { readableByCadre } from './policy.ts';
import { awardRuleOf, parseCriteria } from './contests.ts';
import { candidateFacts, eventSheets, judgeFacts } from './sheets.ts';
import { feedSkillLevels } from './levels.ts';
import type { judgeBody, markBody } from './schema.ts';

/**
 * Judging (裁判评分): judges assigned per event (one may be the chief, 裁判长), each marking every
 * entry of their event except those of their own enterprise (回避); the chief judge (or the
 * organiser) locks the marks and publishes the results: scores aggregated over the judges, ranks
 * with ties sharing a rank and the stated tie-break, awards, skill levels where the rule says so.
 */

/** Assigns a judge to an event; gives them the judge role on the contest's org when they hold none over it. */
export async function assignJudge(deps: Deps, caller: Caller, contestId: number, input: z.infer<typeof judgeBody>) {
  const c = await deps.db.selectFrom('skill_contests').select(['id', 'org_id']).where('id', '=', contestId).where(readableByCadre(caller.scope)).executeTakeFirst();
  if (!c) throw notFound('skill_contest');
  const event = await deps.db.selectFrom('skill_contest_events').select(['id', 'status']).where('id', '=', input.eventId).where('contest_id', '=', contestId).executeTakeFirst();
  if (!event) throw fieldError('eventId', 'competition_event_required');
  const grant = await deps.db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', input.userId)
    .where('role', '=', 'judge')
    .where('org_id', 'in', (eb) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', c.org_id))
    .executeTakeFirst();
  // The judge role is what shows 评审打分 in the portal; accounts checks the user is in the caller's scope.
  if (!grant) await createGrant(deps, caller, { userId: input.userId, role: 'judge', orgId: c.org_id });
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const { id } = await tx
        .insertInto('skill_judges')
        .values({ contest_id: contestId, event_id: event.id, user_id: input.userId, chief: input.chief ? 1 : 0, created_by: caller.user!.id, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'skill_judge.create', entity: 'skill_judge', entityId: id, orgId: c.org_id, after: { ...input } });
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('competition_judge_assigned');
    throw err;
  }
}

/** The events the caller judges, each entry with their own marks; entries of their own enterprise flagged (回避). */
export async function myJudging(deps: Deps, caller: Caller) {
  const userId = caller.user!.id;
  const events = await deps.db
    .selectFrom('skill_judges as j')
    .innerJoin('skill_contest_events as e', 'e.id', 'j.event_id')
    .innerJoin('skill_contests as c', 'c.id', 'e.contest_id')
    .select(['e.id', 'e.contest_id', 'c.title', 'e.name', 'e.status', 'e.criteria', 'j.chief'])
    .where('j.user_id', '=', userId)
    .orderBy('e.id', 'desc')
    .execute();
  const sheets = await eventSheets(deps.db, events.map((e) => e.id));
  const items = events.map((e) => {
    const s = sheets.get(e.id)!;
    const criteria = parseCriteria(e.criteria);
    return {
      eventId: e.id,
      contestId: e.contest_id,
      contestTitle: e.title,
      eventName: e.name,
      status: e.status,
      chief: e.chief === 1,
      actions: e.chief === 1 ? eventTransitionsFrom(e.status) : [],
      criteria,
      entries: s.entries.map((n) => {
        const own = n.sheets.get(userId) ?? new Map<number, number>();
        return {
          id: n.id,
          memberName: n.memberName,
          enterpriseName: n.enterpriseName,
          conflict: n.conflicted.has(userId),
          marks: [...own].map(([criterionIndex, value]) => ({ criterionIndex, value })),
          complete: criteria.every((_, i) => own.has(i)),
        };
      }),
    };
  });
  return { items, total: items.length };
}

/** An entry with its event and contest, for one of the event's judges (else 404). */
async function judgedEntry(tx: Tx, caller: Caller, entryId: number) {
  const userId = caller.user!.id;
  const row = await tx
    .selectFrom('skill_entries as n')
    .innerJoin('skill_contest_events as e', 'e.id', 'n.event_id')
    .innerJoin('skill_contests as c', 'c.id', 'n.contest_id')
    .innerJoin('orgs as u', 'u.id', 'n.org_id')
    .leftJoin('skill_judges as j', (join) => join.onRef('j.event_id', '=', 'e.id').on('j.user_id', '=', userId))
    .select(['n.id', 'n.user_id', 'n.org_id', 'n.enterprise_id', 'u.kind as union_kind', 'e.id as event_id', 'e.status', 'e.criteria', 'c.org_id as contest_org_id', 'j.id as judge_id'])
    .where('n.id', '=', entryId)
    .executeTakeFirst();
  return row;
}

/** A judge marks an entry of their event: not their own enterprise's competitor, not once locked, each value in its range. */
export async function saveMarks(deps: Deps, caller: Caller, entryId: number, marks: z.infer<typeof markBody>['marks']) {
  const userId = caller.user!.id;
  await deps.db.transaction().execute(async (tx) => {
    const n = await judgedEntry(tx, caller, entryId);
    if (!n || n.judge_id === null) throw notFound('skill_entry');
    const judge = (await judgeFacts(tx, [userId])).get(userId)!;
    if (conflictOfInterest(judge, candidateFacts(n))) throw new AppError(403, 'competition_judge_conflict');
    if (n.status !== 'open') throw conflict('competition_marks_locked');
    refuseFields(checkMarks(JSON.parse(n.criteria), marks));
    const latest = [...new Map(marks.map((m) => [m.criterionIndex, m])).values()];
    const now = caller.actor.now;
    await tx
      .insertInto('skill_marks')
      .values(latest.map((m) => ({ entry_id: entryId, judge_id: userId, criterion_index: m.criterionIndex, value: m.value, marked_at: now })))
      .onConflict((oc) => oc.columns(['entry_id', 'judge_id', 'criterion_index']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), marked_at: now })))
      .execute();
    await audit(tx, caller.actor, { action: 'skill_entry.mark', entity: 'skill_entry', entityId: entryId, orgId: n.contest_org_id, after: { marks } });
  });
  return { id: entryId, marks: marks.length };
}

/** The finish time of an entry (the second tie-break), recorded by a judge of its event or the organiser while marking is open. */
export async function recordFinish(deps: Deps, caller: Caller, entryId: number, finishedAt: string) {
  await deps.db.transaction().execute(async (tx) => {
    const n = await judgedEntry(tx, caller, entryId);
    const organiser = n && (await tx.selectFrom('skill_contests').select('id').where('org_id', '=', n.contest_org_id).where(inScope('skill_contests.org_id', writeScope(caller.user, 'competition.write'))).executeTakeFirst());
    if (!n || (n.judge_id === null && !organiser)) throw notFound('skill_entry');
    if (n.status !== 'open') throw conflict('competition_marks_locked');
    await tx.updateTable('skill_entries').set({ finished_at: finishedAt }).where('id', '=', entryId).execute();
    await audit(tx, caller.actor, { action: 'skill_entry.finish', entity: 'skill_entry', entityId: entryId, orgId: n.contest_org_id, after: { finishedAt } });
  });
  return { id: entryId, finishedAt };
}

/** The event for a move: visible to its judges and to the contest's cadres; moved by its chief judge or by a writer over the contest. */
async function movableEvent(tx: Tx, caller: Caller, contestId: number, eventId: number) {
  const user = caller.user!;
  const e = await tx
    .selectFrom('skill_contest_events as e')
    .innerJoin('skill_contests as c', 'c.id', 'e.contest_id')
    .innerJoin('orgs', 'orgs.id', 'c.org_id')
    .leftJoin('skill_judges as j', (join) => join.onRef('j.event_id', '=', 'e.id').on('j.user_id', '=', user.id))
    .select([
      'e.id', 'e.name', 'e.status', 'e.occupation', 'e.level', 'e.award_by', 'e.award_first', 'e.award_second', 'e.award_third',
      'c.id as contest_id', 'c.title', 'c.year', 'c.org_id', 'c.aggregation', 'c.level_up_awards', 'orgs.name as org_name', 'j.chief',
    ])
    .where('e.id', '=', eventId)
    .where('e.contest_id', '=', contestId)
    .executeTakeFirst();
  if (!e) throw notFound('skill_contest_event');
  const readScope = writeScope(user, 'competition.read');
  const writes = hasAny(writeScope(user, 'competition.write')) && (await tx.selectFrom('skill_contests').select('id').where('id', '=', contestId).where(readableByCadre(writeScope(user, 'competition.write'))).executeTakeFirst()) !== undefined;
  const reads = writes || (hasAny(readScope) && (await tx.selectFrom('skill_contests').select('id').where('id', '=', contestId).where(readableByCadre(readScope)).executeTakeFirst()) !== undefined);
  if (e.chief === null && !reads) throw notFound('skill_contest_event');
  return { ...e, mayMove: writes || e.chief === 1 };
}

/** 锁定评分 / 发布成绩: the event's state machine; publishing answers the results. */
export async function moveEvent(deps: Deps, caller: Caller, contestId: number, eventId: number, name: EventTransition) {
  return deps.db.transaction().execute(async (tx) => {
    const e = await movableEvent(tx, caller, contestId, eventId);
    if (!e.mayMove) throw new AppError(403, 'competition_not_chief');
    const state = (await eventSheets(tx, [e.id])).get(e.id)!;
    refuse(checkEventTransition(e.status, name, { entries: state.entries.length, missingMarks: state.missingMarks }));
    const now = caller.actor.now;
    if (name === 'lock') {
      await tx.updateTable('skill_contest_events').set({ status: 'locked', locked_at: now }).where('id', '=', e.id).execute();
      await audit(tx, caller.actor, { action: 'skill_contest_event.lock', entity: 'skill_contest_event', entityId: e.id, orgId: e.org_id, before: { status: e.status }, after: { status: 'locked' } });
      return { status: 'locked' as const, results: [] };
    }
    const scored = state.entries.map((n) => ({
      id: n.id,
      memberId: n.memberId,
      memberName: n.memberName,
      userId: n.userId,
      finishedAt: n.finishedAt,
      score: aggregate(e.aggregation, n.totals.map((x) => x.total)) ?? 0,
      judgement: aggregate(e.aggregation, n.totals.map((x) => x.judgement)) ?? 0,
    }));
    const awarded = giveAwards(rank(scored, TIE_BREAKS), awardRuleOf(e));
    const day = today(deps);
    const levelIds = await feedSkillLevels(
      tx,
      deps,
      caller.actor,
      { id: e.contest_id, year: e.year, issuer: e.org_name, levelUpAwards: JSON.parse(e.level_up_awards) as AwardGrade[], day },
      e,
      awarded.map((r) => ({ entryId: r.id, memberId: r.memberId, award: r.award })),
    );
    for (const r of awarded) {
      await tx
        .updateTable('skill_entries')
        .set({ score: r.score, judgement_score: r.judgement, rank: r.rank, award: r.award, skill_level_id: levelIds.get(r.id) ?? null })
        .where('id', '=', r.id)
        .execute();
      if (r.userId !== null) {
        await notify(tx, deps, [r.userId], {
          kind: 'competition_results_published',
          params: { contest: e.title, event: e.name, score: points(r.score)!.toFixed(2), rank: r.rank, award: r.award ? `，${awardNames[r.award]}` : '' },
          link: '/m/competitions',
          key: `competition_result:${r.id}`,
        });
      }
    }
    await tx.updateTable('skill_contest_events').set({ status: 'published', published_at: now }).where('id', '=', e.id).execute();
    const results = awarded.map((r) => ({
      entryId: r.id,
      memberName: r.memberName,
      score: points(r.score)!,
      judgementScore: points(r.judgement)!,
      finishedAt: r.finishedAt,
      rank: r.rank,
      award: r.award,
      awardName: r.award ? awardNames[r.award] : null,
      skillLevelId: levelIds.get(r.id) ?? null,
    }));
    await audit(tx, caller.actor, { action: 'skill_contest_event.publish', entity: 'skill_contest_event', entityId: e.id, orgId: e.org_id, before: { status: e.status }, after: { status: 'published', results: results.map((r) => ({ entryId: r.entryId, score: r.score, rank: r.rank, award: r.award })) } });
    return { status: 'published' as const, results };
  });
}

/** The published results of an event, by rank: for its judges and the contest's cadres. */
export async function eventResults(deps: Deps, caller: Caller, contestId: number, eventId: number) {
  const e = await movableEvent(deps.db, caller, contestId, eventId);
  if (e.status !== 'published') return { results: [] };
  const rows = await deps.db
    .selectFrom('skill_entries as n')
    .innerJoin('members', 'members.id', 'n.member_id')
    .select(['n.id', 'members.name', 'n.score', 'n.judgement_score', 'n.finished_at', 'n.rank', 'n.award', 'n.skill_level_id'])
    .where('n.event_id', '=', eventId)
    .orderBy('n.rank')
    .orderBy('n.id')
    .execute();
  return {
    results: rows.map((r) => ({
      entryId: r.id,
      memberName: r.name,
      score: points(r.score) ?? 0,
      judgementScore: points(r.judgement_score) ?? 0,
      finishedAt: r.finished_at,
      rank: r.rank ?? 0,
      award: r.award,
      awardName: r.award ? awardNames[r.award] : null,
      skillLevelId: r.skill_level_id,
    })),
  };
}

/** The award certificate of a winner, for the contest's cadres to print. */
export async function certificate(deps: Deps, caller: Caller, entryId: number) {
  const r = await deps.db
    .selectFrom('skill_entries as n')
    .innerJoin('skill_contests', 'skill_contests.id', 'n.contest_id')
    .innerJoin('skill_contest_events as e', 'e.id', 'n.event_id')
    .innerJoin('members', 'members.id', 'n.member_id')
    .innerJoin('orgs', 'orgs.id', 'skill_contests.org_id')
    .leftJoin('enterprises', 'enterprises.id', 'n.enterprise_id')
    .select(['n.id', 'n.award', 'members.name', 'enterprises.name as enterprise_name', 'skill_contests.title', 'skill_contests.year', 'skill_contests.id as contest_id', 'e.name as event_name', 'e.status', 'e.published_at', 'orgs.name as org_name'])
    .where('n.id', '=', entryId)
    .where(readableByCadre(caller.scope))
    .executeTakeFirst();
  if (!r) throw notFound('skill_entry');
  if (r.status !== 'published' || r.award === null) throw new AppError(422, 'competition_no_award');
  return {
    entryId: r.id,
    certificateNo: `JS-${r.year}-${r.contest_id}-${r.id}`,
    memberName: r.name,
    enterpriseName: r.enterprise_name,
    contestTitle: r.title,
    eventName: r.event_name,
    year: r.year,
    award: r.award,
    awardName: awardNames[r.award],
    issuer: r.org_name,
    publishedOn: shanghaiDate(new Date(r.published_at!)),
  };
}
