import { describe, expect, it } from 'vitest';
import {
  addYears,
  ageOn,
  aggregate,
  awardCutoffs,
  checkSheet,
  checkTransition,
  conflictOfInterest,
  earlierFirst,
  giveAwards,
  higherFirst,
  overQuota,
  publicityBlocks,
  publicityLastDay,
  rank,
  sheetTotals,
  transitionsFrom,
  weightsSum,
  type SchemeCriterion,
  type Transition,
} from './index.ts';

const scheme: SchemeCriterion[] = [
  { kind: 'measurement', weight: 60, max: 30 },
  { kind: 'judgement', weight: 40, max: 3 },
];

describe('marking schemes', () => {
  it('weights must sum to 100', () => {
    expect(weightsSum([60, 40])).toBeNull();
    expect(weightsSum([60, 30])).toBe(90);
  });

  it('scales a judgement mark (0–3) to its criterion weight, and a measurement by its max marks', () => {
    // 15/30 of 60 = 30, 2/3 of 40 = 26.67 → 56.67
    expect(sheetTotals(scheme, new Map([[0, 15], [1, 2]]))).toEqual({ total: 5667, judgement: 2667 });
    expect(sheetTotals(scheme, new Map([[0, 30], [1, 3]]))).toEqual({ total: 10000, judgement: 4000 });
    expect(sheetTotals(scheme, new Map([[0, 0], [1, 0]]))).toEqual({ total: 0, judgement: 0 });
  });

  it('an incomplete sheet has no total', () => {
    expect(sheetTotals(scheme, new Map([[0, 15]]))).toBeNull();
  });

  it('refuses marks outside 0..max and unknown criteria, naming the mark by its position', () => {
    expect(checkSheet(scheme, [{ criterionIndex: 1, value: 3 }, { criterionIndex: 0, value: 30 }])).toEqual([]);
    expect(checkSheet(scheme, [{ criterionIndex: 1, value: 4 }])).toEqual([{ index: 0, problem: 'out_of_range', min: 0, max: 3 }]);
    expect(checkSheet(scheme, [{ criterionIndex: 0, value: 5 }, { criterionIndex: 1, value: -1 }])).toEqual([{ index: 1, problem: 'out_of_range', min: 0, max: 3 }]);
    expect(checkSheet(scheme, [{ criterionIndex: 0, value: 31 }])[0].max).toBe(30);
    expect(checkSheet(scheme, [{ criterionIndex: 1, value: 1.5 }])[0].problem).toBe('out_of_range');
    expect(checkSheet(scheme, [{ criterionIndex: 2, value: 1 }])[0].problem).toBe('not_a_criterion');
  });
});

describe('aggregation over judges', () => {
  it('means, rounded half up to the hundredth', () => {
    expect(aggregate('mean', [8000, 8001])).toBe(8001);
    expect(aggregate('mean', [])).toBeNull();
  });

  it('the trimmed mean drops one highest and one lowest from five judges up', () => {
    expect(aggregate('trimmed_mean', [1000, 8000, 8000, 8000, 10000])).toBe(8000);
    expect(aggregate('trimmed_mean', [1000, 8000, 8000, 10000])).toBe(6750);
    expect(aggregate('trimmed_mean', [1000, 8000, 9000], 3)).toBe(8000);
  });
});

