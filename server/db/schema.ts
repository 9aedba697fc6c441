import type { Generated } from 'kysely';

/**
 * The tables of gonghui, one interface per table. Conventions on both engines:
 * timestamps are ISO-8601 UTC strings, dates are YYYY-MM-DD strings, booleans are 0/1 integers,
 * JSON is stored as text, money is integer fen. See docs/architecture.md.
 */
export interface OrgTable {
  id: Generated<number>;
  name: string;
  kind: 'federation' | 'joint_union' | 'grassroots_union' | 'branch';
  level: 'county' | 'street' | null;
  basis: 'building' | 'area' | 'industry' | 'town' | null;
  parent_id: number | null;
  region: string | null;
  status: 'active' | 'closed';
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrgClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}

export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  uscc: string;
  industry: string | null;
  founded_on: string | null;
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

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  phone_enc: string | null;
  phone_hash: string | null;
  home_org_id: number | null;
  disabled: number;
  failed_logins: number;
  failed_since: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: 'admin' | 'cadre' | 'viewer' | 'judge' | 'member';
  /** null only for the platform-wide admin role */
  org_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: number | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface SequenceTable {
  name: string;
  value: number;
}

export type MemberStatus = 'member' | 'transferring' | 'retained' | 'left';

export interface MemberTable {
  id: Generated<number>;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  phone_enc: string | null;
  phone_hash: string | null;
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

export interface JoinApplicationTable {
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

export interface SmsCodeTable {
  id: Generated<number>;
  phone_hash: string;
  purpose: 'signup';
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface DB {
  orgs: OrgTable;
  org_closure: OrgClosureTable;
  enterprises: EnterpriseTable;
  teams: TeamTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  sequences: SequenceTable;
  members: MemberTable;
  join_applications: JoinApplicationTable;
  transfers: TransferTable;
  sms_codes: SmsCodeTable;
}
