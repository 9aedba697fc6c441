import type { Refusal } from '../../platform/errors.ts';
import { addYears, bandOf, checkTransition, publicityBlocks, weightedTotal, weightsSum, type Band, type Transition } from '../../platform/assessment/index.ts';

/**
 * Star ratings of grassroots unions (星级工会评定, 1–5 stars) and Workers' Home ratings (职工之家:
 * 模范 / 先进, at county, city, province and national level), on the shared assessment mechanism
 * (server/platform/assessment: weighted criteria, score bands, publicity, transitions). Every
 * number below is a default with its source; a federation sets its own scorecard
 * (PUT /api/orgs/{id}/rating-scorecards) and its subtree inherits it.
 */

export const ratingKinds = ['star_rating', 'workers_home_rating'] as const;
export type RatingKind = (typeof ratingKinds)[number];
export const ratingLevels = ['county', 'city', 'province', 'national'] as const;
export type RatingLevel = (typeof ratingLevels)[number];
/**
 * The five dimensions of the published scorecards (e.g. 宁波市总工会 "五星级活力基层工会" and
 * 各省 "星级职工之家" 评定标准, issue #13 §2): 组织建设, 民主管理, 维权, 服务, 自身建设.
 */
export const ratingDimensions = ['organization', 'democratic_management', 'rights', 'services', 'own_building'] as const;
export type RatingDimension = (typeof ratingDimensions)[number];
/** 模范职工之家 (model) above 先进职工之家 (advanced). */
export const homeGrades = ['model', 'advanced'] as const;
export type HomeGrade = (typeof homeGrades)[number];

export interface ScorecardCriterion {
  dimension: RatingDimension;
  /** share of the total out of 100 */
  weight: number;
  /** the dimension is marked 0..max */
  max: number;
}
export interface Scorecard {
  criteria: ScorecardCriterion[];
  /** grade bands by total score (points out of 100): stars 1–5, or the home's grade */
  bands: Band<number | HomeGrade>[];
  /** how long a named rating is valid */
  validityYears: number;
  /** years after naming when the higher level re-checks it (复查) */
  recheckAfterYears: number;
  /** days of publicity (公示) before naming */
  publicityDays: number;
}

/**
 * The defaults:
 * - dimensions and weights: the five dimensions of the published scorecards (issue #13 §2),
 *   organisation 25, democratic management 20, rights 20, services 20, own building 15 — an
 *   example weighting, configurable;
 * - star bands: five stars from 90 (issue #13: "bands such as ≥ 90 for five stars"), then one
 *   star less every 10 points down to one star from 50; below 50, no star;
 * - Workers' Home: 模范职工之家 from 90, 先进职工之家 from 80 (the same ten-point steps);
 * - validity: stars 3 years with a re-check after 1 (dynamic management, 动态管理: ratings are
 *   re-checked and lowered or withdrawn); a Workers' Home 5 years with a re-check after 2 —
 *   examples, configurable;
 * - publicity: 7 days, as honours' default (honours/rules.ts).
 */
const criteria: ScorecardCriterion[] = [
  { dimension: 'organization', weight: 25, max: 25 },
  { dimension: 'democratic_management', weight: 20, max: 20 },
  { dimension: 'rights', weight: 20, max: 20 },
  { dimension: 'services', weight: 20, max: 20 },
  { dimension: 'own_building', weight: 15, max: 15 },
];
export const defaultScorecards: Record<RatingKind, Scorecard> = {
  star_rating: {
    criteria,
    bands: [
      { min: 90, grade: 5 },
      { min: 80, grade: 4 },
      { min: 70, grade: 3 },
      { min: 60, grade: 2 },
      { min: 50, grade: 1 },
    ],
    validityYears: 3,
    recheckAfterYears: 1,
    publicityDays: 7,
  },
  workers_home_rating: {
    criteria,
    bands: [
      { min: 90, grade: 'model' },
      { min: 80, grade: 'advanced' },
    ],
    validityYears: 5,
    recheckAfterYears: 2,
    publicityDays: 7,
  },
};

export interface DimensionScore {
  dimension: RatingDimension;
  value: number;
}

