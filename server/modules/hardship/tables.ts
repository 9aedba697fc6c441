import type { Generated } from 'kysely';
import type { AidKind, Tier } from './rules.ts';

/**
 * The hardship module's tables (困难职工帮扶). Household income is personal data: stored only as
 * `pii.encrypt` ciphertext; the tier it yields is stored plainly (the register and the statistics
 * filter on it). The aid ledger is append-only. No other module writes these tables.
 */

/** A federation's 低保 line from a date on; the newest in force of the nearest org wins. */
export interface HardshipSettingsTable {
  id: Generated<number>;
  org_id: number;
  low_income_line_fen: number;
  relative_multiple_pct: number;
  effective_from: string;
  created_by: number | null;
  created_at: string;
}

export interface HardshipFileTable {
  id: Generated<number>;
  /** the member's union: scope filters on it */
  org_id: number;
  member_id: number;
  /** the member id while the file is on the register, null after 脱困: one open file per member household */
  open_key: number | null;
  household_size: number;
  income_enc: string;
  causes: string;
  tier: Tier;
  status: 'active' | 'exited';
  exit_reason: string | null;
  exited_at: string | null;
  consent_at: string;
  checked_on: string;
  next_check_due: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A yearly re-check to do, created by the job `hardship.recheck-due`; one per file and due date. */
export interface HardshipRecheckTable {
  id: Generated<number>;
  file_id: number;
  org_id: number;
  due_on: string;
  status: 'due' | 'done';
  done_at: string | null;
  done_by: number | null;
}

/** A campaign (送温暖, 金秋助学…) of an org with its budget; `spent_fen` is the atomic counter aid takes from. */
export interface HardshipCampaignTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  kind: AidKind;
  year: number;
  budget_fen: number;
  spent_fen: number;
  created_by: number | null;
  created_at: string;
}

/** The aid ledger: rows are only ever inserted. `campaign_file` (campaign, file) is unique: one aid per campaign and household. */
export interface HardshipAidTable {
  id: Generated<number>;
  file_id: number;
  /** the paying org */
  org_id: number;
  kind: AidKind;
  amount_fen: number;
  paid_on: string;
  purpose: string | null;
  campaign_id: number | null;
  campaign_file: string | null;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    hardship_settings: HardshipSettingsTable;
    hardship_files: HardshipFileTable;
    hardship_rechecks: HardshipRecheckTable;
    hardship_campaigns: HardshipCampaignTable;
    hardship_aids: HardshipAidTable;
  }
}
