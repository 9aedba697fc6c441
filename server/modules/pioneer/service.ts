import { shanghaiDate } from '../../platform/dates.ts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, parseJson, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, invalidFields, notFound, refused, type FieldError } from '../../platform/errors.ts';
import { inScope, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import {
  aggregate,
  campaignTransitionNames,
  campaignTransitions,
  checkCampaignTransition,
  checkCandidateTransition,
  checkEligibility,
  checkStandard,
  judgeTotal,
  missingMarks,
  pioneerTypes,
  points,
  publicityLastDay,
  rank,
  type CampaignFacts,
  type CampaignStatus,
  type CandidateTransition,
  type PioneerType,
  type Refusal,
  type ScoredCriterion,
  type Weights,
} from './rules.ts';
import type {
  campaignListQuery,
  candidateListQuery,
  createCampaignBody,
  createStandardBody,
  markInput,
  registerBody,
  selfAssessmentBody,
  transitionBody,
} from './schema.ts';

/**
 * Workers' Pioneer campaigns: standards, the campaign's state machine, candidates, judges and
 * their marks, publicity and objections. Each use case: access (scope as SQL) → rules → store, in
 * one transaction, audited.
 *
 * Who sees a campaign: the cadres over the federation that opened it manage it; cadres anywhere
 * below it take part (their teams register) and see their own candidates only.
 */

export const today = (deps: Deps) => shanghaiDate(deps.clock());

function refuse(r: Refusal | null): void {
  if (r) throw refused(r.code, r.params);
}

/** The campaign's federation lies in scope, or is an ancestor of an org in scope (taking part). */
export function campaignVisible(column: string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.roots.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${inScope(column, scope)} or ${sql.ref(column)} in (select ancestor_id from org_closure where descendant_id in (${sql.join(scope.roots)})))`;
}

/** A candidate is seen by the campaign's managers and by cadres over the candidate's own union. */
export function candidateVisible(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${inScope('cand.org_id', scope)} or ${inScope('camp.org_id', scope)})`;
}

// ---------- standards ----------

async function standardRows(tx: Tx, ids: number[]) {
  if (ids.length === 0) return [];
  const [standards, criteria] = await Promise.all([
    tx.selectFrom('pioneer_standards').selectAll().where('id', 'in', ids).orderBy('type').orderBy('id').execute(),
    tx.selectFrom('pioneer_criteria').selectAll().where('standard_id', 'in', ids).orderBy('standard_id').orderBy('position').execute(),
  ]);
  return standards.map((s) => ({
    id: s.id,
    orgId: s.org_id,
    type: s.type,
    version: s.version,
    name: s.name,
    weights: parseJson<Weights>(s.weights)!,
    createdAt: s.created_at,
    criteria: criteria.filter((c) => c.standard_id === s.id).map(criterionView),
  }));
}

function criterionView(c: { id: number; dimension: ScoredCriterion['dimension']; position: number; title: string; description: string | null; max_points: number }) {
  return { id: c.id, dimension: c.dimension, position: c.position, title: c.title, description: c.description, maxPoints: c.max_points };
}

/** Per type, the newest version a campaign of `orgId` would freeze now: its own, else the built-in one. */
async function currentStandardIds(tx: Tx, orgId: number | null): Promise<Map<PioneerType, number>> {
  const rows = await tx
    .selectFrom('pioneer_standards')
    .select(['id', 'type', 'org_id', 'version'])
    .where((eb) => (orgId === null ? eb('org_id', 'is', null) : eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)])))
    .orderBy('version')
    .orderBy('id')
    .execute();
  const chosen = new Map<PioneerType, { id: number; own: boolean }>();
  for (const r of rows) {
    const own = r.org_id !== null;
    const prev = chosen.get(r.type);
    if (!prev || own || !prev.own) chosen.set(r.type, { id: r.id, own });
  }
  return new Map([...chosen].map(([type, v]) => [type, v.id]));
}

export async function listStandards(deps: Deps, caller: Caller, orgId: number | undefined) {
  if (orgId !== undefined) await requireOrgInScope(deps.db, caller.scope, orgId);
  const ids = await currentStandardIds(deps.db, orgId ?? null);
  const items = await standardRows(deps.db, [...ids.values()]);
  return { items, total: items.length };
}

export async function getStandard(deps: Deps, caller: Caller, standardId: number) {
  const row = await deps.db
    .selectFrom('pioneer_standards')
    .select('id')
    .where('id', '=', standardId)
    .where((eb) => eb.or([eb('org_id', 'is', null), campaignVisible('pioneer_standards.org_id', caller.scope)]))
    .executeTakeFirst();
  if (!row) throw notFound('pioneer_standard');
  return (await standardRows(deps.db, [standardId]))[0];
}

