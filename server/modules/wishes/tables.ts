import type { Generated } from 'kysely';
import type { WishStatus } from './rules.ts';

/** The wishes module's table: a worker's micro-wish, its moderation, claim, proof and confirmation. */
export interface WishTable {
  id: Generated<number>;
  /** the wisher's union: scope filters on it */
  org_id: number;
  member_id: number;
  title: string;
  /** the wisher's narrative, encrypted with deps.pii (ciphertext, never plain text) */
  description: string;
  value_fen: number;
  status: WishStatus;
  reject_reason: string | null;
  claimer_user_id: number | null;
  /** the claimer's member record, who earns the love points; null for a partner */
  claimer_member_id: number | null;
  claimer_partner_id: number | null;
  claimed_at: string | null;
  proof_key: string | null;
  proof_type: string | null;
  proof_note: string | null;
  fulfilled_at: string | null;
  confirmed_at: string | null;
  posted_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    wishes: WishTable;
  }
}
