import { describe, expect, it } from 'vitest';
import { certificateNo, checkSessions, completes, courseCapacity, earnedHours, sessionHours } from './rules.ts';

describe('training rules', () => {
  it('counts a session’s hours to the half hour, within half an hour and 8 hours', () => {
    expect(sessionHours('2026-03-01T01:00:00.000Z', '2026-03-01T04:00:00.000Z')).toBe(3);
    expect(sessionHours('2026-03-01T01:00:00.000Z', '2026-03-01T02:40:00.000Z')).toBe(1.5);
    expect(sessionHours('2026-03-01T01:00:00.000Z', '2026-03-01T01:05:00.000Z')).toBe(0.5);
    expect(sessionHours('2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z')).toBe(8);
  });
  it('names the first session ending before it starts', () => {
    expect(checkSessions([{ startsAt: '2026-03-01T01:00:00.000Z', endsAt: '2026-03-01T02:00:00.000Z' }, { startsAt: '2026-03-02T01:00:00.000Z', endsAt: '2026-03-02T01:00:00.000Z' }])).toBe('sessions.1.endsAt');
    expect(checkSessions([])).toBeNull();
  });
  it('gives a course the smallest session’s places', () => {
    expect(courseCapacity([{ capacity: 30 }, { capacity: 10 }])).toBe(10);
    expect(courseCapacity([])).toBeGreaterThan(1000);
  });
  it('adds attended sessions’ and finished lessons’ hours', () => {
    expect(earnedHours({ sessions: [{ hours: 3, attended: true }, { hours: 2, attended: false }], lessons: [{ hours: 0.5, finished: true }, { hours: 1, finished: false }] })).toBe(3.5);
  });
  it('completes with four in five sessions attended and every lesson finished', () => {
    const s = (n: number, of: number) => Array.from({ length: of }, (_, i) => ({ hours: 2, attended: i < n }));
    expect(completes({ sessions: s(4, 5), lessons: [] })).toBe(true);
    expect(completes({ sessions: s(3, 5), lessons: [] })).toBe(false);
    expect(completes({ sessions: s(1, 1), lessons: [{ hours: 1, finished: false }] })).toBe(false);
    expect(completes({ sessions: [], lessons: [{ hours: 1, finished: true }] })).toBe(true);
    expect(completes({ sessions: [], lessons: [] })).toBe(false);
  });
  it('numbers certificates by year, course and enrolment', () => {
    expect(certificateNo(2026, 12, 345)).toBe('PX2026-0012-00345');
  });
});
