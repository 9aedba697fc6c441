import { describe, expect, it } from 'vitest';
import { checkEntrant, checkPicking, checkPicks, checkSettings, mutualPairs, picksCloseAt } from './rules.ts';

const ended = { endsAt: '2025-06-02T10:00:00.000Z', status: 'published' as const };

describe('youth social rules', () => {
  it('closes picks 48 hours after the end, and opens them only at the end, to attendees', () => {
    expect(picksCloseAt(ended.endsAt)).toBe('2025-06-04T10:00:00.000Z');
    expect(checkPicking(ended, true, '2025-06-02T09:59:59.000Z')?.code).toBe('social_picks_not_open');
    expect(checkPicking(ended, true, '2025-06-02T10:00:00.000Z')).toBeNull();
    expect(checkPicking(ended, true, '2025-06-04T09:59:59.000Z')).toBeNull();
    expect(checkPicking(ended, true, '2025-06-04T10:00:00.000Z')?.code).toBe('social_picks_closed');
    expect(checkPicking(ended, false, '2025-06-03T00:00:00.000Z')?.code).toBe('social_not_attended');
    expect(checkPicking({ ...ended, status: 'cancelled' }, true, '2025-06-03T00:00:00.000Z')?.code).toBe('activity_cancelled');
  });
  it('takes at most three other attendees', () => {
    const attendees = new Set([1, 2, 3, 4, 5]);
    expect(checkPicks([2, 3, 4], 1, attendees)).toBeNull();
    expect(checkPicks([2, 2, 3, 4], 1, attendees)).toBeNull();
    expect(checkPicks([2, 3, 4, 5], 1, attendees)).toEqual({ code: 'social_too_many_picks', params: { max: 3 } });
    expect(checkPicks([1], 1, attendees)?.code).toBe('social_pick_not_attendee');
    expect(checkPicks([9], 1, attendees)?.code).toBe('social_pick_not_attendee');
    expect(checkPicks([], 1, attendees)).toBeNull();
  });
  it('admits members inside the age range only, both ends included', () => {
    const range = { minAge: 22, maxAge: 35 };
    expect(checkEntrant(range, null, '2025-06-02')?.code).toBe('social_member_required');
    expect(checkEntrant(range, { birthDate: '2003-06-02' }, '2025-06-02')).toBeNull();
    expect(checkEntrant(range, { birthDate: '2003-06-03' }, '2025-06-02')).toEqual({ code: 'social_age_out_of_range', params: { min: 22, max: 35 } });
    expect(checkEntrant(range, { birthDate: '1989-06-03' }, '2025-06-02')).toBeNull();
    expect(checkEntrant(range, { birthDate: '1989-06-02' }, '2025-06-02')?.code).toBe('social_age_out_of_range');
    expect(checkEntrant({ minAge: null, maxAge: null }, { birthDate: null }, '2025-06-02')).toBeNull();
    expect(checkSettings({ minAge: 30, maxAge: 25 })).toBe('maxAge');
    expect(checkSettings({ minAge: 25, maxAge: null })).toBeNull();
  });
  it('counts each mutual pair once, and one-sided picks not at all', () => {
    expect(mutualPairs([{ picker: 1, picked: 2 }, { picker: 2, picked: 1 }, { picker: 1, picked: 3 }, { picker: 4, picked: 1 }])).toEqual([[1, 2]]);
  });
});
