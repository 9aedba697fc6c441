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

/** The orgs of each org's subtree, itself included, per kind and status (migration 0037, kept by triggers). */
export interface SubtreeOrgCountTable {
  org_id: number;
  kind: string;
  status: string;
  n: number;
}

/** The enterprises of each org's subtree per status, union or not, and founding month ('' unknown) (migration 0037). */
export interface SubtreeEnterpriseCountTable {
  org_id: number;
  status: string;
  /** 1: directly under a federation, so without a union of its own */
  unionless: number;
  founded_month: string;
  n: number;
  new_economy: number;
  employees: number;
}

declare module '../../db/schema.ts' {
  interface DB {
    enterprises: EnterpriseTable;
    teams: TeamTable;
    subtree_org_counts: SubtreeOrgCountTable;
    subtree_enterprise_counts: SubtreeEnterpriseCountTable;
  }
}
