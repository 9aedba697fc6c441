/**
 * Ranking with ties. Competition ranking: the higher score first; equal scores share a rank and
 * the next rank skips (1, 1, 3) — unless a stated tie-break separates them. A tie-break is a
 * comparator (negative: a before b); entries equal on the score and on every tie-break share the
 * rank, and are listed by id.
 */

export type TieBreak<T> = (a: T, b: T) => number;

/** The higher value first; an entry without one after every entry with one. */
export function higherFirst<T>(key: (x: T) => number | null | undefined): TieBreak<T> {
  return (a, b) => nullsLast(key(a), key(b), (x, y) => y - x);
}

/** The earlier value (an ISO instant, a time) first; an entry without one after every entry with one. */
export function earlierFirst<T>(key: (x: T) => string | null | undefined): TieBreak<T> {
  return (a, b) => nullsLast(key(a), key(b), (x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function nullsLast<V>(a: V | null | undefined, b: V | null | undefined, cmp: (x: V, y: V) => number): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  return cmp(a, b);
}

export function rank<T extends { id: number; score: number }>(items: readonly T[], tieBreaks: readonly TieBreak<T>[] = []): (T & { rank: number })[] {
  const decide = (a: T, b: T) => {
    if (a.score !== b.score) return b.score - a.score;
    for (const tb of tieBreaks) {
      const d = tb(a, b);
      if (d !== 0) return d;
    }
    return 0;
  };
  const sorted = [...items].sort((a, b) => decide(a, b) || a.id - b.id);
  let current = 0;
  return sorted.map((item, i) => {
    if (i === 0 || decide(sorted[i - 1], item) !== 0) current = i + 1;
    return { ...item, rank: current };
  });
}
