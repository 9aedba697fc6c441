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

/** Valid records per org (the member's union now) and level, kept by triggers (migration 0015): what stats add up. */
export interface SkillLevelCountTable {
  org_id: number;
  level: SkillLevel;
  n: number;
}

/** Valid records of each org's whole subtree per level (migration 0038, kept by triggers on skill_level_counts and org_closure). */
export interface SubtreeSkillCountTable {
  org_id: number;
  level: SkillLevel;
  n: number;
}

declare module '../../db/schema.ts' {
  interface DB {
    skill_levels: SkillLevelTable;
    skill_level_counts: SkillLevelCountTable;
    subtree_skill_counts: SubtreeSkillCountTable;
  }
}
