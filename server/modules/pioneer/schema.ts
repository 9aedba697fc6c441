import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import {
  awards,
  campaignStatuses,
  candidateStatuses,
  dimensions,
  incidentKinds,
  levels,
  pioneerTypes,
  scoringMethods,
  DEFAULT_PUBLICITY_DAYS,
} from './rules.ts';

export const pioneerType = z.enum(pioneerTypes);
export const dimension = z.enum(dimensions);
export const level = z.enum(levels);
export const scoringMethod = z.enum(scoringMethods);
export const award = z.enum(awards);
export const campaignStatus = z.enum(campaignStatuses);
export const candidateStatus = z.enum(candidateStatuses);
export const incidentKind = z.enum(incidentKinds);
const int = z.number().int();
/** A score out of 100 with two decimals. */
const score = z.number().describe('out of 100, two decimals');

// ---------- standards ----------

export const weights = z.object(Object.fromEntries(dimensions.map((d) => [d, z.number().int().min(0).max(100)])) as Record<(typeof dimensions)[number], z.ZodNumber>);

export const criterionView = z.object({ id: int, dimension, position: int, title: z.string(), description: z.string().nullable(), maxPoints: int });
export const standardView = z.object({
  id: int,
  orgId: int.nullable().describe('null for the built-in standard'),
  type: pioneerType,
  version: int,
  name: z.string(),
  weights,
  createdAt: z.string(),
  criteria: z.array(criterionView),
});
export const standardListQuery = z.object({ orgId: id.optional().describe('the standards a campaign of this federation would freeze now') });
export const createStandardBody = z.object({
  orgId: id,
  type: pioneerType,
  name: text(100),
  weights,
  criteria: z
    .array(z.object({ dimension, title: text(100), description: optionalText(500), maxPoints: z.number().int().min(1).max(100) }))
    .min(5)
    .max(60),
});

// ---------- campaigns ----------

export const createCampaignBody = z.object({
  orgId: id.describe('the county federation opening the campaign: its subtree is the scope'),
  name: text(100),
  year: z.number().int().min(2000).max(2100),
  registrationDeadline: isoDate,
  assessmentDeadline: isoDate,
  scoringDeadline: isoDate,
  publicityDays: z.number().int().min(1).max(30).default(DEFAULT_PUBLICITY_DAYS),
  quota: z.number().int().min(1).max(10000),
  scoringMethod: scoringMethod.default('trimmed_mean'),
});

export const campaignView = z.object({
  id: int,
  orgId: int,
  orgName: z.string(),
  name: z.string(),
  year: int,
  level,
  registrationDeadline: z.string(),
  assessmentDeadline: z.string(),
  scoringDeadline: z.string(),
  publicityDays: int,
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable().describe('the last day of publicity'),
  quota: int,
  scoringMethod,
  status: campaignStatus,
  namedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  standards: z.array(z.object({ type: pioneerType, standardId: int, version: int })).describe('the versions frozen when the campaign opened'),
  progress: z.object({
    candidates: int.describe('registered and not withdrawn'),
    byStatus: z.record(z.string(), int),
    teams: int,
    workers: int,
    assignments: int,
    marksGiven: int,
    marksExpected: int,
    openObjections: int,
  }),
  actions: z.array(z.string()).describe('the transitions the caller may make: legal from the current state, on a campaign they manage (their guards may still refuse)'),
});
export const campaignListQuery = pageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: campaignStatus.optional() });
export const campaignExportQuery = exportQueryOf(campaignListQuery);

export const transitionBody = z.discriminatedUnion('transition', [
  z.object({ transition: z.literal('close_registration') }),
  z.object({ transition: z.literal('start_scoring') }),
  z.object({ transition: z.literal('aggregate') }),
  z.object({ transition: z.literal('start_publicity'), nominees: z.array(id).max(10000) }),
  z.object({ transition: z.literal('name'), documentNo: optionalText(60) }),
  z.object({ transition: z.literal('cancel'), reason: text(200) }),
]);

// ---------- candidates ----------

