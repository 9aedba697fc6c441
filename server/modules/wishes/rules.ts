import type { Refusal } from '../../platform/errors.ts';

/**
 * Micro-wishes (微心愿), part of 云创青年小镇's "微积分" charity (shared/seed/union-newspaper-page.zh.txt:
 * 通过微阅读、微心愿、爱心助学……形成小镇独有的青年"微积分"爱心公益服务体系). A wish is small by
 * definition; the seed gives no amount, so the cap below is this platform's documented default.
 */

/** The most a micro-wish may be worth: ¥200. */
export const WISH_VALUE_CAP_FEN = 20_000;
/** Days a fulfilled wish may wait for the wisher's confirmation before the cadre's to-do lists it. */
export const CONFIRMATION_REMINDER_DAYS = 7;
/** Largest proof photo (bytes). */
export const PROOF_MAX_BYTES = 8 * 1024 * 1024;

export const wishStatuses = ['pending', 'rejected', 'open', 'claimed', 'fulfilled', 'confirmed'] as const;
export type WishStatus = (typeof wishStatuses)[number];

export type WishAction = 'approve' | 'reject' | 'claim' | 'fulfil' | 'confirm';
const from: Record<WishAction, WishStatus> = { approve: 'pending', reject: 'pending', claim: 'open', fulfil: 'claimed', confirm: 'fulfilled' };
const to: Record<WishAction, WishStatus> = { approve: 'open', reject: 'rejected', claim: 'claimed', fulfil: 'fulfilled', confirm: 'confirmed' };

/** The status after an action, or the refusal when the wish is not at that step. */
export function nextWishStatus(status: WishStatus, action: WishAction): { to: WishStatus } | Refusal {
  if (status !== from[action]) return { code: 'wish_wrong_step', params: { status } };
  return { to: to[action] };
}
export const fromStatus = (action: WishAction) => from[action];

export function checkValue(valueFen: number): Refusal | null {
  if (valueFen > WISH_VALUE_CAP_FEN) return { code: 'wish_over_cap', params: { cap: WISH_VALUE_CAP_FEN / 100 } };
  return null;
}
