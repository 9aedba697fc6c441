import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refused } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { conflictOfInterest } from '../../platform/assessment/index.ts';
import { aggregate, checkMarks, judgeTotal, missingMarks, pioneerTypes, rank, refuseFields, type PioneerType, type ScoringMethod } from './rules.ts';
import { managedCampaigns, ownAssignments, type Reader } from './policy.ts';
import { frozenStandard, frozenStandardsOf } from './standards.ts';
import { evidenceOf } from './evidence.ts';
import type { markInput } from './schema.ts';

/**
 * Judging (考核评估): the campaign's managers assign judges to candidates; each judge marks the
 * criteria of their own assignments while the campaign is in scoring; the marks become each
 * candidate's score and rank when the campaign aggregates. A judge sees only their own sheets
 * (policy.ts `ownAssignments`).
 */

/** A candidate whose campaign the caller manages: its managers assign judges and give awards. */
export async function managedCandidate(tx: Tx, reader: Reader, candidateId: number) {
  const row = await tx
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['cand.id', 'cand.status', 'cand.enterprise_id', 'cand.org_id', 'cand.award', 'cand.campaign_id', 'camp.status as campaign_status', 'camp.org_id as campaign_org_id'])
    .where('cand.id', '=', candidateId)
    .where(managedCampaigns(reader))
    .executeTakeFirst();
  if (!row) throw notFound('pioneer_candidate');
  return row;
}

/**
 * Assigns a judge: they must hold a judge grant on the campaign's federation or above it, and
 * must not belong to the team's enterprise (by their member record, or their home union when it
 * is the single union of that enterprise).
 */
export async function assignJudge(deps: Deps, caller: Caller, candidateId: number, judgeId: number) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const r = await managedCandidate(tx, caller, candidateId);
      if (r.campaign_status !== 'self_assessment' && r.campaign_status !== 'scoring') throw refused('pioneer_scoring_closed');
      if (r.status !== 'registered' && r.status !== 'submitted') throw refused('pioneer_transition_illegal', { transition: 'pioneer_transition_start_scoring', status: `pioneer_candidate_${r.status}` });
      const grant = await tx
        .selectFrom('role_grants')
        .innerJoin('users', 'users.id', 'role_grants.user_id')
        .select(['users.id', 'users.home_org_id', 'users.disabled'])
        .where('role_grants.user_id', '=', judgeId)
        .where('role_grants.role', '=', 'judge')
        .where('role_grants.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', r.campaign_org_id))
        .executeTakeFirst();
      if (!grant || grant.disabled) throw refused('pioneer_judge_not_eligible');
      const [ownMembers, union] = await Promise.all([
        tx.selectFrom('members').select('enterprise_id').where('user_id', '=', judgeId).where('enterprise_id', '=', r.enterprise_id).where('status', '!=', 'left').execute(),
        tx.selectFrom('orgs').select('kind').where('id', '=', r.org_id).executeTakeFirstOrThrow(),
      ]);
      const judge = { userId: judgeId, enterpriseIds: ownMembers.map((m) => m.enterprise_id!), homeOrgId: grant.home_org_id };
      const team = { userIds: [], enterpriseId: r.enterprise_id, enterpriseUnionId: union.kind === 'grassroots_union' ? r.org_id : null };
      if (conflictOfInterest(judge, team)) throw refused('pioneer_judge_conflict');
      if (await tx.selectFrom('pioneer_assignments').select('id').where('candidate_id', '=', candidateId).where('judge_id', '=', judgeId).executeTakeFirst()) {
        throw conflict('pioneer_judge_assigned');
      }
      const { id } = await tx
        .insertInto('pioneer_assignments')
        .values({ campaign_id: r.campaign_id, candidate_id: candidateId, judge_id: judgeId, assigned_by: caller.user!.id, created_at: caller.actor.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'pioneer_assignment.create', entity: 'pioneer_assignment', entityId: id, orgId: r.campaign_org_id, after: { candidateId, judgeId } });
      return { id, candidateId, judgeId };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('pioneer_judge_assigned');
    throw err;
  }
}

/** One judge's own assignments with what to score: nobody else's, whatever their grants. */
export async function myAssignments(deps: Deps, caller: Caller, assignmentId?: number) {
  let q = deps.db
    .selectFrom('pioneer_assignments as a')
    .innerJoin('pioneer_candidates as cand', 'cand.id', 'a.candidate_id')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'a.campaign_id')
    .innerJoin('teams', 'teams.id', 'cand.team_id')
    .innerJoin('enterprises', 'enterprises.id', 'cand.enterprise_id')
    .select([
      'a.id', 'a.campaign_id', 'camp.name as campaign_name', 'camp.status as campaign_status', 'camp.scoring_deadline', 'a.candidate_id', 'teams.name as team_name',
      'enterprises.name as enterprise_name', 'cand.type', 'cand.self_summary',
    ])
    .where(ownAssignments(caller))
    .where('cand.status', '!=', 'withdrawn')
    .where('camp.status', '!=', 'cancelled');
  if (assignmentId !== undefined) q = q.where('a.id', '=', assignmentId);
  const rows = await q.orderBy('a.id', 'desc').execute();
  const ids = rows.map((r) => r.id);
  const [marks, evidence, standards] = await Promise.all([
    ids.length ? deps.db.selectFrom('pioneer_scores').select(['assignment_id', 'criterion_id', 'points']).where('assignment_id', 'in', ids).execute() : [],
    evidenceOf(deps.db, rows.map((r) => r.candidate_id)),
    frozenStandardsOf(deps.db, [...new Set(rows.map((r) => r.campaign_id))]),
  ]);
  const items = rows.map((r) => {
    const std = standards.get(r.campaign_id)!.get(r.type)!;
    const own = marks.filter((m) => m.assignment_id === r.id).map((m) => ({ criterionId: m.criterion_id, points: m.points }));
    return {
      id: r.id,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      campaignStatus: r.campaign_status,
      scoringDeadline: r.scoring_deadline,
      candidateId: r.candidate_id,
      teamName: r.team_name,
      enterpriseName: r.enterprise_name,
      type: r.type,
      selfSummary: r.self_summary,
      evidence: evidence.get(r.candidate_id)!,
      criteria: std.criteria,
      weights: std.weights,
      marks: own,
      complete: std.criteria.every((c) => own.some((m) => m.criterionId === c.id)),
    };
  });
  return { items, total: items.length };
}