export const registerBody = z.object({ teamId: id, type: pioneerType, workerCount: z.number().int().min(1).max(100000) });
export const markInput = z.object({ criterionId: id, points: z.number().int().min(0).max(100) });
export const selfAssessmentBody = z.object({ summary: text(5000), scores: z.array(markInput).max(100) });

export const evidenceView = z.object({ id: int, fileName: z.string(), contentType: z.string(), size: int, sha256: z.string(), createdAt: z.string() });

/** Where a registered or titled team sits: its enterprise, and the union covering that enterprise. */
const teamPlace = { teamId: int, teamName: z.string(), enterpriseId: int, enterpriseName: z.string(), orgId: int, orgName: z.string() };

export const candidateItem = z.object({
  id: int,
  campaignId: int,
  ...teamPlace,
  type: pioneerType,
  workerCount: int,
  status: candidateStatus,
  score: score.nullable(),
  rank: int.nullable(),
  award: award.nullable(),
  judges: int,
  submittedAt: z.string().nullable(),
});
export const candidateListQuery = pageQuery.extend({ status: candidateStatus.optional(), type: pioneerType.optional() });
export const candidateExportQuery = exportQueryOf(candidateListQuery);

export const candidateDetail = candidateItem.extend({
  selfSummary: z.string().nullable(),
  selfScores: z.array(z.object({ criterionId: int, points: int })),
  criteria: z.array(criterionView),
  evidence: z.array(evidenceView),
  assignments: z.array(
    z.object({
      id: int,
      judgeId: int,
      judgeName: z.string(),
      marksGiven: int,
      total: score.nullable().describe('this judge’s total, once every criterion is marked'),
    }),
  ),
  objections: z.array(z.object({ id: int, reason: z.string(), status: z.enum(['open', 'upheld', 'dismissed']), resolution: z.string().nullable(), createdAt: z.string() })),
});

export const assignBody = z.object({ judgeId: id });
export const awardBody = z.object({ award: award.nullable() });

// ---------- judges ----------

export const assignmentView = z.object({
  id: int,
  campaignId: int,
  campaignName: z.string(),
  campaignStatus,
  scoringDeadline: z.string(),
  candidateId: int,
  teamName: z.string(),
  enterpriseName: z.string(),
  type: pioneerType,
  selfSummary: z.string().nullable(),
  evidence: z.array(evidenceView),
  criteria: z.array(criterionView),
  weights,
  marks: z.array(z.object({ criterionId: int, points: int })),
  complete: z.boolean(),
});
export const marksBody = z.object({ scores: z.array(markInput).min(1).max(100) });

// ---------- publicity and objections ----------

