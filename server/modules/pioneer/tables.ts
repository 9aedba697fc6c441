import type { Generated } from 'kysely';

/**
 * The pioneer module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */
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

declare module '../../db/schema.ts' {
  interface DB {
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
}
