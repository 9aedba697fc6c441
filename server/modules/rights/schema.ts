import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, mobilePhone, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { caseStatuses, outcomes, RATING_MAX, RATING_MIN, rightsCategories, rightsChannels, stepKinds } from './rules.ts';

const fen = z.number().int().min(0).max(10_000_000_000);
export const category = z.enum(rightsCategories);
export const status = z.enum(caseStatuses);
const sla = z.enum(['overdue', 'due_soon', 'on_time', 'none']);

export const rightsSettings = z.object({
  acceptWorkingDays: z.number().int().min(1).max(30),
  progressDays: z.number().int().min(1).max(90),
});
export const rightsSettingsView = z.object({ orgId: z.number().int(), own: z.boolean(), settings: rightsSettings });

const caseFields = {
  category,
  enterpriseId: id.nullish().describe('an enterprise of the tree; the case goes to its union (or its street)'),
  employerName: optionalText(100).describe('the employer in free text, when it is not in the tree'),
  orgId: id.nullish().describe('the street (or union) to ask when neither a member record nor an enterprise says which'),
  amountFen: fen.nullish().describe('the amount at stake, in fen (personal data: stored encrypted)'),
  narrative: text(5000).describe('what happened (personal data: stored encrypted, never listed)'),
  consent: z.literal(true, 'consent_required'),
};

/** The worker's own request, from the phone. */
export const createCaseBody = z.object(caseFields);
/** A cadre's intake of a walk-in or a 12351 call. */
export const intakeBody = z.object({
  ...caseFields,
  channel: z.enum(['walk_in', 'hotline']),
  applicantName: text(50),
  phone: mobilePhone.nullish(),
  memberId: id.nullish().describe('the applicant’s member record, when they are a member'),
});
export const createdCase = z.object({ id: z.number().int(), caseNo: z.string(), status: z.literal('submitted') });

export const declineBody = z.object({ reason: text(500) });
export const stepBody = z.object({ kind: z.enum(stepKinds), note: text(2000) });
export const closeBody = z.object({ outcome: z.enum(outcomes), recoveredFen: fen.nullish() });
export const ratingBody = z.object({ score: z.number().int().min(RATING_MIN).max(RATING_MAX), comment: optionalText(500) });
export const assignBody = z.object({ userId: id });

export const myCaseItem = z.object({ id: z.number().int(), caseNo: z.string(), category, status, updatedAt: z.string() });
export const myCases = z.object({ items: z.array(myCaseItem) });
const publicStep = z.object({ id: z.number().int(), kind: z.enum(stepKinds), note: z.string(), createdAt: z.string() });
/** What the worker sees of their case: status and steps, never internal notes. */
export const myCaseDetail = myCaseItem.extend({
  orgName: z.string(),
  createdAt: z.string(),
  declineReason: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  recoveredFen: z.number().int().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  steps: z.array(publicStep.omit({ note: true }).extend({ note: z.string() })),
  canRate: z.boolean(),
});

export const caseListItem = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  channel: z.enum(rightsChannels),
  category,
  applicantName: z.string(),
  employer: z.string().nullable(),
  status,
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  due: z.string().nullable().describe('the deadline running now: acceptance, then progress'),
  sla,
  escalated: z.boolean(),
  rating: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const caseListQuery = pageQuery.extend({
  orgId: id.optional(),
  status: status.optional(),
  category: category.optional(),
  channel: z.enum(rightsChannels).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  q: z.string().trim().max(50).optional().describe('a case number'),
});
export const caseExportQuery = exportQueryOf(caseListQuery);

export const caseDetail = caseListItem.extend({
  narrative: z.string(),
  amountFen: z.number().int().nullable(),
  phone: z.string().nullable(),
  memberId: z.number().int().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  recoveredFen: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  steps: z.array(publicStep.extend({ internal: z.boolean(), byName: z.string().nullable() })),
  attachments: z.array(z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: z.string() })),
  actions: z.array(z.enum(['accept', 'decline', 'step', 'close', 'assign'])),
});
export const attachmentView = z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: z.string() });

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);
export const rightsStats = z.object({
  orgId: z.number().int(),
  total: z.number().int(),
  byCategory: countsOf(rightsCategories),
  byStatus: countsOf(caseStatuses),
  overdue: z.number().int(),
  recoveredFen: z.number().int(),
  meanRating: z.number().nullable(),
  ratings: z.number().int(),
});
