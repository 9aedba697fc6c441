import type { Generated } from 'kysely';
import type { HolderKind, HonourLevel, ModelWorkerKind, StudioKind } from './rules.ts';

/**
 * The honours module's tables (conventions in server/db/schema.ts): model workers and their yearly
 * verifications, the allowance ledger shared by model workers and craftsmen, innovation studios,
 * craftsman selections and the craftsman titles they name. No other module writes them.
 */

/** A federation's own amounts and periods (rules.ts `HonourSettings`), as JSON; absent → the rules' defaults. */
export interface HonourSettingsTable {
  org_id: number;
  settings: string;
  updated_by: number | null;
  updated_at: string;
}

/**
 * A model worker (劳动模范) or advanced worker (先进工作者). Linked to the member record when the
 * person is a member; otherwise the row itself is the person record (name and employer only: no
 * ID number is kept, so there is no personal data to encrypt).
 */
export interface ModelWorkerTable {
  id: Generated<number>;
  /** the union responsible for the person: scope filters on it */
  org_id: number;
  member_id: number | null;
  name: string;
  employer: string | null;
  kind: ModelWorkerKind;
  level: HonourLevel;
  /** the honour's own wording: 浙江省劳动模范, 全国先进工作者 … */
  title: string;
  year: number;
  /** ended: died (a verification found them not alive); no allowance is paid any more */
  status: 'active' | 'ended';
  created_by: number | null;
  created_at: string;
}

/** The yearly verification (年度核查): alive and in post, recorded by a cadre. */
export interface ModelWorkerVerificationTable {
  id: Generated<number>;
  model_worker_id: number;
  year: number;
  alive: number;
  in_post: number;
  note: string | null;
  verified_by: number | null;
  verified_at: string;
}

/**
 * The allowance ledger, append-only: a row is never updated or deleted. A correction is a reversal
 * (negative amount, `reverses_id` set, at most one per entry). `pay_key` (holder kind, holder id,
 * month) is unique, so a month's allowance is posted once per person whatever run posts it.
 */
export interface AllowanceEntryTable {
  id: Generated<number>;
  org_id: number;
  holder_kind: HolderKind;
  holder_id: number;
  kind: 'allowance' | 'reversal';
  /** 'YYYY-MM' of a monthly allowance (and of the entry a reversal cancels) */
  month: string | null;
  amount_fen: number;
  pay_key: string | null;
  reverses_id: number | null;
  run_id: number | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

/** A month's allowance run for a federation's scope; one per (org, month), done by a durable job. */
export interface AllowanceRunTable {
  id: Generated<number>;
  org_id: number;
  month: string;
  status: 'queued' | 'done';
  paid: number;
  skipped: number;
  total_fen: number;
  requested_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface InnovationStudioTable {
  id: Generated<number>;
  org_id: number;
  enterprise_id: number | null;
  name: string;
  kind: StudioKind;
  leader_name: string;
  leader_model_worker_id: number | null;
  leader_craftsman_id: number | null;
  founded_on: string;
  /** the level of its latest passed yearly assessment, null before the first */
  level: HonourLevel | null;
  created_by: number | null;
  created_at: string;
}

export interface StudioMemberTable {
  id: Generated<number>;
  studio_id: number;
  name: string;
  member_id: number | null;
  created_at: string;
}

export interface StudioAchievementTable {
  id: Generated<number>;
  studio_id: number;
  kind: 'patent' | 'improvement';
  title: string;
  year: number;
  patent_no: string | null;
  savings_fen: number;
  created_by: number | null;
  created_at: string;
}

export interface StudioAssessmentTable {
  id: Generated<number>;
  studio_id: number;
  year: number;
  level: HonourLevel;
  passed: number;
  note: string | null;
  assessed_by: number | null;
  assessed_at: string;
}

export interface CraftsmanSelectionTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  year: number;
  quota: number;
  status: 'open' | 'publicity' | 'named';
  /** the last day of publicity (YYYY-MM-DD, Shanghai), inclusive */
  publicity_last_day: string | null;
  created_by: number | null;
  created_at: string;
}

export interface CraftsmanCandidateTable {
  id: Generated<number>;
  selection_id: number;
  member_id: number;
  name: string;
  enterprise_id: number | null;
  status: 'candidate' | 'named' | 'not_named';
  created_at: string;
}

export interface CraftsmanJudgeTable {
  id: Generated<number>;
  selection_id: number;
  user_id: number;
  created_at: string;
}

export interface CraftsmanMarkTable {
  id: Generated<number>;
  candidate_id: number;
  judge_id: number;
  value: number;
  marked_at: string;
}

export interface CraftsmanObjectionTable {
  id: Generated<number>;
  candidate_id: number;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  filed_by: number | null;
  filed_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

/** A craftsman's title (工匠称号), valid until the next selection of its federation names again. */
export interface CraftsmanTable {
  id: Generated<number>;
  org_id: number;
  selection_id: number;
  member_id: number;
  name: string;
  year: number;
  /** the last year of validity: the year before the next selection is due */
  valid_until: number;
  status: 'valid' | 'expired';
  /** the title of the previous selection this one renews */
  renews_id: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    honour_settings: HonourSettingsTable;
    model_workers: ModelWorkerTable;
    model_worker_verifications: ModelWorkerVerificationTable;
    allowance_entries: AllowanceEntryTable;
    allowance_runs: AllowanceRunTable;
    innovation_studios: InnovationStudioTable;
    studio_members: StudioMemberTable;
    studio_achievements: StudioAchievementTable;
    studio_assessments: StudioAssessmentTable;
    craftsman_selections: CraftsmanSelectionTable;
    craftsman_candidates: CraftsmanCandidateTable;
    craftsman_judges: CraftsmanJudgeTable;
    craftsman_marks: CraftsmanMarkTable;
    craftsman_objections: CraftsmanObjectionTable;
    craftsmen: CraftsmanTable;
  }
}
