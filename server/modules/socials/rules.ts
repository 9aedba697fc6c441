import { ageOn } from '../../platform/identity.ts';
import type { Refusal } from '../../platform/errors.ts';

/** Youth socials' rules. Pure: instants are ISO strings, dates YYYY-MM-DD (Asia/Shanghai). */

/** Each attendee picks at most three others: enough to say who stood out, few enough to mean it. */
export const MAX_PICKS = 3;

/**
 * Picks close 48 hours after the event ends: time to think it over, short enough that a match
 * still remembers the evening; after that the results no longer change.
 */
export const PICK_WINDOW_HOURS = 48;

export const picksCloseAt = (endsAt: string): string => new Date(Date.parse(endsAt) + PICK_WINDOW_HOURS * 3600_000).toISOString();

/** The age range's order: the offending field, or null. */
export function checkSettings(s: { minAge: number | null; maxAge: number | null }): string | null {
  if (s.minAge !== null && s.maxAge !== null && s.minAge > s.maxAge) return 'maxAge';
  return null;
}

/**
 * Whether a person may sign up for a social with these settings: only a member (the gender and
 * birth date come from the member record), inside the age range on the day.
 */
export function checkEntrant(s: { minAge: number | null; maxAge: number | null }, person: { birthDate: string | null } | null, today: string): Refusal | null {
  if (!person) return { code: 'social_member_required' };
  if (s.minAge === null && s.maxAge === null) return null;
  const age = person.birthDate ? ageOn(person.birthDate, today) : null;
  if (age === null || (s.minAge !== null && age < s.minAge) || (s.maxAge !== null && age > s.maxAge)) {
    return { code: 'social_age_out_of_range', params: { min: s.minAge ?? 16, max: s.maxAge ?? 150 } };
  }
  return null;
}

/** Whether picking is open to this person now: an attendee (checked in), after the end, before the close. */
export function checkPicking(a: { endsAt: string; status: 'published' | 'cancelled' }, attended: boolean, now: string): Refusal | null {
  if (a.status === 'cancelled') return { code: 'activity_cancelled' };
  if (!attended) return { code: 'social_not_attended' };
  if (now < a.endsAt) return { code: 'social_picks_not_open' };
  if (now >= picksCloseAt(a.endsAt)) return { code: 'social_picks_closed', params: { closesAt: picksCloseAt(a.endsAt) } };
  return null;
}

/** A set of picks (registration ids): at most three, each another attendee of the same activity. */
export function checkPicks(picks: number[], self: number, attendees: ReadonlySet<number>): Refusal | null {
  if (new Set(picks).size > MAX_PICKS) return { code: 'social_too_many_picks', params: { max: MAX_PICKS } };
  if (picks.some((p) => p === self || !attendees.has(p))) return { code: 'social_pick_not_attendee' };
  return null;
}

/** The mutual pairs among picks: each pair once, as [lower, higher]. */
export function mutualPairs(picks: readonly { picker: number; picked: number }[]): [number, number][] {
  const given = new Set(picks.map((p) => `${p.picker}:${p.picked}`));
  return picks.filter((p) => p.picker < p.picked && given.has(`${p.picked}:${p.picker}`)).map((p) => [p.picker, p.picked]);
}
