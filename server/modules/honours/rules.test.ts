import { describe, expect, it } from 'vitest';
import { balanceOf, checkConflict, checkReversal, checkSelectionPeriod, chooseNamed, rankCandidates, resolveSettings, validUntil } from './rules.ts';

describe('honours rules', () => {
  it('refuses a second selection inside the period, either side, and allows one at its end', () => {
    expect(checkSelectionPeriod(2027, [2025], 3)?.code).toBe('craftsman_selection_too_soon');
    expect(checkSelectionPeriod(2023, [2025], 3)?.code).toBe('craftsman_selection_too_soon');
    expect(checkSelectionPeriod(2028, [2025], 3)).toBeNull();
    expect(validUntil(2025, 3)).toBe(2027);
  });

  it('ranks ties on the same rank and breaks them for naming by the lowest mark, then the earlier candidacy', () => {
    const ranked = rankCandidates([
      { id: 1, marks: [80, 90] },
      { id: 2, marks: [85, 85] },
      { id: 3, marks: [] },
      { id: 4, marks: [95] },
    ]);
    expect(ranked.map((c) => [c.id, c.rank])).toEqual([[4, 1], [2, 2], [1, 2], [3, null]]);
    expect(chooseNamed(ranked.map((c) => ({ ...c, upheld: c.id === 4 })), 2).map((c) => c.id)).toEqual([2, 1]);
  });

  it('keeps the ledger a plain sum and reverses an entry once', () => {
    expect(balanceOf([{ amountFen: 30_000 }, { amountFen: -30_000 }, { amountFen: 30_000 }])).toBe(30_000);
    expect(checkReversal({ id: 1, kind: 'allowance', amountFen: 1, reversesId: null }, true)?.code).toBe('allowance_already_reversed');
    expect(checkReversal({ id: 2, kind: 'reversal', amountFen: -1, reversesId: 1 }, false)?.code).toBe('allowance_reversal_of_reversal');
  });

  it('refuses a judge of the candidate’s enterprise', () => {
    expect(checkConflict([7], 7)?.code).toBe('craftsman_judge_conflict');
    expect(checkConflict([7], 8)).toBeNull();
    expect(checkConflict([], null)).toBeNull();
  });

  it('fills a federation’s stored settings with the defaults of fields it lacks', () => {
    const s = resolveSettings({ modelWorkerAllowanceFen: { city: 25_000 } } as never);
    expect(s.modelWorkerAllowanceFen.city).toBe(25_000);
    expect(s.modelWorkerAllowanceFen.national).toBe(50_000);
    expect(s.selectionPeriodYears).toBe(3);
  });
});
