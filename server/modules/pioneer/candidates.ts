import { sql } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, notFound, refuse, refused } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { shanghaiMinute, today } from '../../platform/dates.ts';
import { exportList } from '../../platform/exports.ts';
import { paginate } from '../../platform/paging.ts';
import { checkCandidateTransition, checkEligibility, checkMarks, judgeTotal, points, refuseFields, type CampaignStatus, type CandidateTransition } from './rules.ts';
import { exportTexts as t, labelOf } from './messages.ts';
import { readableCandidates, readableEnterprises, type Reader } from './policy.ts';
import { frozenStandard } from './standards.ts';
import { evidenceOf } from './evidence.ts';
import { readableCampaign } from './campaigns.ts';
import { managedCandidate } from './judging.ts';
import { teamPlaceView } from './titles.ts';
import type { candidateExportQuery, candidateListQuery, registerBody, selfAssessmentBody } from './schema.ts';

/**
 * Candidates (创建单位): a team its union registers in a campaign, its self-assessment and evidence,
 * its own moves (submit, withdraw), and the showcase awards. Who sees a candidate is policy.ts's
 * `readableCandidates`: the campaign's managers, and the cadres over the candidate's own union.
 */

/** Candidates with their campaign, team, enterprise and union. */
export function candidatesWithTeams(tx: Tx) {
  return tx
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .innerJoin('teams', 'teams.id', 'cand.team_id')
    .innerJoin('enterprises', 'enterprises.id', 'cand.enterprise_id')
    .innerJoin('orgs', 'orgs.id', 'cand.org_id');
}

const candidateColumns = [
  'cand.id', 'cand.campaign_id', 'cand.team_id', 'teams.name as team_name', 'cand.enterprise_id', 'enterprises.name as enterprise_name', 'cand.org_id',
  'orgs.name as org_name', 'cand.type', 'cand.worker_count', 'cand.status', 'cand.score', 'cand.rank', 'cand.award', 'cand.submitted_at',
] as const;

type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateRows>['executeTakeFirstOrThrow']>>;
const candidateRows = (tx: Tx) => candidatesWithTeams(tx).select(candidateColumns);

function candidateItemView(r: CandidateRow, judges: number) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    ...teamPlaceView(r),
    type: r.type,
    workerCount: r.worker_count,
    status: r.status,
    score: points(r.score),
    rank: r.rank,
    award: r.award,
    judges,
    submittedAt: r.submitted_at,
  };
}

async function judgeCounts(tx: Tx, ids: number[]) {
  if (ids.length === 0) return new Map<number, number>();
  const rows = await tx
    .selectFrom('pioneer_assignments')
    .select(['candidate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('candidate_id', 'in', ids)
    .groupBy('candidate_id')
    .execute();
  return new Map(rows.map((r) => [r.candidate_id, Number(r.n)]));
}

type CandidateFilters = Omit<z.infer<typeof candidateListQuery>, 'page' | 'pageSize'>;

/** A campaign's candidates a reader sees as the list filters them: the list and its export share it. */
function filteredCandidates(tx: Tx, reader: Reader, campaignId: number, query: CandidateFilters) {
  let base = candidatesWithTeams(tx).where('cand.campaign_id', '=', campaignId).where(readableCandidates(reader));
  if (query.status) base = base.where('cand.status', '=', query.status);
  if (query.type) base = base.where('cand.type', '=', query.type);
  return base;
}

/** A campaign's candidates the caller sees, ranked within each type (unranked last). */
export async function listCandidates(deps: Deps, caller: Caller, campaignId: number, query: z.infer<typeof candidateListQuery>) {
  await readableCampaign(deps.db, caller, campaignId);
  const { rows, total } = await paginate(filteredCandidates(deps.db, caller, campaignId, query), query, (q) =>
    q.select(candidateColumns).orderBy(sql`case when cand.rank is null then 1 else 0 end`).orderBy('cand.type').orderBy('cand.rank').orderBy('cand.id'),
  );
  const counts = await judgeCounts(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => candidateItemView(r, counts.get(r.id) ?? 0)), total };
}

/** A campaign's candidates as the list filters them, in Excel, with their scores, ranks, awards and judges. */
export async function exportCandidates(deps: Deps, caller: Caller, campaignId: number, query: z.infer<typeof candidateExportQuery>) {
  const c = await readableCampaign(deps.db, caller, campaignId);
  const { full, ...filters } = query;
  return exportList(deps, caller, {
    list: 'pioneer_candidates',
    title: { zh: `${t.candidates.zh}（${c.name}）`, en: `${t.candidates.en} (${c.name})` },
    filters: { campaignId, ...filters },
    full,
    rows: (scope) => filteredCandidates(deps.db, { scope, user: caller.user }, campaignId, filters).select(candidateColumns),
    keyset: 'cand.id',
    prepare: async (rows) => {
      const counts = await judgeCounts(deps.db, rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, judges: counts.get(r.id) ?? 0 }));
    },
    columns: [
      { header: t.team, value: (r) => r.team_name, width: 20 },
      { header: t.enterprise, value: (r) => r.enterprise_name, width: 28 },
      { header: t.union, value: (r) => r.org_name, width: 28 },
      { header: t.type, value: (r, lang) => labelOf(`pioneer_type_${r.type}`, lang), width: 14 },
      { header: t.workerCount, value: (r) => r.worker_count, width: 8 },
      { header: t.status, value: (r, lang) => labelOf(`pioneer_candidate_${r.status}`, lang), width: 10 },
      { header: t.score, value: (r) => points(r.score), width: 8 },
      { header: t.rank, value: (r) => r.rank, width: 8 },
      { header: t.award, value: (r, lang) => r.award && t[r.award][lang], width: 12 },
      { header: t.judges, value: (r) => r.judges, width: 8 },
      { header: t.submittedAt, value: (r) => r.submitted_at && shanghaiMinute(r.submitted_at), width: 18 },
    ],
  });
}

