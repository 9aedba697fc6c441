import type { Generated } from 'kysely';
import type { CaseStatus, Outcome, RightsCategory, RightsChannel, StepKind } from './rules.ts';

/**
 * The rights module's tables (维权). The narrative, amounts, notes and attachment names are
 * personal data: stored only as `pii.encrypt` ciphertext (`*_enc`), never listed, and every read
 * of them is audited. No other module writes these tables.
 */

/** A federation's own deadlines (rules.ts `RightsSettings`) as JSON; absent → inherited or the defaults. */
export interface RightsSettingsTable {
  org_id: number;
  settings: string;
  updated_by: number | null;
  updated_at: string;
}

export interface RightsCaseTable {
  id: Generated<number>;
  case_no: string;
  /** the union handling the case (routing): scope filters on it */
  org_id: number;
  channel: RightsChannel;
  category: RightsCategory;
  /** the worker's account when filed from the phone (they follow it there), else null */
  user_id: number | null;
  member_id: number | null;
  applicant_name: string;
  phone_enc: string | null;
  enterprise_id: number | null;
  employer_name: string | null;
  narrative_enc: string;
  amount_enc: string | null;
  status: CaseStatus;
  decline_reason: string | null;
  /** the lawyer or mediator (role legal_aid) the case is assigned to */
  assignee_id: number | null;
  accept_due: string;
  progress_due: string | null;
  /** the deadline an escalation was sent for (once per deadline), and the org it went to */
  escalated_due: string | null;
  escalated_org_id: number | null;
  outcome: Outcome | null;
  recovered_enc: string | null;
  rating: number | null;
  rating_comment: string | null;
  consent_at: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RightsCaseStepTable {
  id: Generated<number>;
  case_id: number;
  kind: StepKind;
  note_enc: string;
  created_by: number | null;
  created_at: string;
}

/** An attachment: the file is stored encrypted under `<data dir>/rights/<case>/<uuid>`. */
export interface RightsCaseAttachmentTable {
  id: Generated<number>;
  case_id: number;
  name_enc: string;
  content_type: string;
  size: number;
  storage_key: string;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    rights_settings: RightsSettingsTable;
    rights_cases: RightsCaseTable;
    rights_case_steps: RightsCaseStepTable;
    rights_case_attachments: RightsCaseAttachmentTable;
  }
}
