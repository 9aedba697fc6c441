import { describe, expect, it } from 'vitest';
import { balanceOf, checkNaming, checkConflict, checkReversal, checkSelectionPeriod, chooseNamed, rankCandidates, resolveSettings, validUntil } from './rules.ts';

describe('honours rules', () => {
  it('refuses a second selection inside the period, either side, and allows one at its end', () => {
    expect(checkSelectionPeriod(2027, [2025], 3)?.code).toBe('craftsman_selection_too_soon');
    expect(checkSelectionPeriod(2023, [2025], 3)?.code).toBe('craftsman_selection_too_soon');
    expect(checkSelectionPeriod(2028, [2025], 3)).toBeNull();
    expect(validUntil(2025, 3)).toBe(2027);
  });

  it('ranks by the mean mark, separating equal means by the higher lowest mark, and leaves the unmarked unranked', () => {
    const ranked = rankCandidates([
      { id: 1, marks: [80, 90] },
      { id: 2, marks: [85, 85] },
      { id: 3, marks: [] },
      { id: 4, marks: [95] },
    ]);
    expect(ranked.map((c) => [c.id, c.rank, c.score])).toEqual([[4, 1, 95], [2, 2, 85], [1, 3, 85], [3, null, null]]);
    // equal on the mean and on the lowest mark: they share a rank
    expect(rankCandidates([{ id: 5, marks: [80, 90] }, { id: 6, marks: [90, 80] }]).map((c) => c.rank)).toEqual([1, 1]);
    expect(chooseNamed(ranked.map((c) => ({ ...c, upheld: c.id === 4 })), 2).map((c) => c.id)).toEqual([2, 1]);
  });

  it('keeps the ledger a plain sum and reverses an entry once', () => {
    expect(balanceOf([{ amountFen: 30_000 }, { amountFen: -30_000 }, { amountFen: 30_000 }])).toBe(30_000);
    expect(checkReversal({ id: 1, kind: 'allowance', amountFen: 1, reversesId: null }, true)?.code).toBe('allowance_already_reversed');
    expect(checkReversal({ id: 2, kind: 'reversal', amountFen: -1, reversesId: 1 }, false)?.code).toBe('allowance_reversal_of_reversal');
  });

  it('refuses a judge marking themself or a candidate of their own enterprise (the shared conflict rule)', () => {
    const judge = { userId: 1, enterpriseIds: [7], homeOrgId: 30 };
    expect(checkConflict(judge, { userIds: [], enterpriseId: 7, enterpriseUnionId: null })?.code).toBe('craftsman_judge_conflict');
    expect(checkConflict(judge, { userIds: [1], enterpriseId: null, enterpriseUnionId: null })?.code).toBe('craftsman_judge_conflict');
    expect(checkConflict(judge, { userIds: [], enterpriseId: 8, enterpriseUnionId: 30 })?.code).toBe('craftsman_judge_conflict');
    expect(checkConflict(judge, { userIds: [2], enterpriseId: 8, enterpriseUnionId: 31 })).toBeNull();
  });

  it('names only after the publicity’s last day, with every objection decided', () => {
    expect(checkNaming('publicity', { publicityLastDay: '2025-06-08', openObjections: 0, today: '2025-06-08' })?.code).toBe('craftsman_publicity_running');
    expect(checkNaming('publicity', { publicityLastDay: '2025-06-08', openObjections: 1, today: '2025-06-09' })?.code).toBe('craftsman_objection_open');
    expect(checkNaming('publicity', { publicityLastDay: '2025-06-08', openObjections: 0, today: '2025-06-09' })).toBeNull();
    expect(checkNaming('open', { publicityLastDay: null, openObjections: 0, today: '2025-06-09' })?.code).toBe('craftsman_selection_wrong_step');
  });

  it('fills a federation’s stored settings with the defaults of fields it lacks', () => {
    const s = resolveSettings({ modelWorkerAllowanceFen: { city: 25_000 } } as never);
    expect(s.modelWorkerAllowanceFen.city).toBe(25_000);
    expect(s.modelWorkerAllowanceFen.national).toBe(50_000);
    expect(s.selectionPeriodYears).toBe(3);
  });
});
