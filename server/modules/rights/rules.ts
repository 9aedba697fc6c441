import type { Refusal } from '../../platform/errors.ts';

/**
 * The rights module's pure rules (维权): categories, the case's state machine, its deadlines and the
 * routing of a new case. Every number has its source; the deadlines a federation sets differently
 * are `RightsSettings`, stored per federation (rights_settings) and inherited by its subtree.
 */

/** 欠薪, 劳动合同, 社会保险, 工伤, 解除劳动关系, 加班, 其他 */
export const rightsCategories = ['wage_arrears', 'labour_contract', 'social_insurance', 'work_injury', 'dismissal', 'overtime', 'other'] as const;
export type RightsCategory = (typeof rightsCategories)[number];

/** How the case reached the union: the worker's phone, a walk-in at the service window, the 12351 hotline. */
export const rightsChannels = ['portal', 'walk_in', 'hotline'] as const;
export type RightsChannel = (typeof rightsChannels)[number];

export const caseStatuses = ['submitted', 'accepted', 'declined', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/**
 * Steps of handling a case: 咨询, 调解, 转介法律援助, 劳动仲裁, 诉讼支持 — what the worker sees —
 * and `internal_note`, the handlers' own note, never shown to the worker.
 */
export const stepKinds = ['consultation', 'mediation', 'legal_aid_referral', 'arbitration', 'litigation_support', 'internal_note'] as const;
export type StepKind = (typeof stepKinds)[number];
export const isInternal = (kind: StepKind) => kind === 'internal_note';

/** 已解决 (with the amount recovered), 已转介, 撤回 */
export const outcomes = ['resolved', 'referred', 'withdrawn'] as const;
export type Outcome = (typeof outcomes)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;

export interface RightsSettings {
  /** A new case is accepted or declined within this many working days of its submission. */
  acceptWorkingDays: number;
  /** An open case is closed, or its progress reported by a new step, within this many days. */
  progressDays: number;
}

/**
 * The defaults, with their sources:
 * - accept within 1 working day: the seed (union-newspaper-page.zh.txt, 杭工e家 线上维权) promises a
 *   fast answer online; one working day is the service commitment of the unions' 12351 hotline
 *   desks for calls needing follow-up, used as the example default. Configurable per federation.
 * - progress within 15 days: 《中华人民共和国劳动争议调解仲裁法》第十四条 — a mediation not
 *   agreed within 15 days of the application may go to arbitration; the union reports progress (or
 *   closes) within the same period. Configurable per federation.
 */
export const defaultRightsSettings: RightsSettings = { acceptWorkingDays: 1, progressDays: 15 };

export function resolveRightsSettings(stored: Partial<RightsSettings> | null): RightsSettings {
  return { ...defaultRightsSettings, ...(stored ?? {}) };
}

// ---- deadlines ----

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** Monday to Friday; public holidays are not modelled (as in members/rules.ts). */
function isWorkingDay(shanghaiMidnightUtc: number): boolean {
  const day = new Date(shanghaiMidnightUtc).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The instant (UTC ISO) a case submitted at `from` must be accepted by: the end of the N-th
 * working day after the day of submission (Shanghai days). Submitted on a Friday with one working
 * day: the end of Monday.
 */
export function acceptDeadline(from: string, workingDays: number): string {
  // the Shanghai calendar day of `from`, as a UTC midnight of the same date
  let day = Math.floor((Date.parse(from) + SHANGHAI) / DAY) * DAY;
  let counted = 0;
  while (counted < workingDays) {
    day += DAY;
    if (isWorkingDay(day)) counted++;
  }
  // the end of that Shanghai day, in UTC
  return new Date(day + DAY - SHANGHAI).toISOString();
}

/** The instant progress is due: `days` calendar days after `from`. */
export const progressDeadline = (from: string, days: number) => new Date(Date.parse(from) + days * DAY).toISOString();

/** The deadline a case is held to now, or null when none runs (declined, closed). */
export function currentDeadline(c: { status: CaseStatus; accept_due: string; progress_due: string | null }): string | null {
  if (c.status === 'submitted') return c.accept_due;
  if (c.status === 'accepted' || c.status === 'in_progress') return c.progress_due;
  return null;
}

/** Overdue: its running deadline has passed. */
export const isOverdue = (c: { status: CaseStatus; accept_due: string; progress_due: string | null }, now: string) => {
  const due = currentDeadline(c);
  return due !== null && due < now;
};

/** The SLA colour a queue shows: red overdue, orange due within a day, green otherwise; none when no deadline runs. */
export function slaOf(c: { status: CaseStatus; accept_due: string; progress_due: string | null }, now: string): 'overdue' | 'due_soon' | 'on_time' | 'none' {
  const due = currentDeadline(c);
  if (due === null) return 'none';
  if (due < now) return 'overdue';
  if (Date.parse(due) - Date.parse(now) <= DAY) return 'due_soon';
  return 'on_time';
}

// ---- the state machine ----

export type CaseMove = 'accept' | 'decline' | 'step' | 'close' | 'assign';

const allowed: Record<CaseMove, readonly CaseStatus[]> = {
  accept: ['submitted'],
  decline: ['submitted'],
  assign: ['submitted', 'accepted', 'in_progress'],
  step: ['accepted', 'in_progress'],
  close: ['accepted', 'in_progress'],
};

/** The moves open on a case in this status. */
export const movesFrom = (status: CaseStatus): CaseMove[] => (Object.keys(allowed) as CaseMove[]).filter((m) => allowed[m].includes(status));

export function checkMove(status: CaseStatus, move: CaseMove): Refusal | null {
  return allowed[move].includes(status) ? null : { code: 'rights_case_wrong_status', params: { status } };
}

/** The worker rates a closed case once. */
export function checkRating(status: CaseStatus, rated: boolean): Refusal | null {
  if (status !== 'closed') return { code: 'rights_case_not_closed' };
  if (rated) return { code: 'rights_case_rated' };
  return null;
}

/** Case numbers: WQ + year + a 6-digit deployment-wide sequence, e.g. WQ2025000042. */
export const formatCaseNo = (year: string, sequence: number) => `WQ${year}${String(sequence).padStart(6, '0')}`;

/**
 * Where a new case goes: the union of the worker's member record; else the union covering the
 * named employer (an enterprise without a union is held by its street, which is its org); else the
 * street the worker chose. Null when none is known.
 */
export function routeCase(facts: { memberOrgId: number | null; enterpriseOrgId: number | null; chosenOrgId: number | null }): number | null {
  return facts.memberOrgId ?? facts.enterpriseOrgId ?? facts.chosenOrgId ?? null;
}
