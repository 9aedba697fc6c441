import type { Generated } from 'kysely';
import type { EntryKind, PartyKind } from './rules.ts';

/** The fundraising module's tables (migration 0028-fundraising). No other module writes them. */

export interface FundraiserTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  description: string | null;
  goal_fen: number;
  /** sums of the ledger's donations and disbursements in fen, kept with each entry */
  raised_fen: Generated<number>;
  spent_fen: Generated<number>;
  created_by: number | null;
  created_at: string;
}

/** A goods goal (400 套冬装) with the ledger's sums of units given and handed out. */
export interface FundraiserGoodsTable {
  id: Generated<number>;
  fundraiser_id: number;
  name: string;
  unit: string;
  goal: number;
  raised: Generated<number>;
  spent: Generated<number>;
}

/**
 * The ledger, append-only: a donation (money and/or goods in, with a receipt number) or a
 * disbursement (out, to a recipient, with proof attached afterwards). Never updated or deleted.
 */
export interface FundraiserEntryTable {
  id: Generated<number>;
  fundraiser_id: number;
  org_id: number;
  kind: EntryKind;
  /** always ≥ 0; the kind says the direction */
  amount_fen: number;
  /** the donor or the recipient */
  party_name: string;
  party_kind: PartyKind;
  member_id: number | null;
  /** 1: the donor agreed to be named on the public ledger */
  show_name: Generated<number>;
  /** the recipient's hardship file (困难职工帮扶), when there is one */
  hardship_file_id: number | null;
  receipt_no: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface FundraiserEntryGoodsTable {
  id: Generated<number>;
  entry_id: number;
  goods_id: number;
  quantity: number;
}

export interface FundraiserProofTable {
  id: Generated<number>;
  entry_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    fundraisers: FundraiserTable;
    fundraiser_goods: FundraiserGoodsTable;
    fundraiser_entries: FundraiserEntryTable;
    fundraiser_entry_goods: FundraiserEntryGoodsTable;
    fundraiser_proofs: FundraiserProofTable;
  }
}
