import { shanghaiDate } from '../../platform/dates.ts';
import type { RuleCode } from '../../platform/i18n.ts';

/** The venues module's pure rules: kinds, opening hours and closed days, a booking's time. */

/** 职工之家, 职工书屋, 活动室, 母婴室 (issue #15 §3 阵地). */
export const venueKinds = ['home', 'reading_room', 'activity_room', 'nursing_room'] as const;
export type VenueKind = (typeof venueKinds)[number];

/** Opening hours per weekday, Monday first (index 0) to Sunday (6); null: closed that weekday. Times `HH:MM`, Shanghai. */
export type OpeningHours = ({ open: string; close: string } | null)[];

export const DEFAULT_HOURS: OpeningHours = [
  { open: '08:30', close: '20:30' },
  { open: '08:30', close: '20:30' },
  { open: '08:30', close: '20:30' },
  { open: '08:30', close: '20:30' },
  { open: '08:30', close: '20:30' },
  { open: '09:00', close: '17:00' },
  null,
];

export interface SlotProblem {
  field: 'startsAt' | 'endsAt';
  rule: RuleCode;
  params?: Record<string, string>;
}

/** `HH:MM` of an instant in Shanghai. */
const shanghaiTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
/** 0 = Monday … 6 = Sunday, of a Shanghai date. */
export const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * May `[startsAt, endsAt)` be booked? It must end after it starts, within one Shanghai day, on a
 * day the venue is open (not a closed weekday, not a closed date) and inside that day's hours.
 */
export function checkBookingTime(hours: OpeningHours, closedDays: readonly string[], startsAt: string, endsAt: string): SlotProblem | null {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return { field: 'endsAt', rule: 'slot_after_start' };
  const date = shanghaiDate(new Date(startsAt));
  if (shanghaiDate(new Date(Date.parse(endsAt) - 1)) !== date) return { field: 'endsAt', rule: 'venue_same_day' };
  const day = hours[weekdayOf(date)];
  if (!day || closedDays.includes(date)) return { field: 'startsAt', rule: 'venue_closed_day', params: { date } };
  const from = shanghaiTime(startsAt);
  const to = shanghaiTime(endsAt) === '00:00' ? '24:00' : shanghaiTime(endsAt);
  if (from < day.open) return { field: 'startsAt', rule: 'venue_outside_hours', params: { open: day.open, close: day.close } };
  if (to > day.close) return { field: 'endsAt', rule: 'venue_outside_hours', params: { open: day.open, close: day.close } };
  return null;
}

/** Hours a booking lasts, to one decimal. */
export const hoursOf = (startsAt: string, endsAt: string) => Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 360_000) / 10;