/** A scorecard's own consistency: weights sum to 100, each dimension once, bands of the kind's grades. */
export function checkScorecard(kind: RatingKind, card: Scorecard): Refusal | null {
  const sum = weightsSum(card.criteria.map((c) => c.weight));
  if (sum !== null) return { code: 'rating_weights_sum', params: { sum } };
  if (new Set(card.criteria.map((c) => c.dimension)).size !== card.criteria.length) return { code: 'rating_dimension_twice' };
  const gradeOk = kind === 'star_rating' ? (g: unknown) => typeof g === 'number' && g >= 1 && g <= 5 : (g: unknown) => homeGrades.includes(g as HomeGrade);
  if (!card.bands.every((b) => gradeOk(b.grade))) return { code: 'rating_band_grade' };
  return null;
}

/** Each scored dimension is one of the card's, marked once, 0..max; every dimension is scored. */
export function checkScores(card: Scorecard, scores: readonly DimensionScore[]): { index: number; max: number }[] {
  const problems: { index: number; max: number }[] = [];
  scores.forEach((s, index) => {
    const c = card.criteria.find((x) => x.dimension === s.dimension);
    if (!c || s.value < 0 || s.value > c.max || scores.findIndex((o) => o.dimension === s.dimension) !== index) problems.push({ index, max: c?.max ?? 0 });
  });
  return problems;
}
export const missingDimensions = (card: Scorecard, scores: readonly DimensionScore[]) => card.criteria.filter((c) => !scores.some((s) => s.dimension === c.dimension)).map((c) => c.dimension);

/** The total in hundredths out of 100: each dimension's marks over its max, times its weight. */
export function totalScore(card: Scorecard, scores: readonly DimensionScore[]): number {
  return weightedTotal(card.criteria.map((c) => ({ given: scores.find((s) => s.dimension === c.dimension)?.value ?? 0, possible: c.max, weight: c.weight })));
}

/** The grade a total (hundredths) earns on the card's bands (in points). */
export function gradeOf(card: Scorecard, total: number): number | HomeGrade | null {
  return bandOf(total, card.bands.map((b) => ({ min: b.min * 100, grade: b.grade })));
}

export const validUntil = (card: Scorecard, namedOn: string) => addYears(namedOn, card.validityYears);
export const recheckDueOn = (card: Scorecard, namedOn: string) => addYears(namedOn, card.recheckAfterYears);

// ---- lifecycle: self-assessment → review by the higher level → publicity → naming → re-check ----

export const ratingStatuses = ['self_assessed', 'reviewed', 'publicity', 'named', 'not_named', 'revoked'] as const;
export type RatingStatus = (typeof ratingStatuses)[number];

export interface RatingFacts {
  grade: number | string | null;
  publicityLastDay: string | null;
  today: string;
}
const none = () => null;
export const ratingTransitions = {
  review: { from: ['self_assessed', 'reviewed'], to: 'reviewed', guard: none },
  publicize: { from: ['reviewed'], to: 'publicity', guard: (f: RatingFacts) => (f.grade === null ? { code: 'rating_below_bands' } : null) },
  name: {
    from: ['publicity'],
    to: 'named',
    guard: (f: RatingFacts) => (publicityBlocks({ publicityLastDay: f.publicityLastDay, openObjections: 0, today: f.today }) ? { code: 'rating_publicity_running', params: { lastDay: f.publicityLastDay ?? '' } } : null),
  },
  recheck: { from: ['named'], to: 'named', guard: none },
} satisfies Record<string, Transition<RatingStatus, RatingFacts>>;
export type RatingMove = keyof typeof ratingTransitions;

export function checkRatingMove(move: RatingMove, status: RatingStatus, facts: RatingFacts): Refusal | null {
  return checkTransition<RatingStatus, RatingFacts>(ratingTransitions[move], status, facts, () => ({ code: 'rating_wrong_step', params: { status } }));
}

/** A named rating counts while valid: named, not revoked, and its validity not past. */
export const inForce = (r: { status: string; valid_until: string | null }, today: string) => r.status === 'named' && !!r.valid_until && r.valid_until >= today;
