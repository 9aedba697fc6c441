import type { Generated } from 'kysely';
import type { RatingKind, RatingLevel, RatingStatus } from './rules.ts';

/** The ratings module's tables (conventions in server/db/schema.ts). No other module writes them. */

/** A federation's own scorecard of a kind (rules.ts `Scorecard`) as JSON; absent → inherited or the default. */
export interface RatingScorecardTable {
  org_id: number;
  kind: RatingKind;
  scorecard: string;
  updated_by: number | null;
  updated_at: string;
}

/**
 * One rating of a union: its self-assessment with evidence, the review by the union above
 * (`reviewer_org_id`, the rated union's parent), publicity, naming with validity and re-check.
 * The scorecard it was marked on is kept with it, so a later change of the federation's card
 * does not re-grade it.
 */
export interface RatingTable {
  id: Generated<number>;
  org_id: number;
  reviewer_org_id: number;
  kind: RatingKind;
  /** the level that names it: a star rating's federation level, a Workers' Home's honour level */
  level: RatingLevel;
  year: number;
  status: RatingStatus;
  scorecard: string;
  self_scores: string;
  /** hundredths out of 100 */
  self_score: number;
  /** JSON array of evidence notes (documents, photos' captions, figures) */
  evidence: string;
  review_scores: string | null;
  score: number | null;
  /** '1'…'5' for stars, 'model' / 'advanced' for a Workers' Home */
  grade: string | null;
  stars: number | null;
  review_comment: string | null;
  publicity_last_day: string | null;
  named_on: string | null;
  certificate_no: string | null;
  valid_until: string | null;
  recheck_due_on: string | null;
  rechecked_on: string | null;
  revoked_reason: string | null;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    rating_scorecards: RatingScorecardTable;
    ratings: RatingTable;
  }
}
