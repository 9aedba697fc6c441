/**
 * Marking schemes and marks: weighted criteria of two kinds, a judge's sheet checked against them,
 * per-judge totals, aggregation over judges. Scores are integers in hundredths of a point (a
 * total out of 100 is 0..10000), so every engine stores and compares them exactly.
 */

/**
 * `measurement`: objective, marked 0..maxMarks (a dimension, a timing, a tolerance met);
 * `judgement`: each judge gives 0..the judgement scale's top (WorldSkills: 0–3), the mark scaled to
 * the criterion's weight.
 */
export const criterionKinds = ['measurement', 'judgement'] as const;
export type CriterionKind = (typeof criterionKinds)[number];

/** A criterion as marking sees it: its weight (share of 100) and the top of its marking range. */
export interface SchemeCriterion {
  kind: CriterionKind;
  weight: number;
  /** measurement: its max marks; judgement: the top of the judgement scale */
  max: number;
}

/** A mark on a sheet, by the criterion's position in the scheme (0-based). */
export interface SheetMark {
  criterionIndex: number;
  value: number;
}

/** Why a mark of a sheet is refused; the caller words it with its own rule codes and field names. */
export interface MarkProblem {
  /** the mark's position in the submitted list */
  index: number;
  problem: 'not_a_criterion' | 'out_of_range';
  min: number;
  max: number;
}

/** The sum of the weights must be this: weights are shares of a total out of 100. */
export const WEIGHTS_TOTAL = 100;

/** The weights of a scheme sum to 100 (returns the sum when they do not). */
export function weightsSum(weights: readonly number[]): number | null {
  const sum = weights.reduce((s, w) => s + w, 0);
  return sum === WEIGHTS_TOTAL ? null : sum;
}

/** Each mark names a criterion of the scheme and lies in its range, 0..max whole marks. */
export function checkSheet(criteria: readonly SchemeCriterion[], marks: readonly SheetMark[]): MarkProblem[] {
  const problems: MarkProblem[] = [];
  marks.forEach((m, index) => {
    const c = criteria[m.criterionIndex];
    if (!c) problems.push({ index, problem: 'not_a_criterion', min: 0, max: criteria.length - 1 });
    else if (m.value < 0 || m.value > c.max || !Number.isInteger(m.value)) problems.push({ index, problem: 'out_of_range', min: 0, max: c.max });
  });
  return problems;
}

/** One part of a weighted total: marks given over marks possible, times the part's weight. */
export interface WeightedPart {
  given: number;
  possible: number;
  weight: number;
}

/** Σ given/possible × weight, in hundredths, rounded half up. */
export function weightedTotal(parts: readonly WeightedPart[]): number {
  const total = parts.reduce((s, p) => s + (p.possible > 0 ? (p.given / p.possible) * p.weight : 0), 0);
  return Math.round(total * 100);
}

/**
 * One judge's sheet as totals (hundredths out of 100): the whole, and the part from judgement
 * criteria (a tie-break). Null while any criterion of the scheme is unmarked.
 */
export function sheetTotals(criteria: readonly SchemeCriterion[], values: ReadonlyMap<number, number>): { total: number; judgement: number } | null {
  if (criteria.some((_, i) => !values.has(i))) return null;
  const parts = criteria.map((c, i) => ({ given: values.get(i)!, possible: c.max, weight: c.weight, kind: c.kind }));
  return { total: weightedTotal(parts), judgement: weightedTotal(parts.filter((p) => p.kind === 'judgement')) };
}

/** How many (judge, criterion) marks are still missing across the sheets. */
export function missingMarks<K>(criteria: readonly K[], sheets: readonly ReadonlyMap<K, number>[]): number {
  return sheets.reduce((n, sheet) => n + criteria.filter((c) => !sheet.has(c)).length, 0);
}

export const aggregationMethods = ['mean', 'trimmed_mean'] as const;
export type AggregationMethod = (typeof aggregationMethods)[number];

/**
 * Below this many judges, dropping the highest and lowest would leave too few marks: the trimmed
 * mean drops one highest and one lowest mark from five judges up (the panel practice of the
 * Workers' Pioneer assessment, 工人先锋号 考核评估, and of sports-style judging).
 */
export const TRIM_MIN_JUDGES = 5;

/**
 * A candidate's score (hundredths) from its judges' totals: the mean, or — by the trimmed method
 * with `trimMinJudges` or more judges — the mean after dropping one highest and one lowest mark.
 * Rounded half up to the hundredth. Null without any mark.
 */
export function aggregate(method: AggregationMethod, totals: readonly number[], trimMinJudges = TRIM_MIN_JUDGES): number | null {
  if (totals.length === 0) return null;
  let marks = [...totals].sort((a, b) => a - b);
  if (method === 'trimmed_mean' && marks.length >= trimMinJudges) marks = marks.slice(1, -1);
  return Math.round(marks.reduce((s, m) => s + m, 0) / marks.length);
}
