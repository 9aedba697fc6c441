import { z } from 'zod';
import { id, instant, isoDate, pageQuery, text } from '../../platform/validation.ts';
import { exportQueryOf } from '../../platform/exports.ts';
import { awardGrades, criterionKinds } from '../../platform/assessment/index.ts';
import { eventStatuses } from './rules.ts';

export const criterionInput = z.object({
  name: text(60),
  weight: z.number().int().min(1).max(100),
  kind: z.enum(criterionKinds),
  maxMarks: z.number().int().min(1).max(1000).nullish().describe('measurement criteria: the max marks (default: the weight); judgement criteria are marked 0–3'),
});

const awardRule = z.object({
  by: z.enum(['count', 'share']),
  first: z.number().int().min(0).max(100),
  second: z.number().int().min(0).max(100),
  third: z.number().int().min(0).max(100),
});

export const eventInput = z.object({
  name: text(60),
  maxAge: z.number().int().min(16).max(70).nullish(),
  occupation: text(60).nullish().describe('the occupation a recognised level is recorded under (default: the event’s name)'),
  level: z.number().int().min(1).max(5).nullish().describe('the skill level (1–5) the event is held at: winners may be recognised one level up'),
  awards: awardRule.nullish().describe('awards by count or by share in percent (default: share 10/20/30)'),
  criteria: z.array(criterionInput).min(1).max(20),
});

export const createBody = z.object({
  orgId: id,
  title: text(100),
  year: z.number().int().min(2000).max(2100),
  registrationOpensAt: instant,
  registrationClosesAt: instant,
  referenceDate: isoDate.nullish().describe('the day ages are counted on (default: the day registration closes)'),
  aggregation: z.enum(['mean', 'trimmed_mean']).nullish(),
  levelUpAwards: z.array(z.enum(awardGrades)).max(3).nullish().describe('awards whose winners are recognised one level up (人社部发〔2022〕14号); none by default'),
  events: z.array(eventInput).min(1).max(30),
});

export const createdContest = z.object({ id: z.number().int(), events: z.array(z.object({ id: z.number().int(), name: z.string() })) });

export const entryBody = z.object({ eventId: id, memberId: id.nullish().describe('the competitor; a member entering themself may omit it') });
export const judgeBody = z.object({ eventId: id, userId: id, chief: z.boolean().nullish() });
export const markBody = z.object({ marks: z.array(z.object({ criterionIndex: z.number().int().min(0).max(100), value: z.number() })).min(1).max(50) });
export const finishBody = z.object({ finishedAt: instant });
export const eventParams = z.object({ id, eventId: id });

export const listQuery = pageQuery.extend({ orgId: id.optional(), year: z.coerce.number().int().optional() });
export const entryExportQuery = exportQueryOf(pageQuery.extend({ eventId: id.optional() }));

const criterionView = z.object({ name: z.string(), weight: z.number(), kind: z.enum(criterionKinds), maxMarks: z.number().int() });
const awardView = z.enum(awardGrades).nullable();

export const contestSummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  year: z.number().int(),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  referenceDate: z.string(),
  events: z.number().int(),
  entries: z.number().int(),
});

export const eventView = z.object({
  id: z.number().int(),
  name: z.string(),
  maxAge: z.number().int().nullable(),
  occupation: z.string().nullable(),
  level: z.number().int().nullable(),
  awards: awardRule,
  criteria: z.array(criterionView),
  status: z.enum(eventStatuses),
  actions: z.array(z.enum(['lock', 'publish'])),
  judges: z.array(z.object({ id: z.number().int(), userId: z.number().int(), name: z.string(), chief: z.boolean() })),
  entries: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.number().int(),
      memberName: z.string(),
      unionName: z.string(),
      enterpriseName: z.string().nullable(),
      finishedAt: z.string().nullable(),
      sheetsComplete: z.number().int(),
      sheetsExpected: z.number().int(),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      award: awardView,
    }),
  ),
});

export const contestView = contestSummary.omit({ events: true, entries: true }).extend({
  aggregation: z.enum(['mean', 'trimmed_mean']),
  levelUpAwards: z.array(z.enum(awardGrades)),
  writes: z.boolean(),
  events: z.array(eventView),
});

export const result = z.object({
  entryId: z.number().int(),
  memberName: z.string(),
  score: z.number(),
  judgementScore: z.number(),
  finishedAt: z.string().nullable(),
  rank: z.number().int(),
  award: awardView,
  awardName: z.string().nullable(),
  skillLevelId: z.number().int().nullable(),
});
export const results = z.object({ results: z.array(result) });

export const openContest = z.object({
  id: z.number().int(),
  title: z.string(),
  orgName: z.string(),
  registrationClosesAt: z.string(),
  events: z.array(z.object({ id: z.number().int(), name: z.string(), maxAge: z.number().int().nullable(), entered: z.boolean() })),
});

export const myEntry = z.object({
  id: z.number().int(),
  contestId: z.number().int(),
  contestTitle: z.string(),
  eventName: z.string(),
  status: z.enum(eventStatuses),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  award: awardView,
  createdAt: z.string(),
});

export const judgingItem = z.object({
  eventId: z.number().int(),
  contestId: z.number().int(),
  contestTitle: z.string(),
  eventName: z.string(),
  status: z.enum(eventStatuses),
  chief: z.boolean(),
  actions: z.array(z.enum(['lock', 'publish'])),
  criteria: z.array(criterionView),
  entries: z.array(
    z.object({
      id: z.number().int(),
      memberName: z.string(),
      enterpriseName: z.string().nullable(),
      conflict: z.boolean(),
      marks: z.array(z.object({ criterionIndex: z.number().int(), value: z.number() })),
      complete: z.boolean(),
    }),
  ),
});

export const certificate = z.object({
  entryId: z.number().int(),
  certificateNo: z.string(),
  memberName: z.string(),
  enterpriseName: z.string().nullable(),
  contestTitle: z.string(),
  eventName: z.string(),
  year: z.number().int(),
  award: z.enum(awardGrades),
  awardName: z.string(),
  issuer: z.string(),
  publishedOn: z.string(),
});
