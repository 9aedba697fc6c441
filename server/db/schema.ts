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

/** Members of an org's whole subtree per status and month joined ('YYYY-MM'), kept by triggers (migration 0006). */
export interface SubtreeMemberCountTable {
  org_id: number;
  status: MemberStatus;
  joined_month: string;
  n: number;
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

export type PioneerType = 'modern_management' | 'tech_innovation' | 'safe_production' | 'quality_service' | 'model_education';
export type PioneerLevel = 'county' | 'city' | 'province' | 'national';

export interface PioneerStandardTable {
  id: Generated<number>;
  /** null for the platform-wide built-in standards */
  org_id: number | null;
  type: PioneerType;
  version: number;
  name: string;
  /** JSON: weight of each dimension, summing to 100 */
  weights: string;
  created_by: number | null;
  created_at: string;
}

export interface PioneerCriterionTable {
  id: Generated<number>;
  standard_id: number;
  dimension: 'infrastructure' | 'organization' | 'workforce' | 'management' | 'effectiveness';
  position: number;
  title: string;
  description: string | null;
  max_points: number;
}

export interface PioneerCampaignTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  year: number;
  level: PioneerLevel;
  registration_deadline: string;
  assessment_deadline: string;
  scoring_deadline: string;
  publicity_days: number;
  publicity_start: string | null;
  /** the last day of publicity */
  publicity_end: string | null;
  quota: number;
  scoring_method: 'mean' | 'trimmed_mean';
  status: 'registration' | 'self_assessment' | 'scoring' | 'showcase' | 'publicity' | 'named' | 'cancelled';
  named_on: string | null;
  document_no: string | null;
  cancel_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PioneerCampaignStandardTable {
  campaign_id: number;
  type: PioneerType;
  standard_id: number;
}

export interface PioneerCandidateTable {
  id: Generated<number>;
  campaign_id: number;
  team_id: number;
  enterprise_id: number;
  /** the union covering the team's enterprise at registration */
  org_id: number;
  type: PioneerType;
  worker_count: number;
  status: 'registered' | 'submitted' | 'withdrawn' | 'scored' | 'nominated' | 'named' | 'not_named';
  self_summary: string | null;
  /** JSON: criterion id → self-assessed points */
  self_scores: string | null;
  submitted_at: string | null;
  /** out of 100, in hundredths */
  score: number | null;
  rank: number | null;
  award: 'innovation_award' | 'finalist_award' | null;
  registered_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PioneerEvidenceTable {
  id: Generated<number>;
  candidate_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface PioneerAssignmentTable {
  id: Generated<number>;
  campaign_id: number;
  candidate_id: number;
  judge_id: number;
  assigned_by: number | null;
  created_at: string;
}

export interface PioneerScoreTable {
  assignment_id: number;
  criterion_id: number;
  points: number;
  scored_at: string;
}

export interface PioneerObjectionTable {
  id: Generated<number>;
  campaign_id: number;
  candidate_id: number;
  lodged_by: number;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolved_by: number | null;
  resolved_at: string | null;
  created_at: string;
}

export interface PioneerTitleTable {
  id: Generated<number>;
  team_id: number;
  enterprise_id: number;
  org_id: number;
  type: PioneerType;
  level: PioneerLevel;
  year: number;
  named_on: string | null;
  document_no: string | null;
  source: 'campaign' | 'recommendation' | 'import';
  campaign_id: number | null;
  candidate_id: number | null;
  status: 'active' | 'revoked';
  revoked_on: string | null;
  revocation_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface PioneerRecommendationTable {
  id: Generated<number>;
  title_id: number;
  to_level: PioneerLevel;
  recommended_on: string;
  recommended_by: number | null;
  status: 'pending' | 'named' | 'not_named';
  decided_on: string | null;
  document_no: string | null;
  result_title_id: number | null;
  open_key: number | null;
  created_at: string;
}

export interface PioneerInspectionTable {
  id: Generated<number>;
  title_id: number;
  due_on: string;
  status: 'scheduled' | 'done';
  result: 'passed' | 'rectify' | 'failed' | null;
  notes: string | null;
  inspected_on: string | null;
  inspected_by: number | null;
  created_at: string;
}

export interface EnterpriseIncidentTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: 'wage_arrears' | 'social_insurance_arrears' | 'safety_accident' | 'occupational_hazard' | 'mass_incident';
  occurred_on: string;
  description: string;
  recorded_by: number | null;
  created_at: string;
}

export interface PioneerRevocationTable {
  id: Generated<number>;
  title_id: number;
  status: 'proposed' | 'confirmed' | 'dismissed';
  reason: string;
  incident_id: number | null;
  proposed_on: string;
  decided_on: string | null;
  decided_by: number | null;
  note: string | null;
  created_at: string;
}

export interface PioneerRewardTable {
  id: Generated<number>;
  title_id: number;
  awarded_on: string;
  description: string;
  amount_fen: number | null;
  created_by: number | null;
  created_at: string;
}

export interface SeatPoolTable {
  id: Generated<number>;
  capacity: number;
  taken: number;
}

export const activityKinds = ['training', 'performance', 'youth_social', 'sports', 'volunteering', 'lecture', 'culture', 'other'] as const;

export interface ActivityTable {
  id: Generated<number>;
  org_id: number;
  open_to_all: number;
  title: string;
  kind: (typeof activityKinds)[number];
  description: string | null;
  place: string | null;
  starts_at: string;
  ends_at: string;
  seat_pool_id: number;
  signup_opens_at: string | null;
  signup_closes_at: string | null;
  cancel_deadline: string | null;
  members_only: number;
  min_age: number | null;
  max_age: number | null;
  status: 'published' | 'cancelled';
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityRegistrationTable {
  id: Generated<number>;
  activity_id: number;
  user_id: number;
  member_id: number | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  code: string;
  checked_in_at: string | null;
  checked_in_by: number | null;
  open_key: string | null;
  created_at: string;
  cancelled_at: string | null;
}

export interface ContestTable {
  id: Generated<number>;
  org_id: number;
  open_to_all: number;
  title: string;
  theme: string;
  description: string | null;
  entry_kind: 'photo' | 'text' | 'video';
  submit_opens_at: string;
  submit_closes_at: string;
  vote_opens_at: string;
  vote_closes_at: string;
  entries_per_member: number;
  votes_per_member: number;
  status: 'published' | 'cancelled';
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ContestEntryTable {
  id: Generated<number>;
  contest_id: number;
  user_id: number;
  member_id: number | null;
  slot: number;
  title: string;
  body: string | null;
  link: string | null;
  file_path: string | null;
  thumb_path: string | null;
  mime: string | null;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  moderated_by: number | null;
  moderated_at: string | null;
  created_at: string;
}

export interface ContestVoteTable {
  id: Generated<number>;
  contest_id: number;
  entry_id: number;
  user_id: number;
  slot: number;
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
  subtree_member_counts: SubtreeMemberCountTable;
  join_applications: JoinApplicationTable;
  transfers: TransferTable;
  sms_codes: SmsCodeTable;
  seat_pools: SeatPoolTable;
  activities: ActivityTable;
  activity_registrations: ActivityRegistrationTable;
  contests: ContestTable;
  contest_entries: ContestEntryTable;
  contest_votes: ContestVoteTable;
  pioneer_standards: PioneerStandardTable;
  pioneer_criteria: PioneerCriterionTable;
  pioneer_campaigns: PioneerCampaignTable;
  pioneer_campaign_standards: PioneerCampaignStandardTable;
  pioneer_candidates: PioneerCandidateTable;
  pioneer_evidence: PioneerEvidenceTable;
  pioneer_assignments: PioneerAssignmentTable;
  pioneer_scores: PioneerScoreTable;
  pioneer_objections: PioneerObjectionTable;
  pioneer_titles: PioneerTitleTable;
  pioneer_recommendations: PioneerRecommendationTable;
  pioneer_inspections: PioneerInspectionTable;
  enterprise_incidents: EnterpriseIncidentTable;
  pioneer_revocations: PioneerRevocationTable;
  pioneer_rewards: PioneerRewardTable;
}
