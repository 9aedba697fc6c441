import type { Refusal } from '../../platform/errors.ts';

/**
 * The fundraising module's pure rules: what a ledger entry is, how a receipt is numbered, what a
 * disbursement may take, and what the public ledger shows of a person. No I/O.
 */

/** donation: money and/or goods in (with a receipt); disbursement: out, to a recipient (with proof). */
export const entryKinds = ['donation', 'disbursement'] as const;
export type EntryKind = (typeof entryKinds)[number];
/** Who gives or receives: a union member, a partner unit (共建单位), or anyone else (the public, 爱心人士). */
export const partyKinds = ['member', 'partner', 'public'] as const;
export type PartyKind = (typeof partyKinds)[number];

/**
 * Receipt numbers: 捐 + year + a six-digit serial of the whole deployment (sequence
 * `donation_receipt`), e.g. 捐2026-000123 — unique, never reused, printed on the receipt.
 */
export const formatReceiptNo = (year: string, serial: number) => `捐${year}-${String(serial).padStart(6, '0')}`;

/** A proof of a disbursement (签收单, a photo): at most 20 MB, the same limit as other evidence. */
export const PROOF_MAX_BYTES = 20 * 1024 * 1024;

/** What a donation must carry: some money or some goods. */
export function checkDonation(amountFen: number, goodsUnits: number): Refusal | null {
  return amountFen > 0 || goodsUnits > 0 ? null : { code: 'fundraiser_donation_empty', params: {} };
}

/** A disbursement never takes more than the balance (money) or the units in hand (each goods item). */
export function checkSpend(balance: number, wanted: number, what: 'money' | string): Refusal | null {
  if (wanted <= balance) return null;
  return what === 'money'
    ? { code: 'fundraiser_balance_exceeded', params: { balance: (balance / 100).toFixed(2) } }
    : { code: 'fundraiser_goods_exceeded', params: { name: what, left: balance } };
}

/**
 * A person's name on the public ledger: a donor's in full only when they agreed (and always for a
 * partner unit, which is no person, when it agreed too); otherwise masked (王*明). A recipient's is
 * always masked: who received aid is nobody else's business.
 */
export function publicName(name: string, kind: EntryKind, showName: boolean, mask: (n: string) => string): string {
  if (kind === 'donation' && showName) return name;
  const chars = [...name.trim()];
  // a long name (a unit, a group of recipients) keeps its first two characters only: a row of
  // stars as long as the name would tell its length and nothing useful
  return chars.length > 4 ? `${chars.slice(0, 2).join('')}***` : mask(name);
}
