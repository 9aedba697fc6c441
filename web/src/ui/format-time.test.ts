import { describe, expect, it } from 'vitest';
import { formatSeconds, formatTime } from './format-time';

describe('times shown in China Standard Time', () => {
  it('shows a UTC instant eight hours ahead, across the day and the year', () => {
    expect(formatTime('2026-05-01T01:00:00.000Z')).toBe('2026-05-01 09:00');
    expect(formatTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(formatSeconds('2026-03-01T15:59:59.900Z')).toBe('2026-03-01 23:59:59');
  });

  it('reads an instant written with an offset as the same moment', () => {
    expect(formatTime('2026-05-01T09:00:00+08:00')).toBe('2026-05-01 09:00');
  });

  it('shows — for no time', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime(undefined)).toBe('—');
  });
});
