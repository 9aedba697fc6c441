import { ageOn, idBirthDate, isValidIdNumber } from '../../platform/identity.ts';
import type { MemberStatus } from './tables.ts';
import type { MessageCode } from '../../platform/i18n.ts';

/** Member-roll rules. Pure: no I/O, dates passed in as YYYY-MM-DD in Asia/Shanghai. */

export const MIN_JOIN_AGE = 16;
export const DECISION_WORKING_DAYS = 15;

export type IdentityProblem = 'id_number_checksum' | 'id_number_too_young';

/** GB 11643 format, check digit and a real birth date, and old enough to join. */
export function checkIdentity(idNumber: string, today: string): IdentityProblem | null {
  if (!isValidIdNumber(idNumber, today)) return 'id_number_checksum';
  if (ageOn(idBirthDate(idNumber)!, today) < MIN_JOIN_AGE) return 'id_number_too_young';
  return null;
}

/** The 17th digit of an ID number is odd for men, even for women. */
export function genderOf(idNumber: string): 'male' | 'female' {
  return Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
}

/** Member numbers: joining year + an 8-digit deployment-wide sequence, e.g. 202600000042. */
export function formatMemberNo(year: string, sequence: number): string {
  return `${year}${String(sequence).padStart(8, '0')}`;
}


function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The last submission date (Asia/Shanghai) whose application is overdue today: 15 working days
 * (Monday to Friday; public holidays are not modelled) have fully passed since it. An application
 * submitted on or before this date and still pending is flagged to the union's parent.
 */
export function overdueCutoff(today: string, workingDays = DECISION_WORKING_DAYS): string {
  const d = new Date(`${today}T00:00:00Z`);
  let counted = 0;
  while (counted < workingDays) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (isWorkingDay(d)) counted++;
  }
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}


export type StatusChange = { to: 'member' } | { to: 'retained'; reason: 'retired' | 'unemployed' } | { to: 'left' };

/** Which status changes a cadre may make by hand; transfers have their own path. */
export function checkStatusChange(from: MemberStatus, change: StatusChange): MessageCode | null {
  if (from === 'transferring') return 'member_transferring';
  if (from === 'left') return 'member_left';
  if (from === change.to) return 'member_status_unchanged';
  return null;
}

/** A transfer can start from an active membership (member or retained) toward another org. */
export function checkTransferStart(status: MemberStatus, fromOrgId: number, toOrgId: number): MessageCode | null {
  if (status === 'transferring') return 'transfer_pending';
  if (status === 'left') return 'member_left';
  if (fromOrgId === toOrgId) return 'transfer_same_org';
  return null;
}

/** Orgs that can hold memberships: unions, branches, and street federations (for workers whose employer has no union). */
export function canHoldMembers(kind: string, level: string | null): boolean {
  return kind !== 'federation' || level === 'street';
}

// ---------- what a cadre may do to an application or a transfer ----------

/** A join application is decided once, while pending: what approve and reject check, and what `actions` offers. */
export const checkApplicationDecision = (status: string): MessageCode | null => (status === 'pending' ? null : 'application_decided');

export const applicationActionNames = ['approve', 'reject'] as const;

/** Approve and reject, to a cadre who may decide the application (`decides`: the routes' scope filter holds), while it is pending. */
export const applicationActions = (status: string, decides: boolean) => (decides && !checkApplicationDecision(status) ? [...applicationActionNames] : []);

/** A transfer ends once, while pending: what accept, reject and cancel check. */
export const checkTransferDecision = (status: string): MessageCode | null => (status === 'pending' ? null : 'transfer_decided');

export const transferActionNames = ['accept', 'reject', 'cancel'] as const;

/**
 * The moves open on a pending transfer: accept and reject to the receiving union (`decides`),
 * cancel to the sending side or the member (`cancels`), each being the filter its route applies.
 */
export function transferActions(status: string, may: { decides: boolean; cancels: boolean }): (typeof transferActionNames)[number][] {
  if (checkTransferDecision(status)) return [];
  return transferActionNames.filter((name) => (name === 'cancel' ? may.cancels : may.decides));
}
