/**
 * Score bands: a grade by the lowest score that earns it (five stars from 90, four from 80 …; a
 * model Workers' Home from 90, an advanced one from 80). Scores and thresholds in the same unit.
 */
export interface Band<G> {
  min: number;
  grade: G;
}

/** The grade of the highest band the score reaches, or null below every band. */
export function bandOf<G>(score: number, bands: readonly Band<G>[]): G | null {
  let best: Band<G> | null = null;
  for (const b of bands) if (score >= b.min && (!best || b.min > best.min)) best = b;
  return best ? best.grade : null;
}

/** Thresholds strictly decreasing as the grades go down: none shadows another. */
export function bandsOrdered(bands: readonly Band<unknown>[]): boolean {
  return bands.every((b, i) => i === 0 || b.min < bands[i - 1].min);
}
