import type { Generated } from 'kysely';
import type { AdoptionBody, BargainingKind, BargainingStatus, Coverage, MeetingMode, RepSide, Side } from './rules.ts';

/**
 * The bargaining module's tables (conventions in server/db/schema.ts). A round belongs to the
 * union that bargains for the workers (`org_id`: scope filters on it) and covers one enterprise or
 * many (an industry-wide or area-wide agreement). No other module writes them.
 */
export interface BargainingRoundTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  kind: BargainingKind;
  coverage: Coverage;
  status: BargainingStatus;
  proposed_by: Side;
  /** dates are YYYY-MM-DD (Shanghai days) */
  proposed_on: string;
  reply_due_on: string;
  replied_on: string | null;
  /** the other side's reason when it declined */
  reply_reason: string | null;
  /** when the overdue reply was escalated to the union above (by the job) */
  escalated_at: string | null;
  adopted_on: string | null;
  signed_on: string | null;
  filing_due_on: string | null;
  filed_on: string | null;
  effective_on: string | null;
  confirmed_on: string | null;
  objected_on: string | null;
  term_years: number | null;
  expires_on: string | null;
  renewal_opens_on: string | null;
  /** when the renewal job opened the to-do */
  renewal_opened_at: string | null;
  renews_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface BargainingEnterpriseTable {
  round_id: number;
  enterprise_id: number;
}

export interface BargainingRepresentativeTable {
  id: Generated<number>;
  round_id: number;
  side: RepSide;
  name: string;
  chief: number;
  member_id: number | null;
  /** a change of representative keeps the old row, withdrawn, with its reason */
  status: 'active' | 'withdrawn';
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  created_at: string;
}

/** A covered member's vote for a worker-side representative, given on the phone. */
export interface BargainingVoteTable {
  id: Generated<number>;
  round_id: number;
  representative_id: number;
  member_id: number;
  voted_at: string;
}

/** A covered member's answer to the opinion survey; the free comment is personal: encrypted. */
export interface BargainingSurveyAnswerTable {
  id: Generated<number>;
  round_id: number;
  member_id: number;
  /** JSON array of survey topics */
  priorities: string;
  expected_raise_percent: number;
  comment_enc: string | null;
  answered_at: string;
}

export interface BargainingMeetingTable {
  id: Generated<number>;
  round_id: number;
  held_on: string;
  mode: MeetingMode;
  place: string | null;
  minutes: string;
  created_by: number | null;
  created_at: string;
}

export interface BargainingDraftTable {
  id: Generated<number>;
  round_id: number;
  version: number;
  /** JSON array of { topic, text } */
  clauses: string;
  term_years: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface BargainingAdoptionTable {
  id: Generated<number>;
  round_id: number;
  body: AdoptionBody;
  draft_version: number;
  representatives: number;
  attending: number;
  approving: number;
  adopted: number;
  held_on: string;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    bargaining_rounds: BargainingRoundTable;
    bargaining_enterprises: BargainingEnterpriseTable;
    bargaining_representatives: BargainingRepresentativeTable;
    bargaining_votes: BargainingVoteTable;
    bargaining_survey_answers: BargainingSurveyAnswerTable;
    bargaining_meetings: BargainingMeetingTable;
    bargaining_drafts: BargainingDraftTable;
    bargaining_adoptions: BargainingAdoptionTable;
  }
}