/** A federation's new version of one type's standard, for campaigns it opens from now on. */
export async function createStandard(deps: Deps, caller: Caller, input: z.infer<typeof createStandardBody>) {
  const problems = checkStandard(input.weights, input.criteria);
  if (problems.length) throw invalidFields(problems.map((p) => ({ field: p.field, message: { zh: p.zh, en: p.en } })));
  return deps.db.transaction().execute(async (tx) => {
    await requireFederation(tx, caller.scope, input.orgId, 'orgId');
    const last = await tx
      .selectFrom('pioneer_standards')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('org_id', '=', input.orgId)
      .where('type', '=', input.type)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const { id } = await tx
      .insertInto('pioneer_standards')
      .values({ org_id: input.orgId, type: input.type, version, name: input.name, weights: JSON.stringify(input.weights), created_by: caller.user!.id, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('pioneer_criteria')
      .values(input.criteria.map((c, i) => ({ standard_id: id, dimension: c.dimension, position: i + 1, title: c.title, description: c.description, max_points: c.maxPoints })))
      .execute();
    const [view] = await standardRows(tx, [id]);
    await audit(tx, caller.actor, { action: 'pioneer_standard.create', entity: 'pioneer_standard', entityId: id, orgId: input.orgId, after: view });
    return view;
  });
}

async function requireFederation(tx: Tx, scope: Scope, orgId: number, field: string) {
  await requireOrgInScope(tx, scope, orgId);
  const org = await tx.selectFrom('orgs').select(['kind', 'level', 'status', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  if (org.kind !== 'federation' || org.level !== 'county' || org.status !== 'active') {
    throw invalidFields([{ field, message: { zh: '只有县级总工会可以发起创建活动、制定考核标准', en: 'Only a county federation opens campaigns and sets standards' } }]);
  }
  return org;
}

// ---------- campaigns ----------

export async function openCampaign(deps: Deps, caller: Caller, input: z.infer<typeof createCampaignBody>) {
  const errors: FieldError[] = [];
  if (input.assessmentDeadline < input.registrationDeadline) errors.push({ field: 'assessmentDeadline', message: { zh: '自评截止日期不能早于报名截止日期', en: 'Self-assessment cannot close before registration' } });
  if (input.scoringDeadline < input.assessmentDeadline) errors.push({ field: 'scoringDeadline', message: { zh: '评审截止日期不能早于自评截止日期', en: 'Scoring cannot close before self-assessment' } });
  if (input.registrationDeadline < today(deps)) errors.push({ field: 'registrationDeadline', message: { zh: '报名截止日期不能早于今天', en: 'Registration cannot close in the past' } });
  if (errors.length) throw invalidFields(errors);
  return deps.db.transaction().execute(async (tx) => {
    await requireFederation(tx, caller.scope, input.orgId, 'orgId');
    const now = caller.actor.now;
    const { id } = await tx
      .insertInto('pioneer_campaigns')
      .values({
        org_id: input.orgId,
        name: input.name,
        year: input.year,
        level: 'county',
        registration_deadline: input.registrationDeadline,
        assessment_deadline: input.assessmentDeadline,
        scoring_deadline: input.scoringDeadline,
        publicity_days: input.publicityDays,
        publicity_start: null,
        publicity_end: null,
        quota: input.quota,
        scoring_method: input.scoringMethod,
        status: 'registration',
        named_on: null,
        document_no: null,
        cancel_reason: null,
        created_by: caller.user!.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const frozen = await currentStandardIds(tx, input.orgId);
    await tx
      .insertInto('pioneer_campaign_standards')
      .values(pioneerTypes.map((type) => ({ campaign_id: id, type, standard_id: frozen.get(type)! })))
      .execute();
    const view = await campaignView(tx, id);
    await audit(tx, caller.actor, { action: 'pioneer_campaign.open', entity: 'pioneer_campaign', entityId: id, orgId: input.orgId, after: view });
    return view;
  });
}

async function campaignView(tx: Tx, campaignId: number) {
  const c = await tx
    .selectFrom('pioneer_campaigns as camp')
    .innerJoin('orgs', 'orgs.id', 'camp.org_id')
    .selectAll('camp')
    .select('orgs.name as org_name')
    .where('camp.id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const standards = await tx
    .selectFrom('pioneer_campaign_standards as cs')
    .innerJoin('pioneer_standards as s', 's.id', 'cs.standard_id')
    .select(['cs.type', 'cs.standard_id', 's.version'])
    .where('cs.campaign_id', '=', campaignId)
    .orderBy('cs.type')
    .execute();
  const [progress] = await campaignProgress(tx, [campaignId]);
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    name: c.name,
    year: c.year,
    level: c.level,
    registrationDeadline: c.registration_deadline,
    assessmentDeadline: c.assessment_deadline,
    scoringDeadline: c.scoring_deadline,
    publicityDays: c.publicity_days,
    publicityStart: c.publicity_start,
    publicityEnd: c.publicity_end,
    quota: c.quota,
    scoringMethod: c.scoring_method,
    status: c.status,
    namedOn: c.named_on,
    documentNo: c.document_no,
    cancelReason: c.cancel_reason,
    createdAt: c.created_at,
    standards: standards.map((s) => ({ type: s.type, standardId: s.standard_id, version: s.version })),
    progress: progress.progress,
    transitions: campaignTransitionNames.filter((t) => (campaignTransitions[t].from as readonly CampaignStatus[]).includes(c.status)),
  };
}

/** Per campaign: candidates by status, teams and workers taking part, judging progress, open objections. */
async function campaignProgress(tx: Tx, ids: number[], candidateScope?: Scope) {
  let cands = tx
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['cand.campaign_id', 'cand.status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('cand.worker_count').as('workers')])
    .where('cand.campaign_id', 'in', ids)
    .groupBy(['cand.campaign_id', 'cand.status']);
  if (candidateScope) cands = cands.where(candidateVisible(candidateScope));
  const [byStatus, marks, objections] = await Promise.all([
    cands.execute(),
    tx
      .selectFrom('pioneer_assignments as a')
      .innerJoin('pioneer_candidates as cand', 'cand.id', 'a.candidate_id')
      .innerJoin('pioneer_campaign_standards as cs', (j) => j.onRef('cs.campaign_id', '=', 'a.campaign_id').onRef('cs.type', '=', 'cand.type'))
      .select([
        'a.campaign_id',
        (eb) => eb.fn.countAll<number>().as('assignments'),
        (eb) => eb.fn.sum<number>(eb.selectFrom('pioneer_criteria').select((c) => c.fn.countAll<number>().as('n')).whereRef('pioneer_criteria.standard_id', '=', 'cs.standard_id')).as('expected'),
        (eb) => eb.fn.sum<number>(eb.selectFrom('pioneer_scores').select((c) => c.fn.countAll<number>().as('n')).whereRef('pioneer_scores.assignment_id', '=', 'a.id')).as('given'),
      ])
      .where('a.campaign_id', 'in', ids)
      .where('cand.status', '!=', 'withdrawn')
      .groupBy('a.campaign_id')
      .execute(),
    tx
      .selectFrom('pioneer_objections')
      .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', 'in', ids)
      .where('status', '=', 'open')
      .groupBy('campaign_id')
      .execute(),
  ]);
  return ids.map((id) => {
    const rows = byStatus.filter((r) => r.campaign_id === id);
    const live = rows.filter((r) => r.status !== 'withdrawn');
    const m = marks.find((r) => r.campaign_id === id);
    return {
      id,
      progress: {
        candidates: live.reduce((s, r) => s + Number(r.n), 0),
        byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
        teams: live.reduce((s, r) => s + Number(r.n), 0),
        workers: live.reduce((s, r) => s + Number(r.workers ?? 0), 0),
        assignments: Number(m?.assignments ?? 0),
        marksGiven: Number(m?.given ?? 0),
        marksExpected: Number(m?.expected ?? 0),
        openObjections: Number(objections.find((r) => r.campaign_id === id)?.n ?? 0),
      },
    };
  });
}

export async function listCampaigns(deps: Deps, caller: Caller, query: z.infer<typeof campaignListQuery>) {
  let q = deps.db.selectFrom('pioneer_campaigns').where(campaignVisible('pioneer_campaigns.org_id', caller.scope));
  if (query.year) q = q.where('year', '=', query.year);
  if (query.status) q = q.where('status', '=', query.status);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = (await q.select('id').orderBy('id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute()).map((r) => r.id);
  const items = [];
  for (const id of ids) items.push(await campaignView(deps.db, id));
  return { items, total: Number(total) };
}

async function visibleCampaign(tx: Tx, scope: Scope, campaignId: number) {
  const c = await tx.selectFrom('pioneer_campaigns').selectAll().where('id', '=', campaignId).where(campaignVisible('pioneer_campaigns.org_id', scope)).executeTakeFirst();
  if (!c) throw notFound('pioneer_campaign');
  return c;
}

/** The campaign, to the cadres over the federation that opened it; anyone else gets 404. */
async function managedCampaign(tx: Tx, scope: Scope, campaignId: number) {
  const c = await tx.selectFrom('pioneer_campaigns').selectAll().where('id', '=', campaignId).where(inScope('pioneer_campaigns.org_id', scope)).executeTakeFirst();
  if (!c) throw notFound('pioneer_campaign');
  return c;
}

export async function getCampaign(deps: Deps, caller: Caller, campaignId: number) {
  await visibleCampaign(deps.db, caller.scope, campaignId);
  const view = await campaignView(deps.db, campaignId);
  if (caller.scope.all) return view;
  // Cadres taking part see their own candidates' counts, not the whole campaign's.
  const [own] = await campaignProgress(deps.db, [campaignId], caller.scope);
  return { ...view, progress: own.progress };
}

// ---------- the state machine ----------

/** The frozen standard of each type: its criteria and weights. */
async function frozenStandards(tx: Tx, campaignId: number) {
  const links = await tx.selectFrom('pioneer_campaign_standards').select(['type', 'standard_id']).where('campaign_id', '=', campaignId).execute();
  const standards = await standardRows(tx, links.map((l) => l.standard_id));
  return new Map(links.map((l) => [l.type, standards.find((s) => s.id === l.standard_id)!]));
}

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

type CampaignRow = Awaited<ReturnType<typeof managedCampaign>>;

async function campaignFacts(tx: Tx, c: CampaignRow, day: string, nominees: number[]): Promise<CampaignFacts> {
  const candidates = await tx.selectFrom('pioneer_candidates').select(['id', 'status', 'type']).where('campaign_id', '=', c.id).execute();
  const submitted = candidates.filter((x) => x.status === 'submitted');
  let withoutJudges = 0;
  let missing = 0;
  if (c.status === 'scoring') {
    const standards = await frozenStandards(tx, c.id);
    const sheets = await sheetsOf(tx, c.id);
    for (const cand of submitted) {
      const own = sheets.get(cand.id) ?? [];
      if (own.length === 0) withoutJudges++;
      missing += missingMarks(standards.get(cand.type)!.criteria, own);
    }
  } else {
    const judged = new Set(
      (await tx.selectFrom('pioneer_assignments').select('candidate_id').where('campaign_id', '=', c.id).execute()).map((r) => r.candidate_id),
    );
    withoutJudges = submitted.filter((x) => !judged.has(x.id)).length;
  }
  const scored = new Set(candidates.filter((x) => x.status === 'scored').map((x) => x.id));
  const objections = await tx
    .selectFrom('pioneer_objections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', c.id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const unique = [...new Set(nominees)];
  return {
    today: day,
    quota: c.quota,
    candidates: candidates.filter((x) => x.status !== 'withdrawn').length,
    unsubmitted: candidates.filter((x) => x.status === 'registered').length,
    withoutJudges,
    missingMarks: missing,
    nominees: unique.length,
    invalidNominees: unique.filter((id) => !scored.has(id)).length,
    publicityLastDay: c.publicity_end,
    openObjections: Number(objections.n),
    toName: candidates.filter((x) => x.status === 'nominated').length,
  };
}

/** Scores every submitted candidate from its judges' sheets and ranks them within each type. */
async function aggregateScores(tx: Tx, c: CampaignRow, now: string) {
  const standards = await frozenStandards(tx, c.id);
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

/** Names the nominees still standing: one title each at the campaign's level, within the quota. */
async function nameNominees(tx: Tx, c: CampaignRow, day: string, documentNo: string | null, now: string) {
  const nominees = await tx
    .selectFrom('pioneer_candidates')
    .select(['id', 'team_id', 'enterprise_id', 'org_id', 'type'])
    .where('campaign_id', '=', c.id)
    .where('status', '=', 'nominated')
    .orderBy('id')
    .execute();
  if (nominees.length) {
    await tx
      .insertInto('pioneer_titles')
      .values(
        nominees.map((n) => ({
          team_id: n.team_id,
          enterprise_id: n.enterprise_id,
          org_id: n.org_id,
          type: n.type,
          level: c.level,
          year: c.year,
          named_on: day,
          document_no: documentNo,
          source: 'campaign' as const,
          campaign_id: c.id,
          candidate_id: n.id,
          status: 'active' as const,
          revoked_on: null,
          revocation_reason: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  await tx.updateTable('pioneer_candidates').set({ status: 'named', updated_at: now }).where('campaign_id', '=', c.id).where('status', '=', 'nominated').execute();
  await tx.updateTable('pioneer_candidates').set({ status: 'not_named', updated_at: now }).where('campaign_id', '=', c.id).where('status', '=', 'scored').execute();
  return nominees.length;
}

/** Runs one named transition: access → guard (rules) → effects → audit, in one transaction. */
export async function transition(deps: Deps, caller: Caller, campaignId: number, input: z.infer<typeof transitionBody>) {
  const day = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const c = await managedCampaign(tx, caller.scope, campaignId);
    const nominees = input.transition === 'start_publicity' ? input.nominees : [];
    refuse(checkCampaignTransition(c.status, input.transition, await campaignFacts(tx, c, day, nominees)));
    const now = caller.actor.now;
    const to = campaignTransitions[input.transition].to;
    const set: Record<string, unknown> = { status: to, updated_at: now };
    const detail: Record<string, unknown> = {};
    switch (input.transition) {
      case 'aggregate':
        detail.scored = await aggregateScores(tx, c, now);
        break;
      case 'start_publicity':
        await tx.updateTable('pioneer_candidates').set({ status: 'nominated', updated_at: now }).where('campaign_id', '=', c.id).where('id', 'in', nominees).execute();
        set.publicity_start = day;
        set.publicity_end = publicityLastDay(day, c.publicity_days);
        Object.assign(detail, { nominees: [...new Set(nominees)], publicityStart: set.publicity_start, publicityEnd: set.publicity_end });
        break;
      case 'name':
        detail.named = await nameNominees(tx, c, day, input.documentNo, now);
        set.named_on = day;
        set.document_no = input.documentNo;
        detail.documentNo = input.documentNo;
        break;
      case 'cancel':
        set.cancel_reason = input.reason;
        detail.reason = input.reason;
        break;
      default:
        break;
    }
    await tx.updateTable('pioneer_campaigns').set(set).where('id', '=', c.id).execute();
    await audit(tx, caller.actor, {
      action: `pioneer_campaign.${input.transition}`,
      entity: 'pioneer_campaign',
      entityId: c.id,
      orgId: c.org_id,
      before: { status: c.status },
      after: { status: to, ...detail },
    });
    return campaignView(tx, c.id);
  });
}

// ---------- candidates ----------

function candidates(tx: Tx) {
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

/** A candidate with its team, enterprise and union names. */
function candidateRows(tx: Tx) {
  return candidates(tx).select(candidateColumns);
}
type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateRows>['executeTakeFirstOrThrow']>>;

function candidateItemView(r: CandidateRow, judges: number) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    teamId: r.team_id,
    teamName: r.team_name,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    orgId: r.org_id,
    orgName: r.org_name,
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

export async function listCandidates(deps: Deps, caller: Caller, campaignId: number, query: z.infer<typeof candidateListQuery>) {
  await visibleCampaign(deps.db, caller.scope, campaignId);
  let q = candidates(deps.db).where('cand.campaign_id', '=', campaignId).where(candidateVisible(caller.scope));
  if (query.status) q = q.where('cand.status', '=', query.status);
  if (query.type) q = q.where('cand.type', '=', query.type);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await q
    .select(candidateColumns)
    .orderBy(sql`case when cand.rank is null then 1 else 0 end`)
    .orderBy('cand.type')
    .orderBy('cand.rank')
    .orderBy('cand.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counts = await judgeCounts(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => candidateItemView(r, counts.get(r.id) ?? 0)), total: Number(total) };
}

async function candidateInScope(tx: Tx, scope: Scope, candidateId: number) {
  const row = await candidateRows(tx)
    .select(['cand.self_summary', 'cand.self_scores', 'camp.status as campaign_status', 'camp.org_id as campaign_org_id', 'camp.assessment_deadline'])
    .where('cand.id', '=', candidateId)
    .where(candidateVisible(scope))
    .executeTakeFirst();
  if (!row) throw notFound('pioneer_candidate');
  return row;
}

export async function evidenceOf(tx: Tx, candidateIds: number[]) {
  if (candidateIds.length === 0) return [];
  const rows = await tx.selectFrom('pioneer_evidence').selectAll().where('candidate_id', 'in', candidateIds).orderBy('id').execute();
  return rows.map((e) => ({ candidateId: e.candidate_id, id: e.id, fileName: e.file_name, contentType: e.content_type, size: e.size, sha256: e.sha256, createdAt: e.created_at }));
}

const stripCandidate = <T extends { candidateId: number }>({ candidateId: _, ...rest }: T) => rest;
const selfScoreList = (json: string | null) => Object.entries(parseJson<Record<string, number>>(json) ?? {}).map(([k, v]) => ({ criterionId: Number(k), points: v }));

export async function getCandidate(deps: Deps, caller: Caller, candidateId: number) {
  const r = await candidateInScope(deps.db, caller.scope, candidateId);
  const std = (await frozenStandards(deps.db, r.campaign_id)).get(r.type)!;
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
    selfScores: selfScoreList(r.self_scores),
    criteria: std.criteria,
    evidence: (await evidenceOf(deps.db, [candidateId])).map(stripCandidate),
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
      const c = await visibleCampaign(tx, caller.scope, campaignId);
      const team = await tx
        .selectFrom('teams')
        .innerJoin('enterprises', 'enterprises.id', 'teams.enterprise_id')
        .innerJoin('orgs', 'orgs.id', 'enterprises.org_id')
        .select(['teams.id', 'teams.status', 'enterprises.id as enterprise_id', 'enterprises.status as enterprise_status', 'enterprises.org_id', 'orgs.kind as org_kind'])
        .where('teams.id', '=', input.teamId)
        .where(inScope('enterprises.org_id', caller.scope))
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

/** Marks against a frozen standard: each criterion of it, each within its points. */
function checkMarks(criteria: ScoredCriterion[], marks: z.infer<typeof markInput>[]): void {
  const errors: FieldError[] = [];
  marks.forEach((m, i) => {
    const c = criteria.find((x) => x.id === m.criterionId);
    if (!c) errors.push({ field: `scores.${i}.criterionId`, message: { zh: '不是本类型考核标准中的一项', en: 'Not a criterion of this type’s standard' } });
    else if (m.points > c.maxPoints) errors.push({ field: `scores.${i}.points`, message: { zh: `不能超过该项满分 ${c.maxPoints} 分`, en: `can be at most ${c.maxPoints}` } });
  });
  if (errors.length) throw invalidFields(errors);
}

function requirePreparing(r: { campaign_status: CampaignStatus; assessment_deadline: string }, day: string) {
  if (r.campaign_status !== 'registration' && r.campaign_status !== 'self_assessment') {
    throw refused('pioneer_transition_illegal', { transition: 'pioneer_transition_submit', status: `pioneer_status_${r.campaign_status}` });
  }
  if (day > r.assessment_deadline) throw refused('pioneer_self_assessment_closed', { date: r.assessment_deadline });
}

export async function saveSelfAssessment(deps: Deps, caller: Caller, candidateId: number, input: z.infer<typeof selfAssessmentBody>) {
  const day = today(deps);
  await deps.db.transaction().execute(async (tx) => {
    const r = await candidateInScope(tx, caller.scope, candidateId);
    requirePreparing(r, day);
    if (r.status !== 'registered') throw refused('pioneer_transition_illegal', { transition: 'pioneer_transition_submit', status: `pioneer_candidate_${r.status}` });
    const std = (await frozenStandards(tx, r.campaign_id)).get(r.type)!;
    checkMarks(std.criteria, input.scores);
    const scores = { ...(parseJson<Record<string, number>>(r.self_scores) ?? {}), ...Object.fromEntries(input.scores.map((m) => [String(m.criterionId), m.points])) };
    await tx.updateTable('pioneer_candidates').set({ self_summary: input.summary, self_scores: JSON.stringify(scores), updated_at: caller.actor.now }).where('id', '=', candidateId).execute();
    await audit(tx, caller.actor, { action: 'pioneer_candidate.self_assess', entity: 'pioneer_candidate', entityId: candidateId, orgId: r.org_id, after: { summary: input.summary, scores } });
  });
  return getCandidate(deps, caller, candidateId);
}

/** submit / withdraw: the candidate's own named transitions. */
export async function candidateMove(deps: Deps, caller: Caller, candidateId: number, name: CandidateTransition) {
  const day = today(deps);
  await deps.db.transaction().execute(async (tx) => {
    const r = await candidateInScope(tx, caller.scope, candidateId);
    const std = (await frozenStandards(tx, r.campaign_id)).get(r.type)!;
    const marked = new Set(selfScoreList(r.self_scores).map((m) => m.criterionId));
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

/** A candidate whose campaign the caller manages. */
async function managedCandidate(tx: Tx, scope: Scope, candidateId: number) {
  const row = await tx
    .selectFrom('pioneer_candidates as cand')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
    .select(['cand.id', 'cand.status', 'cand.enterprise_id', 'cand.org_id', 'cand.award', 'cand.campaign_id', 'camp.status as campaign_status', 'camp.org_id as campaign_org_id'])
    .where('cand.id', '=', candidateId)
    .where(inScope('camp.org_id', scope))
    .executeTakeFirst();
  if (!row) throw notFound('pioneer_candidate');
  return row;
}

/** Showcase awards (创新成果奖、入围成果奖), given or taken back during the showcase. */
export async function setAward(deps: Deps, caller: Caller, candidateId: number, award: 'innovation_award' | 'finalist_award' | null) {
  await deps.db.transaction().execute(async (tx) => {
    const r = await managedCandidate(tx, caller.scope, candidateId);
    if (r.campaign_status !== 'showcase' || r.status !== 'scored') throw refused('pioneer_award_closed');
    await tx.updateTable('pioneer_candidates').set({ award, updated_at: caller.actor.now }).where('id', '=', candidateId).execute();
    await audit(tx, caller.actor, { action: 'pioneer_candidate.award', entity: 'pioneer_candidate', entityId: candidateId, orgId: r.org_id, before: { award: r.award }, after: { award } });
  });
  return getCandidate(deps, caller, candidateId);
}

// ---------- judges ----------

/**
 * Assigns a judge: they must hold a judge grant on the campaign's federation or above it, and
 * must not belong to the team's enterprise (by their member record, or their home union when it
 * is the single union of that enterprise).
 */
export async function assignJudge(deps: Deps, caller: Caller, candidateId: number, judgeId: number) {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const r = await managedCandidate(tx, caller.scope, candidateId);
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
      const ownMember = await tx.selectFrom('members').select('id').where('user_id', '=', judgeId).where('enterprise_id', '=', r.enterprise_id).where('status', '!=', 'left').executeTakeFirst();
      const ownUnion = grant.home_org_id === r.org_id && (await tx.selectFrom('orgs').select('kind').where('id', '=', r.org_id).executeTakeFirstOrThrow()).kind === 'grassroots_union';
      if (ownMember || ownUnion) throw refused('pioneer_judge_conflict');
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
    .where('a.judge_id', '=', caller.user!.id)
    .where('cand.status', '!=', 'withdrawn')
    .where('camp.status', '!=', 'cancelled');
  if (assignmentId !== undefined) q = q.where('a.id', '=', assignmentId);
  const rows = await q.orderBy('a.id', 'desc').execute();
  const ids = rows.map((r) => r.id);
  const [marks, evidence] = await Promise.all([
    ids.length ? deps.db.selectFrom('pioneer_scores').select(['assignment_id', 'criterion_id', 'points']).where('assignment_id', 'in', ids).execute() : [],
    evidenceOf(deps.db, rows.map((r) => r.candidate_id)),
  ]);
  const standards = new Map<number, Awaited<ReturnType<typeof frozenStandards>>>();
  const items = [];
  for (const r of rows) {
    if (!standards.has(r.campaign_id)) standards.set(r.campaign_id, await frozenStandards(deps.db, r.campaign_id));
    const std = standards.get(r.campaign_id)!.get(r.type)!;
    const own = marks.filter((m) => m.assignment_id === r.id).map((m) => ({ criterionId: m.criterion_id, points: m.points }));
    items.push({
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
      evidence: evidence.filter((e) => e.candidateId === r.candidate_id).map(stripCandidate),
      criteria: std.criteria,
      weights: std.weights,
      marks: own,
      complete: std.criteria.every((c) => own.some((m) => m.criterionId === c.id)),
    });
  }
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
      .where('a.judge_id', '=', caller.user!.id)
      .executeTakeFirst();
    if (!a || a.status === 'withdrawn') throw notFound('pioneer_assignment');
    if (a.campaign_status !== 'scoring') throw refused('pioneer_scoring_closed');
    const std = (await frozenStandards(tx, a.campaign_id)).get(a.type)!;
    checkMarks(std.criteria, marks);
    const now = caller.actor.now;
    for (const m of marks) {
      await tx
        .insertInto('pioneer_scores')
        .values({ assignment_id: assignmentId, criterion_id: m.criterionId, points: m.points, scored_at: now })
        .onConflict((oc) => oc.columns(['assignment_id', 'criterion_id']).doUpdateSet({ points: m.points, scored_at: now }))
        .execute();
    }
    await audit(tx, caller.actor, { action: 'pioneer_assignment.score', entity: 'pioneer_assignment', entityId: assignmentId, orgId: a.org_id, after: { scores: marks } });
  });
  return (await myAssignments(deps, caller, assignmentId)).items[0];
}

// ---------- publicity and objections ----------

/** The public notice (公示): public fields of the proposed candidates, only while in publicity. */
export async function publicity(deps: Deps, campaignId: number) {
  const c = await deps.db
    .selectFrom('pioneer_campaigns as camp')
    .innerJoin('orgs', 'orgs.id', 'camp.org_id')
    .select(['camp.id', 'camp.name', 'camp.year', 'camp.level', 'camp.status', 'camp.publicity_start', 'camp.publicity_end', 'orgs.name as org_name'])
    .where('camp.id', '=', campaignId)
    .executeTakeFirst();
  if (!c || c.status !== 'publicity') throw notFound('pioneer_campaign');
  const rows = await candidates(deps.db)
    .select(['cand.id', 'teams.name as team_name', 'enterprises.name as enterprise_name', 'orgs.name as union_name', 'cand.type', 'cand.score'])
    .where('cand.campaign_id', '=', campaignId)
    .where('cand.status', '=', 'nominated')
    .orderBy('cand.type')
    .orderBy('cand.rank')
    .execute();
  return {
    campaignId: c.id,
    name: c.name,
    year: c.year,
    level: c.level,
    orgName: c.org_name,
    publicityStart: c.publicity_start!,
    publicityEnd: c.publicity_end!,
    nominees: rows.map((r) => ({ candidateId: r.id, teamName: r.team_name, enterpriseName: r.enterprise_name, unionName: r.union_name, type: r.type, score: points(r.score)! })),
  };
}

/** Anyone logged in may object to a proposed candidate during publicity. */
export async function lodgeObjection(deps: Deps, caller: Caller, candidateId: number, reason: string) {
  const day = today(deps);
  return deps.db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('pioneer_candidates as cand')
      .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
      .select(['cand.id', 'cand.status', 'cand.campaign_id', 'camp.status as campaign_status', 'camp.publicity_end', 'camp.org_id'])
      .where('cand.id', '=', candidateId)
      .where('camp.status', 'in', ['publicity', 'named'])
      .where('cand.status', 'in', ['nominated', 'named', 'not_named'])
      .executeTakeFirst();
    if (!r) throw notFound('pioneer_candidate');
    if (r.campaign_status !== 'publicity' || r.status !== 'nominated' || day > r.publicity_end!) throw refused('pioneer_objection_closed');
    const { id } = await tx
      .insertInto('pioneer_objections')
      .values({ campaign_id: r.campaign_id, candidate_id: candidateId, lodged_by: caller.user!.id, reason, status: 'open', resolution: null, resolved_by: null, resolved_at: null, created_at: caller.actor.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, caller.actor, { action: 'objection.lodge', entity: 'objection', entityId: id, orgId: r.org_id, after: { candidateId, reason } });
    return { id, status: 'open' as const };
  });
}

function objections(tx: Tx) {
  return tx
    .selectFrom('pioneer_objections as o')
    .innerJoin('pioneer_candidates as cand', 'cand.id', 'o.candidate_id')
    .innerJoin('pioneer_campaigns as camp', 'camp.id', 'o.campaign_id')
    .innerJoin('teams', 'teams.id', 'cand.team_id')
    .select(['o.id', 'o.campaign_id', 'o.candidate_id', 'teams.name as team_name', 'o.reason', 'o.status', 'o.resolution', 'o.created_at', 'o.resolved_at']);
}

type ObjectionRow = Awaited<ReturnType<ReturnType<typeof objections>['executeTakeFirstOrThrow']>>;
const objectionView = (o: ObjectionRow) => ({
  id: o.id,
  campaignId: o.campaign_id,
  candidateId: o.candidate_id,
  teamName: o.team_name,
  reason: o.reason,
  status: o.status,
  resolution: o.resolution,
  createdAt: o.created_at,
  resolvedAt: o.resolved_at,
});

export async function listObjections(deps: Deps, caller: Caller, campaignId: number) {
  await visibleCampaign(deps.db, caller.scope, campaignId);
  const rows = await objections(deps.db).where('o.campaign_id', '=', campaignId).where(candidateVisible(caller.scope)).orderBy('o.id').execute();
  return { items: rows.map(objectionView), total: rows.length };
}

/** A cadre over the campaign resolves an objection: upheld takes the candidate off the list. */
export async function resolveObjection(deps: Deps, caller: Caller, objectionId: number, outcome: 'upheld' | 'dismissed', resolution: string) {
  return deps.db.transaction().execute(async (tx) => {
    const o = await tx
      .selectFrom('pioneer_objections as o')
      .innerJoin('pioneer_campaigns as camp', 'camp.id', 'o.campaign_id')
      .select(['o.id', 'o.status', 'o.candidate_id', 'camp.org_id'])
      .where('o.id', '=', objectionId)
      .where(inScope('camp.org_id', caller.scope))
      .executeTakeFirst();
    if (!o) throw notFound('objection');
    if (o.status !== 'open') throw conflict('pioneer_objection_resolved');
    const now = caller.actor.now;
    await tx.updateTable('pioneer_objections').set({ status: outcome, resolution, resolved_by: caller.user!.id, resolved_at: now }).where('id', '=', objectionId).execute();
    if (outcome === 'upheld') {
      await tx.updateTable('pioneer_candidates').set({ status: 'not_named', updated_at: now }).where('id', '=', o.candidate_id).where('status', '=', 'nominated').execute();
    }
    await audit(tx, caller.actor, { action: `objection.${outcome === 'upheld' ? 'uphold' : 'dismiss'}`, entity: 'objection', entityId: objectionId, orgId: o.org_id, before: { status: 'open' }, after: { status: outcome, resolution } });
    return objectionView(await objections(tx).where('o.id', '=', objectionId).executeTakeFirstOrThrow());
  });
}