/** A judge marks criteria of their own assignment while the campaign is in scoring. */
export async function saveMarks(deps: Deps, caller: Caller, assignmentId: number, marks: z.infer<typeof markInput>[]) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await tx
      .selectFrom('pioneer_assignments as a')
      .innerJoin('pioneer_candidates as cand', 'cand.id', 'a.candidate_id')
      .innerJoin('pioneer_campaigns as camp', 'camp.id', 'a.campaign_id')
      .select(['a.id', 'a.campaign_id', 'cand.type', 'cand.status', 'camp.status as campaign_status', 'camp.org_id'])
      .where('a.id', '=', assignmentId)
      .where(ownAssignments(caller))
      .executeTakeFirst();
    if (!a || a.status === 'withdrawn') throw notFound('pioneer_assignment');
    if (a.campaign_status !== 'scoring') throw refused('pioneer_scoring_closed');
    refuseFields(checkMarks((await frozenStandard(tx, a.campaign_id, a.type)).criteria, marks));
    const now = caller.actor.now;
    // One statement for the sheet; a criterion given twice keeps its last mark, as one upsert each did.
    const latest = [...new Map(marks.map((m) => [m.criterionId, m])).values()];
    if (latest.length) {
      await tx
        .insertInto('pioneer_scores')
        .values(latest.map((m) => ({ assignment_id: assignmentId, criterion_id: m.criterionId, points: m.points, scored_at: now })))
        .onConflict((oc) => oc.columns(['assignment_id', 'criterion_id']).doUpdateSet((eb) => ({ points: eb.ref('excluded.points'), scored_at: now })))
        .execute();
    }
    await audit(tx, caller.actor, { action: 'pioneer_assignment.score', entity: 'pioneer_assignment', entityId: assignmentId, orgId: a.org_id, after: { scores: marks } });
  });
  return (await myAssignments(deps, caller, assignmentId)).items[0];
}

// ---------- from marks to scores ----------

/** Every submitted candidate's judges with the marks each gave, criterion id → points. */
async function sheetsOf(tx: Tx, campaignId: number) {
  const [assignments, marks] = await Promise.all([
    tx
      .selectFrom('pioneer_assignments as a')
      .innerJoin('pioneer_candidates as cand', 'cand.id', 'a.candidate_id')
      .select(['a.id', 'a.candidate_id'])
      .where('a.campaign_id', '=', campaignId)
      .where('cand.status', '=', 'submitted')
      .execute(),
    tx
      .selectFrom('pioneer_scores as s')
      .innerJoin('pioneer_assignments as a', 'a.id', 's.assignment_id')
      .select(['s.assignment_id', 's.criterion_id', 's.points'])
      .where('a.campaign_id', '=', campaignId)
      .execute(),
  ]);
  const byCandidate = new Map<number, Map<number, number>[]>();
  for (const a of assignments) {
    const sheet = new Map(marks.filter((m) => m.assignment_id === a.id).map((m) => [m.criterion_id, m.points]));
    byCandidate.set(a.candidate_id, [...(byCandidate.get(a.candidate_id) ?? []), sheet]);
  }
  return byCandidate;
}

/** What still stands between the submitted candidates and their scores: candidates without a judge, marks not given. */
export async function judgingGaps(tx: Tx, campaignId: number, submitted: { id: number; type: PioneerType }[]) {
  const standards = (await frozenStandardsOf(tx, [campaignId])).get(campaignId)!;
  const sheets = await sheetsOf(tx, campaignId);
  let withoutJudges = 0;
  let missing = 0;
  for (const cand of submitted) {
    const own = sheets.get(cand.id) ?? [];
    if (own.length === 0) withoutJudges++;
    missing += missingMarks(standards.get(cand.type)!.criteria, own);
  }
  return { withoutJudges, missingMarks: missing };
}

/** Scores every submitted candidate from its judges' sheets and ranks them within each type. */
export async function aggregateScores(tx: Tx, c: { id: number; scoring_method: ScoringMethod }, now: string) {
  const standards = (await frozenStandardsOf(tx, [c.id])).get(c.id)!;
  const sheets = await sheetsOf(tx, c.id);
  const candidates = await tx.selectFrom('pioneer_candidates').select(['id', 'type']).where('campaign_id', '=', c.id).where('status', '=', 'submitted').execute();
  const scored = candidates.map((cand) => {
    const std = standards.get(cand.type)!;
    const totals = (sheets.get(cand.id) ?? []).map((sheet) => judgeTotal(std.criteria, std.weights, sheet)!);
    return { id: cand.id, type: cand.type, score: aggregate(c.scoring_method, totals)! };
  });
  for (const type of pioneerTypes) {
    for (const r of rank(scored.filter((s) => s.type === type))) {
      await tx.updateTable('pioneer_candidates').set({ status: 'scored', score: r.score, rank: r.rank, updated_at: now }).where('id', '=', r.id).execute();
    }
  }
  return scored.length;
}
