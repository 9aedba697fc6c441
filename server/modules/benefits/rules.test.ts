import { describe, expect, it } from 'vitest';
import { addMonths, checkClaim } from './rules.ts';

const benefit = { claimFrom: '2025-06-01T00:00:00.000Z', claimUntil: '2025-06-30T00:00:00.000Z', gender: null, minTenureMonths: null };
const member = { status: 'member', gender: 'female' as const, joinedOn: '2025-01-31' };
const now = '2025-06-02T01:00:00.000Z';

describe('benefit rules', () => {
  it('adds months, rolling past a short month’s end to its last day', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
  it('claims inside the window only, both ends included', () => {
    expect(checkClaim(benefit, member, now, '2025-06-02')).toBeNull();
    expect(checkClaim(benefit, member, benefit.claimUntil, '2025-06-30')).toBeNull();
    expect(checkClaim(benefit, member, '2025-05-31T23:59:59.000Z', '2025-06-01')?.code).toBe('benefit_window_closed');
  });
  it('refuses a retained member, the other gender and too short a membership', () => {
    expect(checkClaim(benefit, { ...member, status: 'retained' }, now, '2025-06-02')?.code).toBe('benefit_not_eligible');
    expect(checkClaim(benefit, { ...member, status: 'transferring' }, now, '2025-06-02')).toBeNull();
    expect(checkClaim({ ...benefit, gender: 'male' }, member, now, '2025-06-02')?.params).toEqual({ why: 'benefit_why_gender' });
    expect(checkClaim({ ...benefit, minTenureMonths: 4 }, member, now, '2025-06-02')).toBeNull();
    expect(checkClaim({ ...benefit, minTenureMonths: 5 }, member, now, '2025-06-29')?.code).toBe('benefit_not_eligible');
    expect(checkClaim({ ...benefit, minTenureMonths: 5 }, member, now, '2025-06-30')).toBeNull();
    expect(checkClaim({ ...benefit, minTenureMonths: 5 }, { ...member, joinedOn: '2025-02-01' }, now, '2025-06-30')?.params).toEqual({ why: 'benefit_why_tenure' });
  });
});
