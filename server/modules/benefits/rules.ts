import type { Refusal } from '../../platform/errors.ts';

/** The benefits module's pure rules: kinds, eligibility over a member record, the claim window, codes. */

/** 送清凉, 年夜饭, 女神节, 生日 and anything else a union gives out (信息港's brand activities, seed). */
export const benefitKinds = ['summer_cool', 'new_year_dinner', 'goddess_day', 'birthday', 'other'] as const;
export type BenefitKind = (typeof benefitKinds)[number];

/**
 * Who may claim: a member in good standing, also while a transfer to another union is under way
 * (still a member until it is accepted); not one whose membership is retained (retired,
 * unemployed: 保留会籍) or has ended.
 */
export const ELIGIBLE_STATUSES = ['member', 'transferring'] as const;

/** Redemption codes: 8 characters without look-alikes (0/O, 1/I/L), about 10^12 values. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export interface MemberFacts {
  status: string;
  gender: 'male' | 'female';
  joinedOn: string;
}
export interface BenefitFacts {
  claimFrom: string;
  claimUntil: string;
  gender: 'male' | 'female' | null;
  minTenureMonths: number | null;
}

/** 'YYYY-MM-DD' months later (a day past a shorter month's end rolls to its last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The window first, then the member's standing, gender and tenure (on `today`, a Shanghai date). */
export function checkClaim(b: BenefitFacts, m: MemberFacts, now: string, today: string): Refusal | null {
  if (now < b.claimFrom || now > b.claimUntil) return { code: 'benefit_window_closed', params: {} };
  if (!(ELIGIBLE_STATUSES as readonly string[]).includes(m.status)) return { code: 'benefit_not_eligible', params: { why: 'benefit_why_status' } };
  if (b.gender && m.gender !== b.gender) return { code: 'benefit_not_eligible', params: { why: 'benefit_why_gender' } };
  if (b.minTenureMonths && addMonths(m.joinedOn, b.minTenureMonths) > today) return { code: 'benefit_not_eligible', params: { why: 'benefit_why_tenure' } };
  return null;
}
