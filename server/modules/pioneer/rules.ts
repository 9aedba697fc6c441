import type { Refusal } from '../../platform/errors.ts';
import {
  addYears,
  checkTransition,
  overQuota,
  publicityBlocks,
  transitionsFrom,
  weightedTotal,
  missingMarks as missingOf,
  type AggregationMethod,
  type Transition,
} from '../../platform/assessment/index.ts';

/**
 * Workers' Pioneer (工人先锋号) rules. Pure: no I/O; callers read the facts, pass them in, and get
 * a refusal (a message code with its parameters) or null, or the fields a check refuses (each with
 * a registered rule code). Dates are YYYY-MM-DD in Asia/Shanghai. What is generic to every
 * assessment (weighted totals, aggregation, ranking with ties, publicity, the state-machine helper,
 * dates, field problems) lives in platform/assessment and is re-exported here for the module.
 */

export { addDays, addYears, aggregate, explain, publicityLastDay, rank, refuseFields, TRIM_MIN_JUDGES } from '../../platform/assessment/index.ts';
export type { FieldProblem, Transition } from '../../platform/assessment/index.ts';
import type { FieldProblem } from '../../platform/assessment/index.ts';

export const pioneerTypes = ['modern_management', 'tech_innovation', 'safe_production', 'quality_service', 'model_education'] as const;
export type PioneerType = (typeof pioneerTypes)[number];

export const dimensions = ['infrastructure', 'organization', 'workforce', 'management', 'effectiveness'] as const;
export type Dimension = (typeof dimensions)[number];

/** Title levels from the bottom up; a title is recommended to the next one. */
export const levels = ['county', 'city', 'province', 'national'] as const;
export type Level = (typeof levels)[number];

export const scoringMethods = ['mean', 'trimmed_mean'] as const satisfies readonly AggregationMethod[];
export type ScoringMethod = (typeof scoringMethods)[number];
export const awards = ['innovation_award', 'finalist_award'] as const;
export type Award = (typeof awards)[number];

export const incidentKinds = ['wage_arrears', 'social_insurance_arrears', 'safety_accident', 'occupational_hazard', 'mass_incident'] as const;
export type IncidentKind = (typeof incidentKinds)[number];
/** Bars the enterprise's teams for the calendar year the incident happened in. */
const YEAR_BARS: readonly IncidentKind[] = ['wage_arrears', 'social_insurance_arrears'];
/** Bars the enterprise's teams for three years after the incident. */
const THREE_YEAR_BARS: readonly IncidentKind[] = ['safety_accident', 'occupational_hazard', 'mass_incident'];
export const BAR_YEARS = 3;
export const DEFAULT_PUBLICITY_DAYS = 7;

// ---------- eligibility ----------

export interface EligibilityFacts {
  /** the enterprise is covered by a union of its own, not only by a federation */
  hasUnion: boolean;
  incidents: { kind: IncidentKind; occurredOn: string }[];
  /** the campaign's year */
  year: number;
  /** the day of registration */
  today: string;
}

/**
 * Can a team of this enterprise register? Its enterprise needs a union; no wage arrears or unpaid
 * social insurance recorded in the campaign's year; no safety accident, serious occupational
 * hazard or mass incident in the last three years — one exactly three years ago to the day is
 * outside the window (the window is (today − 3 years, today]).
 */
export function checkEligibility(f: EligibilityFacts): Refusal | null {
  if (!f.hasUnion) return { code: 'pioneer_ineligible_no_union' };
  const arrears = f.incidents.find((i) => YEAR_BARS.includes(i.kind) && Number(i.occurredOn.slice(0, 4)) === f.year);
  if (arrears) return { code: 'pioneer_ineligible_arrears', params: { year: f.year, kind: `incident_${arrears.kind}` } };
  const since = addYears(f.today, -BAR_YEARS);
  const serious = f.incidents.find((i) => THREE_YEAR_BARS.includes(i.kind) && i.occurredOn > since && i.occurredOn <= f.today);
  if (serious) return { code: 'pioneer_ineligible_incident', params: { date: serious.occurredOn, kind: `incident_${serious.kind}` } };
  return null;
}

/** Incidents of these kinds against a titled team's enterprise propose the title's revocation. */
export function proposesRevocation(kind: IncidentKind): boolean {
  return YEAR_BARS.includes(kind) || THREE_YEAR_BARS.includes(kind);
}

// ---------- standards ----------

export interface CriterionInput {
  dimension: Dimension;
  title: string;
  description: string | null;
  maxPoints: number;
}
export type Weights = Record<Dimension, number>;

/** Field errors of a standard: weights of the five dimensions sum to 100, each dimension scored. */
export function checkStandard(weights: Weights, criteria: CriterionInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sum = dimensions.reduce((s, d) => s + weights[d], 0);
  if (sum !== 100) problems.push({ field: 'weights', rule: 'pioneer_weights_sum', params: { sum } });
  for (const d of dimensions) {
    if (!criteria.some((c) => c.dimension === d)) problems.push({ field: 'criteria', rule: 'pioneer_dimension_without_criteria', params: { dimension: `pioneer_dimension_${d}` } });
  }
  return problems;
}

