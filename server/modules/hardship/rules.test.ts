import { describe, expect, it } from 'vitest';
import { nextCheckDue, tierOf } from './rules.ts';

const line = { lowIncomeLineFen: 116_000, relativeMultiplePct: 150 };

describe('the tier', () => {
  it('is deep strictly below the line per head, relative below the multiple, and not at the lines themselves', () => {
    // three people: the line is 348,000 fen a month for the household
    expect(tierOf(line, { householdSize: 3, monthlyIncomeFen: 347_999, causes: [] })).toBe('deep');
    expect(tierOf(line, { householdSize: 3, monthlyIncomeFen: 348_000, causes: [] })).toBe('relative');
    expect(tierOf(line, { householdSize: 3, monthlyIncomeFen: 521_999, causes: [] })).toBe('relative');
    expect(tierOf(line, { householdSize: 3, monthlyIncomeFen: 522_000, causes: [] })).toBe('none');
  });

  it('counts income per head without rounding', () => {
    // 347,999 / 3 = 115,999.67 per head: below 116,000
    expect(tierOf(line, { householdSize: 3, monthlyIncomeFen: 347_999, causes: ['schooling'] })).toBe('deep');
    // 1.25× multiple: 145,000 per head
    expect(tierOf({ lowIncomeLineFen: 116_000, relativeMultiplePct: 125 }, { householdSize: 1, monthlyIncomeFen: 145_000, causes: [] })).toBe('none');
    expect(tierOf({ lowIncomeLineFen: 116_000, relativeMultiplePct: 125 }, { householdSize: 1, monthlyIncomeFen: 144_999, causes: [] })).toBe('relative');
  });

  it('is accident for a sudden accident or serious illness above the lines, never above deep or relative', () => {
    expect(tierOf(line, { householdSize: 2, monthlyIncomeFen: 900_000, causes: ['accident'] })).toBe('accident');
    expect(tierOf(line, { householdSize: 2, monthlyIncomeFen: 900_000, causes: ['illness'] })).toBe('accident');
    expect(tierOf(line, { householdSize: 2, monthlyIncomeFen: 900_000, causes: ['unemployment', 'schooling'] })).toBe('none');
    expect(tierOf(line, { householdSize: 2, monthlyIncomeFen: 100_000, causes: ['accident'] })).toBe('deep');
  });

  it('is checked again a year after the last check', () => {
    expect(nextCheckDue('2025-06-02')).toBe('2026-06-02');
  });
});
