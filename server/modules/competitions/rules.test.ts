import { describe, expect, it } from 'vitest';
import { checkContest, checkEntry, checkEventTransition, checkMarks, recognisedLevel, schemeOf, JUDGEMENT_SCALE, YOUNG_CRAFTSMAN_MAX_AGE } from './rules.ts';

const window = { now: '2026-06-02T00:00:00.000Z', opensAt: '2026-06-01T00:00:00.000Z', closesAt: '2026-06-10T00:00:00.000Z', referenceDate: '2026-06-10' };

describe('skill contest rules', () => {
  it('judgement criteria run on 0–3, measurement ones on their max marks (default: the weight)', () => {
    expect(JUDGEMENT_SCALE.max).toBe(3);
    expect(schemeOf([{ name: 'a', weight: 40, kind: 'judgement' }, { name: 'b', weight: 60, kind: 'measurement' }, { name: 'c', weight: 0, kind: 'measurement', maxMarks: 20 }]).map((c) => c.max)).toEqual([3, 60, 20]);
  });

  it('names the event whose weights do not sum to 100, and a window out of order', () => {
    const problems = checkContest({ registrationOpensAt: '2026-06-02', registrationClosesAt: '2026-06-01', events: [{ criteria: [{ name: 'a', weight: 100, kind: 'judgement' }] }, { criteria: [{ name: 'a', weight: 90, kind: 'judgement' }] }] });
    expect(problems.map((p) => p.field)).toEqual(['registrationClosesAt', 'events.1.criteria']);
  });

  it('names marks.N.value outside 0–3 or 0..max, and marks.N.criterionIndex of no criterion', () => {
    const criteria = [{ name: 'a', weight: 60, kind: 'measurement' as const, maxMarks: 30 }, { name: 'b', weight: 40, kind: 'judgement' as const }];
    expect(checkMarks(criteria, [{ criterionIndex: 0, value: 30 }, { criterionIndex: 1, value: 3 }])).toEqual([]);
    expect(checkMarks(criteria, [{ criterionIndex: 1, value: 4 }, { criterionIndex: 0, value: 31 }, { criterionIndex: 2, value: 0 }]).map((p) => p.field)).toEqual(['marks.0.value', 'marks.1.value', 'marks.2.criterionIndex']);
  });

  it('匠人新秀: 35 on the reference date may enter, 36 may not', () => {
    expect(YOUNG_CRAFTSMAN_MAX_AGE).toBe(35);
    expect(checkEntry({ ...window, birthDate: '1991-06-10', maxAge: 35 })).toBeNull();
    expect(checkEntry({ ...window, birthDate: '1990-06-10', maxAge: 35 })?.code).toBe('competition_too_old');
    expect(checkEntry({ ...window, birthDate: '1960-01-01', maxAge: null })).toBeNull();
  });

  it('entries only inside the registration window (its close excluded)', () => {
    expect(checkEntry({ ...window, now: '2026-05-31T23:59:59.000Z', birthDate: null, maxAge: null })?.code).toBe('competition_registration_closed');
    expect(checkEntry({ ...window, now: window.closesAt, birthDate: null, maxAge: null })?.code).toBe('competition_registration_closed');
  });

  it('an event locks only with entries and every sheet complete, and publishes only once locked', () => {
    expect(checkEventTransition('open', 'lock', { entries: 0, missingMarks: 0 })?.code).toBe('competition_no_entries');
    expect(checkEventTransition('open', 'lock', { entries: 3, missingMarks: 2 })?.code).toBe('competition_marks_missing');
    expect(checkEventTransition('open', 'lock', { entries: 3, missingMarks: 0 })).toBeNull();
    expect(checkEventTransition('open', 'publish', { entries: 3, missingMarks: 0 })?.code).toBe('competition_transition_illegal');
    expect(checkEventTransition('published', 'publish', { entries: 3, missingMarks: 0 })?.code).toBe('competition_transition_illegal');
  });

  it('winners of the listed awards are recognised one level above the event’s, never above level 1', () => {
    expect(recognisedLevel('first', ['first'], 3)).toBe(2);
    expect(recognisedLevel('second', ['first'], 3)).toBeNull();
    expect(recognisedLevel('first', ['first'], null)).toBeNull();
    expect(recognisedLevel('first', ['first'], 1)).toBe(1);
    expect(recognisedLevel(null, ['first'], 3)).toBeNull();
  });
});
