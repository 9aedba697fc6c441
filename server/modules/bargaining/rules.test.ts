import { describe, expect, it } from 'vitest';
import { addMonths, adoptionOutcome, checkNewRepresentative, checkSides, diffClauses, effectiveOnWithoutObjection, expiresOn, filingDueOn, renewalOpensOn, replyDueOn, statusOn, surveyResults } from './rules.ts';

describe('the 集体合同规定’s dates', () => {
  it('counts 20 days to reply (art. 32), 10 to file (art. 42), 15 to take effect (art. 47)', () => {
    expect(replyDueOn('2026-06-20')).toBe('2026-07-10');
    expect(filingDueOn('2026-07-25')).toBe('2026-08-04');
    expect(effectiveOnWithoutObjection('2026-07-30')).toBe('2026-08-14');
  });
  it('runs a term of whole years and opens renewal in its last 3 months (art. 38)', () => {
    expect(expiresOn('2026-08-14', 1)).toBe('2027-08-13');
    expect(expiresOn('2024-02-29', 1)).toBe('2025-02-27');
    expect(renewalOpensOn('2027-08-13')).toBe('2027-05-14');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -3)).toBe('2025-10-15');
  });
});

describe('adoption (art. 36)', () => {
  it('needs at least two thirds attending: exactly two thirds is enough', () => {
    expect(adoptionOutcome(30, 20, 16).adopted).toBe(true);
    expect(adoptionOutcome(30, 19, 19).rule.attendanceMet).toBe(false);
    expect(adoptionOutcome(3, 2, 2).adopted).toBe(true);
    expect(adoptionOutcome(31, 20, 20).rule).toMatchObject({ minAttending: 21, attendanceMet: false });
  });
  it('needs more than half of ALL representatives approving: exactly half is not enough', () => {
    expect(adoptionOutcome(30, 30, 15).rule).toMatchObject({ approvalMet: false, minApproving: 16 });
    expect(adoptionOutcome(30, 20, 16).rule.approvalMet).toBe(true);
    expect(adoptionOutcome(31, 31, 15).rule.approvalMet).toBe(false);
    expect(adoptionOutcome(31, 31, 16).rule.approvalMet).toBe(true);
  });
});

describe('representatives (arts. 19, 24)', () => {
  const rep = (side: 'worker' | 'employer', name: string, chief = false) => ({ side, name, chief, memberId: null });
  it('one chief a side, nobody on both sides', () => {
    expect(checkNewRepresentative([rep('worker', '甲', true)], rep('worker', '乙', true))?.code).toBe('bargaining_chief_taken');
    expect(checkNewRepresentative([rep('worker', '甲', true)], rep('employer', '乙', true))).toBeNull();
    expect(checkNewRepresentative([rep('worker', '甲')], rep('employer', '甲'))?.code).toBe('bargaining_representative_both_sides');
  });
  it('signing needs 3 a side, equal, with chiefs', () => {
    const three = (side: 'worker' | 'employer') => [rep(side, `${side}1`, true), rep(side, `${side}2`), rep(side, `${side}3`)];
    expect(checkSides([...three('worker'), ...three('employer')])).toBeNull();
    expect(checkSides([...three('worker'), ...three('employer').slice(0, 2)])?.code).toBe('bargaining_too_few_representatives');
    expect(checkSides([...three('worker'), rep('worker', 'w4'), ...three('employer')])?.code).toBe('bargaining_unequal_sides');
    expect(checkSides([...three('worker').map((r) => ({ ...r, chief: false })), ...three('employer')])?.code).toBe('bargaining_chief_missing');
  });
});

describe('status, drafts and the survey', () => {
  it('shows a filed agreement in force from its day and expired after its term', () => {
    const r = { status: 'filed' as const, effective_on: '2026-08-14', expires_on: '2027-08-13' };
    expect(statusOn(r, '2026-08-13')).toBe('filed');
    expect(statusOn(r, '2026-08-14')).toBe('effective');
    expect(statusOn(r, '2027-08-14')).toBe('expired');
  });
  it('diffs draft versions by clause topic', () => {
    expect(diffClauses([{ topic: 'wage_growth', text: 'a' }, { topic: 'leave', text: 'b' }], [{ topic: 'wage_growth', text: 'c' }, { topic: 'safety', text: 'd' }])).toEqual([
      { topic: 'wage_growth', change: 'changed' },
      { topic: 'safety', change: 'added' },
      { topic: 'leave', change: 'removed' },
    ]);
  });
  it('aggregates the survey', () => {
    const r = surveyResults([
      { priorities: ['wage_growth'], expectedRaisePercent: 5 },
      { priorities: ['wage_growth', 'leave'], expectedRaisePercent: 8 },
    ]);
    expect(r).toMatchObject({ answers: 2, meanRaisePercent: 6.5, medianRaisePercent: 6.5 });
    expect(r.byTopic.wage_growth).toBe(2);
  });
});
