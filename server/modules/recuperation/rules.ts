import type { Refusal } from '../../platform/errors.ts';

/**
 * Recuperation's pure rules (职工疗休养): trip length, the yearly trip, working years, priority
 * groups, and whether a quota fits its giver's places. No I/O. The numbers real federations set
 * differently are `RecuperationSettings`, stored per federation (recuperation_settings) and
 * inherited down the tree; the defaults below say where they come from.
 */

/** Where a product takes its travellers: inside the province, or to a partner federation's region outside it. */
export const productRegions = ['province', 'partner'] as const;
export type ProductRegion = (typeof productRegions)[number];

export const applicationStatuses = ['pending', 'waitlisted', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
/** The applications still waiting for a decision. */
export const waitingStatuses: readonly ApplicationStatus[] = ['pending', 'waitlisted'];

/** Served first when places are short, in this order. */
export const priorityGroups = ['model_worker', 'frontline', 'long_service'] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

export interface RecuperationSettings {
  /** Longest trip inside the province, in working days. */
  maxWorkingDaysInProvince: number;
  /** Longest trip to a partner federation's region outside the province, in working days. */
  maxWorkingDaysPartner: number;
  /** Approved trips a member may take in one calendar year. */
  tripsPerYear: number;
  /** Years of work an applicant needs. */
  minWorkingYears: number;
  /** Years of work from which an applicant counts as long service (a priority group). */
  longServiceYears: number;
}

/**
 * The defaults, each with where it comes from:
 * - trip length: Zhejiang practice as issue #15 states it — a recuperation trip inside the
 *   province lasts at most 5 working days; trips to partner regions outside it (开化's agreements
 *   with 徐汇, 上城 …, the seed's 长三角 cooperation) may be longer: 7 working days here is an example.
 *   Both configurable per federation.
 * - one trip per member per year: issue #15 ("one trip per member per year"), the usual rotation
 *   so that every member gets a turn; configurable.
 * - working years: an example of 1 year (a newcomer waits a year); configurable.
 * - long service: 20 years as an example threshold of the priority group; configurable.
 */
export const defaultSettings: RecuperationSettings = {
  maxWorkingDaysInProvince: 5,
  maxWorkingDaysPartner: 7,
  tripsPerYear: 1,
  minWorkingYears: 1,
  longServiceYears: 20,
};

export function resolveSettings(stored: Partial<RecuperationSettings> | null): RecuperationSettings {
  return stored ? { ...defaultSettings, ...stored } : defaultSettings;
}

const dayMs = 86_400_000;
/** Monday to Friday between two dates, both included (public holidays are not modelled). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += dayMs) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) n += 1;
  }
  return n;
}

/** A batch's dates: in order, and no longer than the product's region allows. */
export function checkBatchDates(startsOn: string, endsOn: string, region: ProductRegion, s: RecuperationSettings): Refusal | null {
  if (endsOn < startsOn) return { code: 'recuperation_dates_order' };
  const max = region === 'province' ? s.maxWorkingDaysInProvince : s.maxWorkingDaysPartner;
  const days = workingDaysBetween(startsOn, endsOn);
  return days > max ? { code: 'recuperation_trip_too_long', params: { days, max } } : null;
}

/** A quota taken from its giver's free places: never more than they have left. */
export function checkQuotaFits(places: number, giverFree: number): Refusal | null {
  return places > giverFree ? { code: 'recuperation_quota_exceeded', params: { places, free: giverFree } } : null;
}

/** An applicant: enough working years, and not past the year's trips. */
export function checkApplicant(facts: { workingYears: number; tripsThisYear: number }, s: RecuperationSettings): Refusal | null {
  if (facts.workingYears < s.minWorkingYears) return { code: 'recuperation_working_years', params: { years: facts.workingYears, min: s.minWorkingYears } };
  if (facts.tripsThisYear >= s.tripsPerYear) return { code: 'recuperation_yearly_limit', params: { max: s.tripsPerYear } };
  return null;
}

/** The applicant's priority group, if any (the first that applies, in `priorityGroups` order). */
export function priorityOf(facts: { modelWorker: boolean; frontline: boolean; workingYears: number }, s: RecuperationSettings): PriorityGroup | null {
  if (facts.modelWorker) return 'model_worker';
  if (facts.frontline) return 'frontline';
  if (facts.workingYears >= s.longServiceYears) return 'long_service';
  return null;
}

/** Pending while the quota's free places cover those already pending; waitlisted beyond. */
export function statusOnApplying(free: number, pending: number): 'pending' | 'waitlisted' {
  return pending < free ? 'pending' : 'waitlisted';
}

/**
 * Priority groups first when places are short: an applicant of no priority group is approved
 * only while the free places exceed the priority applicants still waiting.
 */
export function checkPriorityFirst(priority: PriorityGroup | null, free: number, waitingPriority: number): Refusal | null {
  if (priority || waitingPriority === 0) return null;
  return free <= waitingPriority ? { code: 'recuperation_priority_first', params: { waiting: waitingPriority } } : null;
}

/** An agreement counts on the days from its signing to its end, both included. */
export const agreementValidOn = (a: { signed_on: string; valid_until: string }, day: string) => a.signed_on <= day && day <= a.valid_until;
