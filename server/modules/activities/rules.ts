import { ageOn } from '../../platform/identity.ts';
import type { Refusal } from '../../platform/errors.ts';

/** Activity sign-up rules. Pure: instants are ISO strings, dates YYYY-MM-DD (Asia/Shanghai). */

export interface ActivityFacts {
  status: 'published' | 'cancelled';
  startsAt: string;
  endsAt: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  cancelDeadline: string | null;
  membersOnly: boolean;
  minAge: number | null;
  maxAge: number | null;
}

/** Sign-up closes at the given time, or when the activity starts. */
export const signupClosesAt = (a: ActivityFacts) => a.signupClosesAt ?? a.startsAt;
/** Own cancellations are accepted until the deadline, or until the activity starts. */
export const cancelDeadline = (a: ActivityFacts) => a.cancelDeadline ?? a.startsAt;

export function checkSignUp(a: ActivityFacts, now: string, person: { isMember: boolean; birthDate: string | null; today: string }): Refusal | null {
  if (a.status === 'cancelled') return { code: 'activity_cancelled' };
  if (a.signupOpensAt && now < a.signupOpensAt) return { code: 'signup_not_open' };
  if (now >= signupClosesAt(a)) return { code: 'signup_closed' };
  if (a.membersOnly && !person.isMember) return { code: 'activity_members_only' };
  if (a.minAge !== null || a.maxAge !== null) {
    if (!person.birthDate) return { code: 'activity_age_unknown' };
    const age = ageOn(person.birthDate, person.today);
    if ((a.minAge !== null && age < a.minAge) || (a.maxAge !== null && age > a.maxAge)) {
      return { code: 'activity_age_limit', params: { min: a.minAge ?? 0, max: a.maxAge ?? 150 } };
    }
  }
  return null;
}

export function checkCancel(a: ActivityFacts, now: string): Refusal | null {
  if (now >= cancelDeadline(a)) return { code: 'cancel_deadline_passed' };
  return null;
}

const DAY = 86400_000;

/** Check-in opens a day before the start and closes a day after the end. */
export function checkCheckIn(a: ActivityFacts, now: string): Refusal | null {
  if (a.status === 'cancelled') return { code: 'activity_cancelled' };
  const t = Date.parse(now);
  if (t < Date.parse(a.startsAt) - DAY || t > Date.parse(a.endsAt) + DAY) return { code: 'checkin_closed' };
  return null;
}

/** What a cadre may do to an activity in the console; `actions` in its answers lists those open now. */
export const activityActionNames = ['update', 'cancel', 'check_in'] as const;
export type ActivityAction = (typeof activityActionNames)[number];

/** Refusal of an action on an activity in its present state, or null: what the routes check, and what `actions` offers. */
export function checkActivityAction(name: ActivityAction, a: ActivityFacts, now: string): Refusal | null {
  if (name === 'check_in') return checkCheckIn(a, now);
  return a.status === 'cancelled' ? { code: 'activity_cancelled' } : null;
}

/** The actions open on an activity to a cadre who may write it (`writes`: the write route's scope filter holds). */
export const activityActions = (a: ActivityFacts, now: string, writes: boolean): ActivityAction[] =>
  writes ? activityActionNames.filter((name) => !checkActivityAction(name, a, now)) : [];

/** 仅限会员 and 面向全体职工 exclude each other: the field that contradicts the other, or null. */
export const checkAudience = (a: { membersOnly: boolean; openToAll: boolean }): string | null => (a.membersOnly && a.openToAll ? 'membersOnly' : null);

/** The times of an activity must follow one another. Returns the offending field, if any. */
export function checkSchedule(a: Pick<ActivityFacts, 'startsAt' | 'endsAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadline' | 'minAge' | 'maxAge'>): string | null {
  if (a.endsAt <= a.startsAt) return 'endsAt';
  if (a.signupOpensAt && a.signupOpensAt >= signupClosesAt(a as ActivityFacts)) return 'signupOpensAt';
  if (a.signupClosesAt && a.signupClosesAt > a.startsAt) return 'signupClosesAt';
  if (a.cancelDeadline && a.cancelDeadline > a.startsAt) return 'cancelDeadline';
  if (a.minAge !== null && a.maxAge !== null && a.minAge > a.maxAge) return 'maxAge';
  return null;
}

/** A scanned QR code carries `GONGHUI:CHECKIN:<code>`; typed codes are the bare code. */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/^GONGHUI:CHECKIN:/, '');
}
