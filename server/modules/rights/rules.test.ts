import { describe, expect, it } from 'vitest';
import { acceptDeadline, checkMove, checkRating, formatCaseNo, progressDeadline, routeCase, slaOf } from './rules.ts';

describe('deadlines', () => {
  it('ends the acceptance at the end of the N-th working day after submission, Shanghai time', () => {
    // Monday 2 June 2025, 09:00 Shanghai → end of Tuesday
    expect(acceptDeadline('2025-06-02T01:00:00.000Z', 1)).toBe('2025-06-03T16:00:00.000Z');
    // Friday 6 June, 23:30 Shanghai (15:30 UTC) → end of Monday 9 June
    expect(acceptDeadline('2025-06-06T15:30:00.000Z', 1)).toBe('2025-06-09T16:00:00.000Z');
    // Friday 6 June 17:00 UTC is already Saturday in Shanghai → end of Monday
    expect(acceptDeadline('2025-06-06T17:00:00.000Z', 1)).toBe('2025-06-09T16:00:00.000Z');
    expect(acceptDeadline('2025-06-02T01:00:00.000Z', 5)).toBe('2025-06-09T16:00:00.000Z');
  });

  it('colours the queue: overdue past the deadline, due soon within a day', () => {
    const c = { status: 'submitted' as const, accept_due: '2025-06-03T16:00:00.000Z', progress_due: null };
    expect(slaOf(c, '2025-06-02T01:00:00.000Z')).toBe('on_time');
    expect(slaOf(c, '2025-06-03T01:00:00.000Z')).toBe('due_soon');
    expect(slaOf(c, '2025-06-03T16:00:00.001Z')).toBe('overdue');
    expect(slaOf({ ...c, status: 'closed' }, '2030-01-01T00:00:00.000Z')).toBe('none');
    expect(progressDeadline('2025-06-02T01:00:00.000Z', 15)).toBe('2025-06-17T01:00:00.000Z');
  });
});

describe('the state machine and routing', () => {
  it('refuses moves out of order and a second rating', () => {
    expect(checkMove('submitted', 'accept')).toBeNull();
    expect(checkMove('submitted', 'close')).toEqual({ code: 'rights_case_wrong_status', params: { status: 'submitted' } });
    expect(checkMove('closed', 'step')).not.toBeNull();
    expect(checkRating('closed', false)).toBeNull();
    expect(checkRating('closed', true)).toEqual({ code: 'rights_case_rated' });
    expect(checkRating('in_progress', false)).toEqual({ code: 'rights_case_not_closed' });
  });

  it('routes to the member record’s union first, then the employer’s, then the chosen street', () => {
    expect(routeCase({ memberOrgId: 5, enterpriseOrgId: 6, chosenOrgId: 7 })).toBe(5);
    expect(routeCase({ memberOrgId: null, enterpriseOrgId: 6, chosenOrgId: 7 })).toBe(6);
    expect(routeCase({ memberOrgId: null, enterpriseOrgId: null, chosenOrgId: 7 })).toBe(7);
    expect(routeCase({ memberOrgId: null, enterpriseOrgId: null, chosenOrgId: null })).toBeNull();
    expect(formatCaseNo('2025', 42)).toBe('WQ2025000042');
  });
});