describe('ranking', () => {
  it('equal scores share a rank and the next rank skips', () => {
    const r = rank([{ id: 3, score: 80 }, { id: 1, score: 90 }, { id: 2, score: 80 }, { id: 4, score: 70 }]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([[1, 1], [2, 2], [3, 2], [4, 4]]);
  });

  it('a stated tie-break orders equal scores: higher judgement total, then earlier finish', () => {
    type E = { id: number; score: number; judgement: number; finishedAt: string | null };
    const breaks = [higherFirst<E>((e) => e.judgement), earlierFirst<E>((e) => e.finishedAt)];
    const r = rank<E>(
      [
        { id: 1, score: 80, judgement: 30, finishedAt: '10:05' },
        { id: 2, score: 80, judgement: 35, finishedAt: '10:30' },
        { id: 3, score: 80, judgement: 30, finishedAt: '10:01' },
        { id: 4, score: 80, judgement: 30, finishedAt: null },
        { id: 5, score: 80, judgement: 30, finishedAt: null },
      ],
      breaks,
    );
    expect(r.map((x) => [x.id, x.rank])).toEqual([[2, 1], [3, 2], [1, 3], [4, 4], [5, 4]]);
  });
});

describe('awards', () => {
  const ranked = (ranks: number[]) => ranks.map((r, i) => ({ id: i + 1, rank: r }));

  it('by count: the places per award, cumulative', () => {
    const a = giveAwards(ranked([1, 2, 3, 4, 5, 6, 7]), { by: 'count', first: 1, second: 2, third: 3 });
    expect(a.map((x) => x.award)).toEqual(['first', 'second', 'second', 'third', 'third', 'third', null]);
  });

  it('by count: entries sharing a rank across a cut-off all win the better award', () => {
    const a = giveAwards(ranked([1, 1, 3, 4]), { by: 'count', first: 1, second: 1, third: 1 });
    expect(a.map((x) => x.award)).toEqual(['first', 'first', 'third', null]);
  });

  it('by share: percent of the entries, rounded half up', () => {
    expect(awardCutoffs({ by: 'share', first: 10, second: 20, third: 30 }, 20)).toEqual({ first: 2, second: 6, third: 12 });
    // 10% of 15 = 1.5 → 2; 30% → 4.5 → 5; 60% → 9
    expect(awardCutoffs({ by: 'share', first: 10, second: 20, third: 30 }, 15)).toEqual({ first: 2, second: 5, third: 9 });
    // 10% of 4 = 0.4 → no first prize
    expect(awardCutoffs({ by: 'share', first: 10, second: 20, third: 30 }, 4)).toEqual({ first: 0, second: 1, third: 2 });
    expect(awardCutoffs({ by: 'share', first: 10, second: 20, third: 30 }, 0)).toEqual({ first: 0, second: 0, third: 0 });
  });

  it('never more places than entries', () => {
    expect(awardCutoffs({ by: 'count', first: 3, second: 3, third: 3 }, 4)).toEqual({ first: 3, second: 4, third: 4 });
  });
});

describe('conflicts of interest', () => {
  const judge = { userId: 7, enterpriseIds: [100], homeOrgId: 20 };

  it('a judge may not mark themself', () => {
    expect(conflictOfInterest(judge, { userIds: [7], enterpriseId: 200, enterpriseUnionId: null })).toBe('self');
  });

  it('a judge may not mark a candidate of their own enterprise, by member record or by home union', () => {
    expect(conflictOfInterest(judge, { userIds: [8], enterpriseId: 100, enterpriseUnionId: 21 })).toBe('own_enterprise');
    expect(conflictOfInterest(judge, { userIds: [], enterpriseId: 300, enterpriseUnionId: 20 })).toBe('own_enterprise');
  });

  it('anyone else is fine', () => {
    expect(conflictOfInterest(judge, { userIds: [8], enterpriseId: 200, enterpriseUnionId: 21 })).toBeNull();
    expect(conflictOfInterest({ userId: 7, enterpriseIds: [], homeOrgId: null }, { userIds: [], enterpriseId: null, enterpriseUnionId: null })).toBeNull();
  });
});

describe('publicity, quota and dates', () => {
  it('publicity runs its days inclusive; naming waits for its end and for objections', () => {
    expect(publicityLastDay('2026-12-01', 7)).toBe('2026-12-07');
    expect(publicityBlocks({ publicityLastDay: '2026-12-07', openObjections: 0, today: '2026-12-07' })).toBe('publicity_not_over');
    expect(publicityBlocks({ publicityLastDay: '2026-12-07', openObjections: 1, today: '2026-12-08' })).toBe('objections_open');
    expect(publicityBlocks({ publicityLastDay: '2026-12-07', openObjections: 0, today: '2026-12-08' })).toBeNull();
    expect(overQuota(5, 3)).toBe(2);
    expect(overQuota(3, 3)).toBe(0);
  });

  it('ages count whole years, a birthday on the day included', () => {
    expect(ageOn('1991-06-01', '2026-06-01')).toBe(35);
    expect(ageOn('1991-06-02', '2026-06-01')).toBe(34);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(26);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});

describe('the state-machine helper', () => {
  type S = 'open' | 'locked' | 'published';
  const machine = {
    lock: { from: ['open'], to: 'locked', guard: (f: { missing: number }) => (f.missing > 0 ? { code: 'not_found' as const } : null) },
    publish: { from: ['locked'], to: 'published', guard: () => null },
  } satisfies Record<string, Transition<S, { missing: number }>>;

  it('offers the moves legal from a status, refuses illegal ones and runs guards', () => {
    expect(transitionsFrom<S, keyof typeof machine>(machine, 'open')).toEqual(['lock']);
    const illegal = () => ({ code: 'conflict' as const });
    expect(checkTransition<S, { missing: number }>(machine.publish, 'open', { missing: 0 }, illegal)?.code).toBe('conflict');
    expect(checkTransition<S, { missing: number }>(machine.lock, 'open', { missing: 2 }, illegal)?.code).toBe('not_found');
    expect(checkTransition<S, { missing: number }>(machine.lock, 'open', { missing: 0 }, illegal)).toBeNull();
  });
});
