import type { Generated } from 'kysely';

/**
 * The orgs module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */
export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  uscc: string;
  industry: string | null;
  founded_on: string | null;
  /** 职工人数, null while not known (migration 0012). */
  employees: number | null;
  new_economy: number;
  org_id: number;
  status: 'active' | 'closed';
  created_at: string;
  updated_at: string;
}

export interface TeamTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string;
  kind: 'workshop' | 'office' | 'crew' | 'project';
  status: 'active' | 'closed';
  created_at: string;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    enterprises: EnterpriseTable;
    teams: TeamTable;
  }
}
