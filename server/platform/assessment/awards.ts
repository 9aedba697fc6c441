/**
 * Awards by rank (一等奖/二等奖/三等奖): a number of places per award, or a share of the ranked
 * entries in percent. The cut-offs are cumulative: with shares 10/20/30 of 20 entries, ranks 1–2
 * win 一等奖, 3–6 二等奖, 7–12 三等奖. An entry wins the best award whose cut-off its rank is
 * within, so entries sharing a rank across a cut-off all win the better award.
 */

export const awardGrades = ['first', 'second', 'third'] as const;
export type AwardGrade = (typeof awardGrades)[number];

export type AwardRule =
  | { by: 'count'; first: number; second: number; third: number }
  /** percent of the ranked entries, each rounded half up (a fraction of a place counts from .5) */
  | { by: 'share'; first: number; second: number; third: number };

/** Places of a share: n × percent / 100, rounded half up, in integers so nothing drifts. */
const placesOf = (n: number, percent: number) => Math.floor((n * percent + 50) / 100);

/** The last rank of each award, cumulative, for `n` ranked entries (never more than n). */
export function awardCutoffs(rule: AwardRule, n: number): Record<AwardGrade, number> {
  const [a, b, c] = rule.by === 'count' ? [rule.first, rule.first + rule.second, rule.first + rule.second + rule.third] : [placesOf(n, rule.first), placesOf(n, rule.first + rule.second), placesOf(n, rule.first + rule.second + rule.third)];
  return { first: Math.min(a, n), second: Math.min(b, n), third: Math.min(c, n) };
}

/** The award of a rank, or null outside the awards. */
export function awardOf(rank: number, cutoffs: Record<AwardGrade, number>): AwardGrade | null {
  return awardGrades.find((g) => rank <= cutoffs[g]) ?? null;
}

/** Every ranked entry with its award. */
export function giveAwards<T extends { rank: number }>(ranked: readonly T[], rule: AwardRule): (T & { award: AwardGrade | null })[] {
  const cutoffs = awardCutoffs(rule, ranked.length);
  return ranked.map((r) => ({ ...r, award: awardOf(r.rank, cutoffs) }));
}
