import type { Refusal } from '../../platform/errors.ts';

/**
 * Co-building (共建): partner units, the four lists and two-way claiming (双向认领、双向服务), as
 * the seed describes 天水街道总工会's work (shared/seed/union-newspaper-page.zh.txt: 与辖区银行、医院、
 * 商场、省市直属单位……签订战略框架协议，全面建立共建单位的需求清单、资源清单、项目清单、服务清单，
 * 对照清单实施双向认领、双向服务). Pure, no I/O.
 */

export const partnerKinds = ['bank', 'hospital', 'mall', 'public_body', 'enterprise', 'school', 'social_org', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const lists = ['need', 'resource', 'project', 'service'] as const;
export type ListKind = (typeof lists)[number];
export const itemStatuses = ['open', 'claimed', 'in_progress', 'done', 'rated'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export type ClaimStatus = 'claimed' | 'in_progress' | 'done' | 'withdrawn';
export type Side = 'union' | 'partner';

/** A rating of the work by the publisher: 1 to 5 stars. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Largest photo of finished work (bytes). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;


/** The side that published an item: a partner when it names one, else the union. */
export const sideOf = (item: { partnerId: number | null }): Side => (item.partnerId === null ? 'union' : 'partner');

/** Only the other side claims; only an open item can be claimed. */
export function checkClaim(item: { partnerId: number | null; status: ItemStatus }, claimer: Side): Refusal | null {
  if (sideOf(item) === claimer) return { code: 'list_item_same_side' };
  if (item.status !== 'open') return { code: 'list_item_claimed' };
  return null;
}

export type ClaimAction = 'start' | 'finish' | 'withdraw' | 'rate';
const moves: Record<ClaimAction, { from: ItemStatus; to: ItemStatus }> = {
  start: { from: 'claimed', to: 'in_progress' },
  finish: { from: 'in_progress', to: 'done' },
  withdraw: { from: 'claimed', to: 'open' },
  rate: { from: 'done', to: 'rated' },
};

/** The item's status after an action, or the refusal when it is not at the right step. */
export function nextStatus(status: ItemStatus, action: ClaimAction): { to: ItemStatus } | Refusal {
  const m = moves[action];
  if (status !== m.from) return { code: 'list_item_wrong_step', params: { status } };
  return { to: m.to };
}

/** A partner's contact acts for its own partner only: naming another one is refused, never swapped. */
export function checkOwnPartner(requested: number | null | undefined, own: number): Refusal | null {
  if (requested != null && requested !== own) return { code: 'list_item_foreign_partner' };
  return null;
}

/** An agreement's dates: the end is not before the start. */
export function checkAgreement(from: string | null, until: string | null): Refusal | null {
  if (from && until && until < from) return { code: 'partner_agreement_dates' };
  return null;
}
