import type { Generated } from 'kysely';
import type { Education, Ethnicity, MemberStatus, NewFormGroup, PoliticalStatus } from './rules.ts';

/**
 * The members module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */

/** The member register's standard fields (migration 0014), each null while not recorded; codes in rules.ts. */
export interface StandardFields {
  ethnicity: Ethnicity | null;
  education: Education | null;
  political_status: PoliticalStatus | null;
  /** 是否农民工: 1 or 0 */
  migrant_worker: number | null;
  new_form_group: NewFormGroup | null;
}

export interface MemberTable extends StandardFields {
  id: Generated<number>;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string | null;
  phone_hash: string | null;
  /** the keyed hash of the phone's last four digits (members/phones.ts, migration 0035) */
  phone_tail_hash: string | null;
  birth_date: string;
  gender: 'male' | 'female';
  org_id: number;
  enterprise_id: number | null;
  employer_name: string | null;
  status: MemberStatus;
  retained_reason: 'retired' | 'unemployed' | null;
  member_no: string;
  joined_on: string;
  left_on: string | null;
  user_id: number | null;
  source: 'application' | 'import' | 'demo';
  created_at: string;
  updated_at: string;
}

/**
 * Members of an org's whole subtree per status and month joined ('YYYY-MM'), and how many of them
 * are migrant workers and new-form workers, kept by triggers (migrations 0006 and 0014).
 */
export interface SubtreeMemberCountTable {
  org_id: number;
  status: MemberStatus;
  joined_month: string;
  n: number;
  migrant_workers: number;
  new_form_workers: number;
}

/** A member under each org of their org's chain, the org itself included (migration 0034, kept by triggers). */
export interface MemberAncestorTable {
  ancestor_id: number;
  member_id: number;
}

/** Each pair of neighbouring characters of a member's name (migration 0036, kept by triggers): the name search's index. */
export interface MemberNameGramTable {
  gram: string;
  member_id: number;
}

/** The numbers 1…63 that 0036's triggers cut names at. */
export interface GramPositionTable {
  p: number;
}

export interface JoinApplicationTable extends StandardFields {
  id: Generated<number>;
  user_id: number;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string;
  phone_hash: string;
  org_id: number;
  enterprise_id: number | null;
  employer_name: string | null;
  consent_at: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  member_id: number | null;
  open_key: string | null;
  created_at: string;
}

export interface TransferTable {
  id: Generated<number>;
  member_id: number;
  from_org_id: number;
  to_org_id: number;
  prior_status: 'member' | 'retained';
  status: 'pending' | 'accepted' | 'rejected' | 'cancelled';
  reason: string | null;
  started_by: number | null;
  started_at: string;
  decided_by: number | null;
  decided_at: string | null;
  open_key: number | null;
}

declare module '../../db/schema.ts' {
  interface DB {
    members: MemberTable;
    subtree_member_counts: SubtreeMemberCountTable;
    member_ancestors: MemberAncestorTable;
    member_name_grams: MemberNameGramTable;
    gram_positions: GramPositionTable;
    join_applications: JoinApplicationTable;
    transfers: TransferTable;
  }
}