/** A candidate the caller sees, with what its own moves and self-assessment need. */
async function readableCandidate(tx: Tx, reader: Reader, candidateId: number) {
  const row = await candidateRows(tx)
    .select(['cand.self_summary', 'cand.self_scores', 'camp.status as campaign_status', 'camp.org_id as campaign_org_id', 'camp.assessment_deadline'])
    .where('cand.id', '=', candidateId)
    .where(readableCandidates(reader))
    .executeTakeFirst();
  if (!row) throw notFound('pioneer_candidate');
  return row;
}

const selfScores = (json: string | null) => parseJson<Record<string, number>>(json) ?? {};

/** One candidate: self-assessment, evidence, judges with their totals, objections. */
export async function getCandidate(deps: Deps, caller: Caller, candidateId: number) {
  const r = await readableCandidate(deps.db, caller, candidateId);
  const std = await frozenStandard(deps.db, r.campaign_id, r.type);
  const assignments = await deps.db
    .selectFrom('pioneer_assignments as a')
    .innerJoin('users', 'users.id', 'a.judge_id')
    .select(['a.id', 'a.judge_id', 'users.display_name'])
    .where('a.candidate_id', '=', candidateId)
    .orderBy('a.id')
    .execute();
  const marks = assignments.length
    ? await deps.db.selectFrom('pioneer_scores').select(['assignment_id', 'criterion_id', 'points']).where('assignment_id', 'in', assignments.map((a) => a.id)).execute()
    : [];
  const objections = await deps.db.selectFrom('pioneer_objections').selectAll().where('candidate_id', '=', candidateId).orderBy('id').execute();
  return {
    ...candidateItemView(r, assignments.length),
    selfSummary: r.self_summary,
    selfScores: Object.entries(selfScores(r.self_scores)).map(([k, v]) => ({ criterionId: Number(k), points: v })),
    criteria: std.criteria,
    evidence: (await evidenceOf(deps.db, [candidateId])).get(candidateId)!,
    assignments: assignments.map((a) => {
      const sheet = new Map(marks.filter((m) => m.assignment_id === a.id).map((m) => [m.criterion_id, m.points]));
      return { id: a.id, judgeId: a.judge_id, judgeName: a.display_name, marksGiven: sheet.size, total: points(judgeTotal(std.criteria, std.weights, sheet)) };
    }),
    objections: objections.map((o) => ({ id: o.id, reason: o.reason, status: o.status, resolution: o.resolution, createdAt: o.created_at })),
  };
}

/** A team's union registers it in a campaign of a federation above it, after the eligibility checks. */
export async function registerCandidate(deps: Deps, caller: Caller, campaignId: number, input: z.infer<typeof registerBody>) {
  const day = today(deps);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const c = await readableCampaign(tx, caller, campaignId);
      const team = await tx
        .selectFrom('teams')
        .innerJoin('enterprises', 'enterprises.id', 'teams.enterprise_id')
        .innerJoin('orgs', 'orgs.id', 'enterprises.org_id')
        .select(['teams.id', 'teams.status', 'enterprises.id as enterprise_id', 'enterprises.status as enterprise_status', 'enterprises.org_id', 'orgs.kind as org_kind'])
        .where('teams.id', '=', input.teamId)
        .where(readableEnterprises(caller))
        .executeTakeFirst();
      if (!team) throw notFound('team');
      if (c.status !== 'registration' || day > c.registration_deadline) throw refused('pioneer_registration_closed', { date: c.registration_deadline });
      if (team.status !== 'active') throw refused('team_closed');
      if (team.enterprise_status !== 'active') throw refused('enterprise_closed');
      const inside = await tx.selectFrom('org_closure').select('depth').where('ancestor_id', '=', c.org_id).where('descendant_id', '=', team.org_id).executeTakeFirst();
      if (!inside) throw refused('pioneer_team_outside_campaign');
      const incidents = await tx.selectFrom('enterprise_incidents').select(['kind', 'occurred_on']).where('enterprise_id', '=', team.enterprise_id).execute();
      refuse(checkEligibility({ hasUnion: team.org_kind !== 'federation', incidents: incidents.map((i) => ({ kind: i.kind, occurredOn: i.occurred_on })), year: c.year, today: day }));
      if (await tx.selectFrom('pioneer_candidates').select('id').where('campaign_id', '=', campaignId).where('team_id', '=', input.teamId).executeTakeFirst()) {
        throw conflict('pioneer_already_candidate');
      }
      const now = caller.actor.now;
      const { id } = await tx
        .insertInto('pioneer_candidates')
        .values({
          campaign_id: campaignId,
          team_id: input.teamId,
          enterprise_id: team.enterprise_id,
          org_id: team.org_id,
          type: input.type,
          worker_count: input.workerCount,
          status: 'registered',
          self_summary: null,
          self_scores: null,
          submitted_at: null,
          score: null,
          rank: null,
          award: null,
          registered_by: caller.user!.id,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'pioneer_candidate.register', entity: 'pioneer_candidate', entityId: id, orgId: team.org_id, after: { campaignId, ...input } });
      return { id, status: 'registered' as const };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('pioneer_already_candidate');
    throw err;
  }
}