export const publicityView = z.object({
  campaignId: int,
  name: z.string(),
  year: int,
  level,
  orgName: z.string(),
  publicityStart: z.string(),
  publicityEnd: z.string(),
  nominees: z.array(z.object({ candidateId: int, teamName: z.string(), enterpriseName: z.string(), unionName: z.string(), type: pioneerType, score })),
});
export const objectionBody = z.object({ reason: text(1000) });
export const objectionView = z.object({
  id: int,
  campaignId: int,
  candidateId: int,
  teamName: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const resolveBody = z.object({ outcome: z.enum(['upheld', 'dismissed']).describe('upheld: the candidate is not named'), resolution: text(1000) });

// ---------- titles ----------

export const titleItem = z.object({
  id: int,
  ...teamPlace,
  type: pioneerType,
  level,
  year: int,
  namedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  source: z.enum(['campaign', 'recommendation', 'import']),
  status: z.enum(['active', 'revoked']),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
});
export const titleListQuery = pageQuery.extend({
  orgId: id.optional().describe('this org’s whole subtree'),
  level: level.optional(),
  type: pioneerType.optional(),
  status: z.enum(['active', 'revoked']).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  q: z.string().trim().max(50).optional().describe('team or enterprise name'),
});
export const titleExportQuery = exportQueryOf(titleListQuery);

export const recommendationView = z.object({
  id: int,
  titleId: int,
  toLevel: level,
  recommendedOn: z.string(),
  status: z.enum(['pending', 'named', 'not_named']),
  decidedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  resultTitleId: int.nullable(),
});
export const inspectionView = z.object({
  id: int,
  titleId: int,
  dueOn: z.string(),
  status: z.enum(['scheduled', 'done']),
  result: z.enum(['passed', 'rectify', 'failed']).nullable(),
  notes: z.string().nullable(),
  inspectedOn: z.string().nullable(),
});
export const revocationView = z.object({
  id: int,
  titleId: int,
  status: z.enum(['proposed', 'confirmed', 'dismissed']),
  reason: z.string(),
  incidentId: int.nullable(),
  proposedOn: z.string(),
  decidedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export const rewardView = z.object({ id: int, titleId: int, awardedOn: z.string(), description: z.string(), amountFen: int.nullable() });

export const titleHistory = titleItem.extend({
  campaign: z
    .object({ id: int, name: z.string(), year: int, score: score.nullable(), rank: int.nullable(), award: award.nullable() })
    .nullable()
    .describe('the campaign that named it, when there was one'),
  /** every title of the same team, lowest level first: the path up the levels */
  ladder: z.array(z.object({ id: int, level, year: int, status: z.enum(['active', 'revoked']), source: z.enum(['campaign', 'recommendation', 'import']) })),
  recommendations: z.array(recommendationView),
  inspections: z.array(inspectionView),
  revocations: z.array(revocationView),
  rewards: z.array(rewardView),
  events: z.array(z.object({ on: z.string(), kind: z.string(), text: z.string() })).describe('everything above as one dated timeline, oldest first'),
});

export const certificateView = z.object({
  titleId: int,
  certificateNo: z.string(),
  title: z.string().describe('e.g. 嘉善县“工人先锋号”（安全生产型）'),
  teamName: z.string(),
  enterpriseName: z.string(),
  type: pioneerType,
  typeName: z.string(),
  level,
  levelName: z.string(),
  year: int,
  namedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuer: z.string().describe('the naming federation, or the level’s name for titles recorded from higher levels'),
  status: z.enum(['active', 'revoked']),
});

export const recommendBody = z.object({ recommendedOn: isoDate.optional().describe('defaults to today') });
export const decisionBody = z.object({ outcome: z.enum(['named', 'not_named']), decidedOn: isoDate, documentNo: optionalText(60) });
export const inspectionBody = z.object({ dueOn: isoDate });
export const inspectionResultBody = z.object({ result: z.enum(['passed', 'rectify', 'failed']), inspectedOn: isoDate, notes: optionalText(1000) });
export const revokeBody = z.object({ reason: text(500), revokedOn: isoDate });
export const revocationDecisionBody = z.object({ outcome: z.enum(['confirmed', 'dismissed']), decidedOn: isoDate, note: optionalText(500) });
export const rewardBody = z.object({ awardedOn: isoDate, description: text(200), amountFen: z.number().int().min(0).max(1_000_000_000).nullish() });

// ---------- incidents ----------

export const incidentBody = z.object({ enterpriseId: id, kind: incidentKind, occurredOn: isoDate, description: text(500) });
export const incidentView = z.object({
  id: int,
  enterpriseId: int,
  enterpriseName: z.string(),
  kind: incidentKind,
  occurredOn: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
export const incidentListQuery = pageQuery.extend({ enterpriseId: id.optional() });

// ---------- statistics ----------

const byLevel = z.object({ county: int, city: int, province: int, national: int });
const byType = z.object({ modern_management: int, tech_innovation: int, safe_production: int, quality_service: int, model_education: int });
export const pioneerStats = z.object({ byLevel, byType, activeTitles: int });
export const dashboardQuery = z.object({ orgId: id.optional().describe('defaults to the caller’s whole scope') });
export const dashboardView = pioneerStats.extend({
  campaigns: z.array(
    z.object({ id: int, name: z.string(), year: int, status: campaignStatus, candidates: int, teams: int, workers: int, named: int }),
  ),
});
