import type { Generated } from 'kysely';
import type { ClaimStatus, ItemStatus, ListKind, PartnerKind } from './rules.ts';

/** The cobuilding module's tables: partners, their contact accounts, list items and claims, photos of finished work. */

export interface PartnerTable {
  id: Generated<number>;
  /** the union the partner signed with: scope filters on it */
  org_id: number;
  name: string;
  /** 统一社会信用代码, when the unit has one (check character verified) */
  uscc: string | null;
  kind: PartnerKind;
  contact_name: string | null;
  /** the contact's phone, encrypted (platform/pii.ts) */
  contact_phone_enc: string | null;
  agreement_from: string | null;
  agreement_until: string | null;
  status: 'active' | 'ended';
  created_by: number | null;
  created_at: string;
}

/** An account that acts for a partner (its grant is `partner_contact` on the partner's org). */
export interface PartnerContactTable {
  user_id: number;
  partner_id: number;
  created_at: string;
}

export interface ListItemTable {
  id: Generated<number>;
  org_id: number;
  /** the publishing partner; null: the union published it */
  partner_id: number | null;
  list: ListKind;
  title: string;
  description: string;
  status: ItemStatus;
  created_by: number | null;
  created_at: string;
}

/** A claim of an item; at most one not withdrawn per item (the item's status guards it). */
export interface ListItemClaimTable {
  id: Generated<number>;
  item_id: number;
  /** the claiming partner; null: the union claimed */
  partner_id: number | null;
  status: ClaimStatus;
  claimed_by: number | null;
  claimed_at: string;
  started_at: string | null;
  done_at: string | null;
  note: string | null;
  photo_key: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
}

export interface CobuildingFileTable {
  id: Generated<number>;
  key: string;
  claim_id: number;
  content_type: string;
  size: number;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    partners: PartnerTable;
    partner_contacts: PartnerContactTable;
    list_items: ListItemTable;
    list_item_claims: ListItemClaimTable;
    cobuilding_files: CobuildingFileTable;
  }
}
