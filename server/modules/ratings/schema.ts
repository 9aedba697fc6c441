import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { boolFlag, id, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { homeGrades, ratingDimensions, ratingKinds, ratingLevels, ratingStatuses } from './rules.ts';

const dimension = z.enum(ratingDimensions);
const criterion = z.object({ dimension, weight: z.number().int().min(1).max(100), max: z.number().int().min(1).max(1000) });
const band = z.object({ min: z.number().min(0).max(100), grade: z.union([z.number().int().min(1).max(5), z.enum(homeGrades)]) });
export const scorecard = z.object({
  criteria: z.array(criterion).min(1).max(10),
  bands: z.array(band).min(1).max(5),
  validityYears: z.number().int().min(1).max(10),
  recheckAfterYears: z.number().int().min(1).max(10),
  publicityDays: z.number().int().min(1).max(60),
});
export const scorecardsBody = z.object({ starRating: scorecard, workersHomeRating: scorecard });
export const scorecardsView = scorecardsBody.extend({ orgId: z.number().int(), own: z.boolean().describe('false: inherited from a federation above, or the defaults') });

const scores = z.array(z.object({ dimension, value: z.number().min(0).max(1000) })).min(1).max(10);
export const createRatingBody = z.object({
  orgId: id.describe('the union rated'),
  kind: z.enum(ratingKinds),
  level: z.enum(ratingLevels).describe('the level that names it'),
  year: z.number().int().min(2000).max(2100),
  selfScores: scores,
  evidence: z.array(text(500)).max(50).default([]),
});
export const reviewBody = z.object({ scores, comment: optionalText(1000) });
export const recheckBody = z.object({ passed: z.boolean(), reason: optionalText(500) });

export const ratingListQuery = pageQuery.extend({
  orgId: id.optional(),
  kind: z.enum(ratingKinds).optional(),
  status: z.enum(ratingStatuses).optional(),
  inForce: boolFlag.optional(),
});
export const ratingExportQuery = exportQueryOf(ratingListQuery);

export const ratingView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  reviewerOrgId: z.number().int(),
  reviewerOrgName: z.string(),
  kind: z.enum(ratingKinds),
  level: z.enum(ratingLevels),
  year: z.number().int(),
  status: z.enum(ratingStatuses),
  selfScore: z.number().describe('points out of 100'),
  score: z.number().nullable(),
  stars: z.number().int().nullable(),
  homeGrade: z.enum(homeGrades).nullable(),
  publicityLastDay: z.string().nullable(),
  namedOn: z.string().nullable(),
  certificateNo: z.string().nullable(),
  validUntil: z.string().nullable(),
  recheckDueOn: z.string().nullable(),
  inForce: z.boolean(),
  actions: z.array(z.literal('review')),
});
const scoreRow = z.object({ dimension, value: z.number() });
export const ratingDetail = ratingView.extend({
  scorecard,
  selfScores: z.array(scoreRow),
  reviewScores: z.array(scoreRow).nullable(),
  evidence: z.array(z.string()),
  reviewComment: z.string().nullable(),
  recheckedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
});

export const ratingStats = z.object({
  byStars: z.object({ '1': z.number().int(), '2': z.number().int(), '3': z.number().int(), '4': z.number().int(), '5': z.number().int() }),
  workersHomes: z.object({ county: z.number().int(), city: z.number().int(), province: z.number().int(), national: z.number().int() }),
});
