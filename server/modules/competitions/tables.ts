import type { Generated } from 'kysely';

/**
 * The competitions module's tables (conventions in server/db/schema.ts). The declaration at the end
 * adds them to the one `DB` type every query is checked against; no other module writes them.
 */

export interface SkillContestTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  year: number;
  registration_opens_at: string;
  registration_closes_at: string;
  /** YYYY-MM-DD: the day ages are counted on */
  reference_date: string;
  aggregation: 'mean' | 'trimmed_mean';
  /** JSON array of award grades whose winners are recognised one level up */
  level_up_awards: string;
  created_by: number | null;
  created_at: string;
}

export interface SkillContestEventTable {
  id: Generated<number>;
  contest_id: number;
  position: number;
  name: string;
  max_age: number | null;
  occupation: string | null;
  /** the skill level (1–5) the event is held at, for recognition one level up */
  level: number | null;
  /** JSON array of { name, weight, kind, maxMarks } */
  criteria: string;
  award_by: 'count' | 'share';
  award_first: number;
  award_second: number;
  award_third: number;
  status: 'open' | 'locked' | 'published';
  locked_at: string | null;
  published_at: string | null;
}

export interface SkillEntryTable {
  id: Generated<number>;
  contest_id: number;
  event_id: number;
  member_id: number;
  /** the member's account, when linked: notices go there */
  user_id: number | null;
  /** the member's union (scope) and enterprise (conflicts of interest) */
  org_id: number;
  enterprise_id: number | null;
  finished_at: string | null;
  /** hundredths, after publishing */
  score: number | null;
  judgement_score: number | null;
  rank: number | null;
  award: 'first' | 'second' | 'third' | null;
  /** the skill-level record a win was recognised with (skills module), if any */
  skill_level_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface SkillJudgeTable {
  id: Generated<number>;
  contest_id: number;
  event_id: number;
  user_id: number;
  /** 1 for the chief judge (裁判长) */
  chief: number;
  created_by: number | null;
  created_at: string;
}

export interface SkillMarkTable {
  entry_id: number;
  judge_id: number;
  criterion_index: number;
  value: number;
  marked_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    skill_contests: SkillContestTable;
    skill_contest_events: SkillContestEventTable;
    skill_entries: SkillEntryTable;
    skill_judges: SkillJudgeTable;
    skill_marks: SkillMarkTable;
  }
}