// ---------- scoring ----------

export interface ScoredCriterion {
  id: number;
  dimension: Dimension;
  maxPoints: number;
}

/**
 * One judge's total out of 100, in hundredths: per dimension, points given over points possible,
 * times the dimension's weight. Null when any criterion is unscored.
 */
export function judgeTotal(criteria: ScoredCriterion[], weights: Weights, points: Map<number, number>): number | null {
  if (criteria.some((c) => !points.has(c.id))) return null;
  const parts = dimensions
    .map((d) => criteria.filter((c) => c.dimension === d))
    .filter((own) => own.length > 0)
    .map((own) => ({ given: own.reduce((s, c) => s + points.get(c.id)!, 0), possible: own.reduce((s, c) => s + c.maxPoints, 0), weight: weights[own[0].dimension] }));
  return weightedTotal(parts);
}

/** Marks against a frozen standard (a judge's or a self-assessment): each a criterion of it, within its points. */
export function checkMarks(criteria: ScoredCriterion[], marks: { criterionId: number; points: number }[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  marks.forEach((m, i) => {
    const c = criteria.find((x) => x.id === m.criterionId);
    if (!c) problems.push({ field: `scores.${i}.criterionId`, rule: 'pioneer_not_a_criterion' });
    else if (m.points > c.maxPoints) problems.push({ field: `scores.${i}.points`, rule: 'pioneer_points_over_max', params: { max: c.maxPoints } });
  });
  return problems;
}

/** How many (judge, criterion) marks are still missing across the sheets (criterion id → points). */
export const missingMarks = (criteria: ScoredCriterion[], sheets: Map<number, number>[]): number => missingOf(criteria.map((c) => c.id), sheets);

// ---------- the campaign's state machine ----------

export const campaignStatuses = ['registration', 'self_assessment', 'scoring', 'showcase', 'publicity', 'named', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** A new campaign's deadlines: registration (from today), then self-assessment, then scoring. */
export function checkCampaignDates(d: { registrationDeadline: string; assessmentDeadline: string; scoringDeadline: string }, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (d.assessmentDeadline < d.registrationDeadline) problems.push({ field: 'assessmentDeadline', rule: 'pioneer_assessment_before_registration' });
  if (d.scoringDeadline < d.assessmentDeadline) problems.push({ field: 'scoringDeadline', rule: 'pioneer_scoring_before_assessment' });
  if (d.registrationDeadline < today) problems.push({ field: 'registrationDeadline', rule: 'pioneer_registration_in_past' });
  return problems;
}

/** What the guards look at, read by campaigns.ts in the transition's transaction. */
export interface CampaignFacts {
  today: string;
  quota: number;
  /** candidates not withdrawn */
  candidates: number;
  /** candidates still registered, their self-assessment not submitted */
  unsubmitted: number;
  /** submitted candidates without any judge */
  withoutJudges: number;
  /** (judge, criterion) marks missing */
  missingMarks: number;
  /** for start_publicity: the candidates proposed, and how many of them are not scored ones of this campaign */
  nominees: number;
  invalidNominees: number;
  /** for name: the last day of publicity and objections still open */
  publicityLastDay: string | null;
  openObjections: number;
  /** for name: nominees left after upheld objections */
  toName: number;
}

type Guard = (f: CampaignFacts) => Refusal | null;

const always: Guard = () => null;
const hasCandidates: Guard = (f) => (f.candidates === 0 ? { code: 'pioneer_no_candidates' } : null);
const allSubmitted: Guard = (f) => (f.unsubmitted > 0 ? { code: 'pioneer_unsubmitted_candidates', params: { count: f.unsubmitted } } : null);
const scoresComplete: Guard = (f): Refusal | null => {
  if (f.withoutJudges > 0) return { code: 'pioneer_candidates_without_judges', params: { count: f.withoutJudges } };
  if (f.missingMarks > 0) return { code: 'pioneer_scores_missing', params: { count: f.missingMarks } };
  return null;
};
const nomineesWithinQuota: Guard = (f): Refusal | null => {
  if (f.nominees === 0) return { code: 'pioneer_nominees_required' };
  if (f.invalidNominees > 0) return { code: 'pioneer_nominee_not_scored', params: { count: f.invalidNominees } };
  if (overQuota(f.nominees, f.quota) > 0) return { code: 'pioneer_quota_exceeded', params: { quota: f.quota, count: f.nominees } };
  return null;
};
const publicityDone: Guard = (f): Refusal | null => {
  const blocked = publicityBlocks(f);
  if (blocked === 'publicity_not_over') return { code: 'pioneer_publicity_not_over', params: { date: f.publicityLastDay! } };
  if (blocked === 'objections_open') return { code: 'pioneer_objections_open', params: { count: f.openObjections } };
  if (overQuota(f.toName, f.quota) > 0) return { code: 'pioneer_quota_exceeded', params: { quota: f.quota, count: f.toName } };
  return null;
};

/** Every move of a campaign, by name: from which states, to which state, and what must hold. */
export const campaignTransitions = {
  /** 报名截止 → 自评 */
  close_registration: { from: ['registration'], to: 'self_assessment', guard: hasCandidates },
  /** 自评结束 → 评审打分 */
  start_scoring: { from: ['self_assessment'], to: 'scoring', guard: allSubmitted },
  /** 汇总得分 → 成果展示 */
  aggregate: { from: ['scoring'], to: 'showcase', guard: scoresComplete },
  /** 拟命名名单 → 公示 */
  start_publicity: { from: ['showcase'], to: 'publicity', guard: nomineesWithinQuota },
  /** 命名 */
  name: { from: ['publicity'], to: 'named', guard: publicityDone },
  /** 终止 */
  cancel: { from: ['registration', 'self_assessment', 'scoring', 'showcase', 'publicity'], to: 'cancelled', guard: always },
} as const satisfies Record<string, Transition<CampaignStatus, CampaignFacts>>;
export type CampaignTransition = keyof typeof campaignTransitions;
export const campaignTransitionNames = Object.keys(campaignTransitions) as CampaignTransition[];

/** The moves legal from a status: what a campaign's manager is offered (`actions`). */
export const campaignTransitionsFrom = (status: CampaignStatus): CampaignTransition[] => transitionsFrom<CampaignStatus, CampaignTransition>(campaignTransitions, status);

/** Refusal of an illegal move (wrong state) or of a guard; null when the move may happen. */
export function checkCampaignTransition(status: CampaignStatus, name: CampaignTransition, facts: CampaignFacts): Refusal | null {
  return checkTransition<CampaignStatus, CampaignFacts>(campaignTransitions[name], status, facts, () => ({
    code: 'pioneer_transition_illegal',
    params: { transition: `pioneer_transition_${name}`, status: `pioneer_status_${status}` },
  }));
}

// ---------- a candidate's own moves ----------

export const candidateStatuses = ['registered', 'submitted', 'withdrawn', 'scored', 'nominated', 'named', 'not_named'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];

export interface CandidateFacts {
  campaignStatus: CampaignStatus;
  /** criteria without a self-assessed mark */
  unscoredCriteria: number;
  evidence: number;
}

/** A candidate's own moves happen while teams still prepare: registration and self-assessment. */
const preparing = (name: string, f: CandidateFacts): Refusal | null =>
  f.campaignStatus === 'registration' || f.campaignStatus === 'self_assessment'
    ? null
    : { code: 'pioneer_transition_illegal', params: { transition: `pioneer_transition_${name}`, status: `pioneer_status_${f.campaignStatus}` } };

/** The moves a candidate's union makes; the rest follow the campaign's transitions. */
export const candidateTransitions = {
  /** 提交自评 */
  submit: {
    from: ['registered'],
    to: 'submitted',
    guard: (f) => {
      const when = preparing('submit', f);
      if (when) return when;
      if (f.unscoredCriteria > 0) return { code: 'pioneer_self_assessment_incomplete', params: { count: f.unscoredCriteria } };
      if (f.evidence === 0) return { code: 'pioneer_evidence_required' };
      return null;
    },
  },
  /** 退出创建 */
  withdraw: { from: ['registered', 'submitted'], to: 'withdrawn', guard: (f) => preparing('withdraw', f) },
} as const satisfies Record<string, Transition<CandidateStatus, CandidateFacts>>;
export type CandidateTransition = keyof typeof candidateTransitions;

export function checkCandidateTransition(status: CandidateStatus, name: CandidateTransition, facts: CandidateFacts): Refusal | null {
  return checkTransition<CandidateStatus, CandidateFacts>(candidateTransitions[name], status, facts, () => ({
    code: 'pioneer_transition_illegal',
    params: { transition: `pioneer_transition_${name}`, status: `pioneer_candidate_${status}` },
  }));
}

// ---------- titles after naming ----------

/** The level a title is recommended to, or null at the top. */
export function nextLevel(level: Level): Level | null {
  const i = levels.indexOf(level);
  return i < levels.length - 1 ? levels[i + 1] : null;
}

/** A title may be recommended upward while active, below national, with no recommendation open. */
export function checkRecommendation(title: { status: 'active' | 'revoked'; level: Level }, openRecommendations: number): Refusal | null {
  if (title.status === 'revoked') return { code: 'pioneer_title_revoked' };
  if (nextLevel(title.level) === null) return { code: 'pioneer_recommendation_top' };
  if (openRecommendations > 0) return { code: 'pioneer_recommendation_open' };
  return null;
}

/** Scores are kept in hundredths; the API speaks points with two decimals. */
export const points = (hundredths: number | null): number | null => (hundredths === null ? null : hundredths / 100);
