import type { Generated } from 'kysely';
import type { IssuerKind, RecordSource, RecordStatus, SkillLevel } from './rules.ts';

/**
 * The skills module's table (conventions in server/db/schema.ts). A record belongs to a member and
 * follows them: scope is the union the member belongs to now (members.org_id). Records are never
 * updated in place but to close them: voiding or correcting keeps the old row, and a correction is
 * a new row pointing at the one it replaces.
 */
export interface SkillLevelTable {
  id: Generated<number>;
  member_id: number;
  occupation: string;
  level: SkillLevel;
  certificate_no: string;
  issued_on: string;
  issuer: string;
  issuer_kind: IssuerKind;
  source: RecordSource;
  status: RecordStatus;
  /** the record this one corrects */
  replaces_id: number | null;
  /** why it was voided or corrected */
  reason: string | null;
  closed_by: number | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    skill_levels: SkillLevelTable;
  }
}
