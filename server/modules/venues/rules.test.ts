import { describe, expect, it } from 'vitest';
import { checkBookingTime, DEFAULT_HOURS, hoursOf, weekdayOf } from './rules.ts';

const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();

describe('venue rules', () => {
  it('counts weekdays Monday first', () => {
    expect(weekdayOf('2030-01-07')).toBe(0);
    expect(weekdayOf('2030-01-13')).toBe(6);
  });
  it('accepts a booking inside the hours, both ends on the hours', () => {
    expect(checkBookingTime(DEFAULT_HOURS, [], at('2030-01-07', '08:30'), at('2030-01-07', '20:30'))).toBeNull();
  });
  it('refuses outside the hours, on closed weekdays and dates, across midnight and backwards', () => {
    expect(checkBookingTime(DEFAULT_HOURS, [], at('2030-01-07', '08:00'), at('2030-01-07', '09:00'))).toMatchObject({ field: 'startsAt', rule: 'venue_outside_hours' });
    expect(checkBookingTime(DEFAULT_HOURS, [], at('2030-01-12', '16:00'), at('2030-01-12', '17:30'))).toMatchObject({ field: 'endsAt', rule: 'venue_outside_hours' });
    expect(checkBookingTime(DEFAULT_HOURS, [], at('2030-01-13', '10:00'), at('2030-01-13', '11:00'))).toMatchObject({ rule: 'venue_closed_day' });
    expect(checkBookingTime(DEFAULT_HOURS, ['2030-01-08'], at('2030-01-08', '10:00'), at('2030-01-08', '11:00'))).toMatchObject({ rule: 'venue_closed_day', params: { date: '2030-01-08' } });
    expect(checkBookingTime(DEFAULT_HOURS, [], at('2030-01-07', '20:00'), at('2030-01-08', '09:00'))).toMatchObject({ rule: 'venue_same_day' });
    expect(checkBookingTime(DEFAULT_HOURS, [], at('2030-01-07', '11:00'), at('2030-01-07', '10:00'))).toMatchObject({ field: 'endsAt', rule: 'slot_after_start' });
  });
  it('measures hours to a tenth', () => {
    expect(hoursOf(at('2030-01-07', '09:00'), at('2030-01-07', '10:30'))).toBe(1.5);
  });
});