/** Self-assessment happens while teams prepare: in registration or self-assessment, up to its deadline. */
function requirePreparing(r: { campaign_status: CampaignStatus; assessment_deadline: string }, day: string) {
  if (r.campaign_status !== 'registration' && r.campaign_status !== 'self_assessment') {
    throw refused('pioneer_transition_illegal', { transition: 'pioneer_transition_submit', status: `pioneer_status_${r.campaign_status}` });
  }
  if (day > r.assessment_deadline) throw refused('pioneer_self_assessment_closed', { date: r.assessment_deadline });
}

export async function saveSelfAssessment(deps: Deps, caller: Caller, candidateId: number, input: z.infer<typeof selfAssessmentBody>) {
  const day = today(deps);
  await deps.db.transaction().execute(async (tx) => {
    const r = await readableCandidate(tx, caller, candidateId);
    requirePreparing(r, day);
    if (r.status !== 'registered') throw refused('pioneer_transition_illegal', { transition: 'pioneer_transition_submit', status: `pioneer_candidate_${r.status}` });
    refuseFields(checkMarks((await frozenStandard(tx, r.campaign_id, r.type)).criteria, input.scores));
    const scores = { ...selfScores(r.self_scores), ...Object.fromEntries(input.scores.map((m) => [String(m.criterionId), m.points])) };
    await tx.updateTable('pioneer_candidates').set({ self_summary: input.summary, self_scores: JSON.stringify(scores), updated_at: caller.actor.now }).where('id', '=', candidateId).execute();
    await audit(tx, caller.actor, { action: 'pioneer_candidate.self_assess', entity: 'pioneer_candidate', entityId: candidateId, orgId: r.org_id, after: { summary: input.summary, scores } });
  });
  return getCandidate(deps, caller, candidateId);
}

/** submit / withdraw: the candidate's own named transitions. */
export async function candidateMove(deps: Deps, caller: Caller, candidateId: number, name: CandidateTransition) {
  const day = today(deps);
  await deps.db.transaction().execute(async (tx) => {
    const r = await readableCandidate(tx, caller, candidateId);
    const std = await frozenStandard(tx, r.campaign_id, r.type);
    const marked = new Set(Object.keys(selfScores(r.self_scores)).map(Number));
    const evidence = await tx.selectFrom('pioneer_evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('candidate_id', '=', candidateId).executeTakeFirstOrThrow();
    refuse(checkCandidateTransition(r.status, name, { campaignStatus: r.campaign_status, unscoredCriteria: std.criteria.filter((c) => !marked.has(c.id)).length, evidence: Number(evidence.n) }));
    if (name === 'submit' && day > r.assessment_deadline) throw refused('pioneer_self_assessment_closed', { date: r.assessment_deadline });
    const to = name === 'submit' ? 'submitted' : 'withdrawn';
    await tx
      .updateTable('pioneer_candidates')
      .set({ status: to, ...(name === 'submit' ? { submitted_at: caller.actor.now } : {}), updated_at: caller.actor.now })
      .where('id', '=', candidateId)
      .execute();
    await audit(tx, caller.actor, { action: `pioneer_candidate.${name}`, entity: 'pioneer_candidate', entityId: candidateId, orgId: r.org_id, before: { status: r.status }, after: { status: to } });
  });
  return getCandidate(deps, caller, candidateId);
}

/** Showcase awards (创新成果奖、入围成果奖), given or taken back during the showcase. */
export async function setAward(deps: Deps, caller: Caller, candidateId: number, award: 'innovation_award' | 'finalist_award' | null) {
  await deps.db.transaction().execute(async (tx) => {
    const r = await managedCandidate(tx, caller, candidateId);
    if (r.campaign_status !== 'showcase' || r.status !== 'scored') throw refused('pioneer_award_closed');
    await tx.updateTable('pioneer_candidates').set({ award, updated_at: caller.actor.now }).where('id', '=', candidateId).execute();
    await audit(tx, caller.actor, { action: 'pioneer_candidate.award', entity: 'pioneer_candidate', entityId: candidateId, orgId: r.org_id, before: { award: r.award }, after: { award } });
  });
  return getCandidate(deps, caller, candidateId);
}
