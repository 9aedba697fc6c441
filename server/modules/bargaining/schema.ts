import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { adoptionBodies, bargainingKinds, bargainingStatuses, BARGAINING_RULES, coverages, meetingModes, repSides, sides, surveyTopics, type TimelineStep, ARTICLES } from './rules.ts';

const count = z.number().int().min(0).max(1_000_000);
const topic = z.enum(surveyTopics);
const steps = Object.keys(ARTICLES) as [TimelineStep, ...TimelineStep[]];

export const createRoundBody = z.object({
  orgId: id.describe('the union bargaining for the workers'),
  enterpriseIds: z.array(id).min(1).max(500).describe('one enterprise, or many for an industry or area agreement'),
  kind: z.enum(bargainingKinds),
  proposedBy: z.enum(sides),
  proposedOn: isoDate.describe('the day the other side received the proposal (要约): the 20 days of art. 32 count from it'),
  coverage: z.enum(coverages).optional().describe('default: enterprise for one, industry for several'),
  title: text(100).optional(),
  renewsId: id.optional().describe('the agreement in force this round renews (only in its last 3 months, art. 38)'),
});
export const createdRound = z.object({ id: z.number().int(), status: z.literal('proposed'), replyDueOn: z.string() });

export const replyBody = z.object({ repliedOn: isoDate, accepted: z.boolean(), reason: optionalText(500) });

export const representativeBody = z.object({
  side: z.enum(repSides),
  name: text(50),
  chief: z.boolean(),
  memberId: id.optional().describe('the member, for a worker-side representative the workers can vote for'),
});
export const withdrawBody = z.object({ reason: text(200) });

export const voteBody = z.object({ representativeId: id });
export const surveyBody = z.object({
  priorities: z.array(topic).min(1).max(surveyTopics.length),
  expectedRaisePercent: z.number().int().min(0).max(100),
  comment: optionalText(500),
});

export const meetingBody = z.object({ heldOn: isoDate, mode: z.enum(meetingModes), place: optionalText(100), minutes: text(5000) });
export const draftBody = z.object({
  clauses: z.array(z.object({ topic, text: text(2000) })).min(1).max(30),
  termYears: z.number().int().min(BARGAINING_RULES.termYears.min).max(BARGAINING_RULES.termYears.max).describe('art. 38: 1 to 3 years'),
  note: optionalText(500),
});
export const createdDraft = z.object({ id: z.number().int(), version: z.number().int() });

export const adoptionBody = z.object({
  representatives: z.number().int().min(1).max(1_000_000).describe('all representatives of the congress (or all workers)'),
  attending: count,
  approving: count,
  body: z.enum(adoptionBodies).default('workers_congress'),
  heldOn: isoDate.optional().describe('default: today'),
});
export const adoptionRule = z.object({
  article: z.string(),
  minAttending: z.number().int(),
  minApproving: z.number().int(),
  attendanceMet: z.boolean(),
  approvalMet: z.boolean(),
});
export const adoptionView = z.object({ adopted: z.boolean(), rule: adoptionRule });

/** No body at all is the contract's call; an empty body reads as {} (Fastify hands a missing JSON body over as null). */
export const signBody = z.preprocess((v) => v ?? {}, z.object({ signedOn: isoDate.optional().describe('default: today') }));
export const signView = z.object({ filingDueOn: z.string() });
export const filingBody = z.object({ filedOn: isoDate });
export const filingView = z.object({ effectiveOn: z.string() });
export const reviewBody = z.object({ outcome: z.enum(['confirmed', 'objection']), decidedOn: isoDate });

export const roundListQuery = pageQuery.extend({
  orgId: id.optional(),
  status: z.enum(bargainingStatuses).optional(),
  kind: z.enum(bargainingKinds).optional(),
});
export const roundExportQuery = exportQueryOf(roundListQuery);

const roundBase = {
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  kind: z.enum(bargainingKinds),
  coverage: z.enum(coverages),
  status: z.enum(bargainingStatuses),
  proposedBy: z.enum(sides),
  proposedOn: z.string(),
  replyDueOn: z.string(),
  repliedOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  filingDueOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  termYears: z.number().int().nullable(),
  renewsId: z.number().int().nullable(),
  enterprises: z.number().int(),
};
export const roundView = z.object({ ...roundBase, actions: z.array(z.literal('manage')) });

const clause = z.object({ topic, text: z.string() });
const representativeView = z.object({
  id: z.number().int(),
  side: z.enum(repSides),
  name: z.string(),
  chief: z.boolean(),
  memberId: z.number().int().nullable(),
  status: z.enum(['active', 'withdrawn']),
  withdrawnReason: z.string().nullable(),
  votes: z.number().int(),
});
const draftView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  termYears: z.number().int(),
  note: z.string().nullable(),
  clauses: z.array(clause),
  changes: z.array(z.object({ topic, change: z.enum(['added', 'removed', 'changed']) })),
  createdAt: z.string(),
});
export const surveyResultsView = z.object({
  answers: z.number().int(),
  byTopic: z.record(topic, z.number().int()),
  meanRaisePercent: z.number().nullable(),
  medianRaisePercent: z.number().nullable(),
});
export const roundDetail = roundView.extend({
  enterpriseList: z.array(z.object({ id: z.number().int(), name: z.string() })),
  replyReason: z.string().nullable(),
  escalated: z.boolean(),
  representatives: z.array(representativeView),
  survey: surveyResultsView,
  meetings: z.array(z.object({ id: z.number().int(), heldOn: z.string(), mode: z.enum(meetingModes), place: z.string().nullable(), minutes: z.string() })),
  drafts: z.array(draftView),
  adoptions: z.array(z.object({ id: z.number().int(), body: z.enum(adoptionBodies), draftVersion: z.number().int(), representatives: z.number().int(), attending: z.number().int(), approving: z.number().int(), adopted: z.boolean(), heldOn: z.string() })),
  timeline: z.array(z.object({ step: z.enum(steps), article: z.string(), on: z.string().nullable(), dueOn: z.string().nullable(), late: z.boolean() })),
  statute: z.string(),
  templates: z.array(clause),
});

/** What a covered member sees on the phone. */
export const myRoundView = z.object({
  ...roundBase,
  candidates: z.array(z.object({ id: z.number().int(), name: z.string(), chief: z.boolean(), votes: z.number().int(), votedByMe: z.boolean() })),
  surveyAnswered: z.boolean(),
  open: z.boolean().describe('the survey and the election are open until the draft is adopted'),
  agreement: z.object({ version: z.number().int(), termYears: z.number().int(), clauses: z.array(clause) }).nullable(),
});

export const bargainingOverviewView = z.object({
  rounds: z.number().int(),
  inForce: z.number().int(),
  enterprisesCovered: z.number().int(),
  negotiating: z.number().int(),
});
