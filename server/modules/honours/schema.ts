import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { boolFlag, id, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { holderKinds, honourLevels, MARK_MAX, modelWorkerKinds, selectionStatuses, studioKinds } from './rules.ts';

export const level = z.enum(honourLevels);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month_format');
const year = z.number().int().min(1950).max(2100);
const fen = z.number().int().min(0).max(1_000_000_000);

// ---- settings ----

export const honourSettings = z.object({
  modelWorkerAllowanceFen: z.object({ national: fen, province: fen, city: fen, county: fen }),
  wageUpliftPercent: z.object({ national: z.number().min(0).max(100), province: z.number().min(0).max(100), city: z.number().min(0).max(100), county: z.number().min(0).max(100) }),
  craftsmanAllowanceFen: fen,
  selectionPeriodYears: z.number().int().min(1).max(10),
  publicityDays: z.number().int().min(1).max(60),
  candidateMaxAge: z.number().int().min(16).max(80),
});
export const settingsView = z.object({ orgId: z.number().int(), own: z.boolean().describe('false: inherited from a federation above, or the rules’ defaults'), settings: honourSettings });

// ---- model workers and the ledger ----

export const createModelWorkerBody = z.object({
  orgId: id,
  memberId: id.nullish().describe('the member record, when the person is a member; the name is then taken from it'),
  name: text(50).nullish().describe('required when memberId is absent'),
  employer: optionalText(100),
  kind: z.enum(modelWorkerKinds).default('model_worker'),
  level,
  title: text(100),
  year,
});

export const modelWorkerView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  memberId: z.number().int().nullable(),
  name: z.string(),
  employer: z.string().nullable(),
  kind: z.enum(modelWorkerKinds),
  level,
  title: z.string(),
  year: z.number().int(),
  status: z.enum(['active', 'ended']),
  monthlyAllowanceFen: z.number().int(),
  wageUpliftPercent: z.number(),
  verifiedYear: z.number().int().nullable().describe('the latest year verified alive and in post'),
  verifiedThisYear: z.boolean(),
  balanceFen: z.number().int().describe('sum of the ledger'),
  actions: z.array(z.enum(['verify'])),
});
export const modelWorkerListQuery = pageQuery.extend({
  orgId: id.optional(),
  level: level.optional(),
  unverified: boolFlag.optional().describe('only active model workers without this year’s verification'),
});
export const modelWorkerExportQuery = exportQueryOf(modelWorkerListQuery);

export const verificationBody = z.object({ year, alive: z.boolean(), inPost: z.boolean(), note: optionalText(200) });

export const ledgerEntryView = z.object({
  id: z.number().int(),
  kind: z.enum(['allowance', 'reversal']),
  month: z.string().nullable(),
  amountFen: z.number().int(),
  reversesId: z.number().int().nullable(),
  reversed: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export const ledgerView = z.object({
  holderKind: z.enum(holderKinds),
  holderId: z.number().int(),
  name: z.string(),
  items: z.array(ledgerEntryView),
  balanceFen: z.number().int(),
  verifications: z.array(z.object({ year: z.number().int(), alive: z.boolean(), inPost: z.boolean(), note: z.string().nullable(), verifiedAt: z.string() })),
});
export const reversalBody = z.object({ reason: text(200) });

export const allowanceRunBody = z.object({ orgId: id, month });
export const allowanceRunView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  month: z.string(),
  status: z.enum(['queued', 'done']),
  paid: z.number().int(),
  skipped: z.number().int(),
  totalFen: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const allowanceRunListQuery = pageQuery.extend({ orgId: id.optional() });

// ---- studios ----

export const createStudioBody = z.object({
  orgId: id,
  enterpriseId: id.nullish(),
  name: text(100),
  kind: z.enum(studioKinds),
  leaderModelWorkerId: id.nullish(),
  leaderCraftsmanId: id.nullish(),
  foundedOn: isoDate,
  members: z.array(text(50)).max(100).default([]),
});
export const studioMemberBody = z.object({ name: text(50).nullish(), memberId: id.nullish() });
export const achievementBody = z
  .object({ kind: z.enum(['patent', 'improvement']), title: text(200), year, patentNo: optionalText(50), savingsFen: fen.default(0) })
  .refine((a) => a.kind !== 'patent' || !!a.patentNo, { message: 'patent_no_required', path: ['patentNo'] });
export const assessmentBody = z.object({ year, level, passed: z.boolean(), note: optionalText(200) });

const studioFigures = { members: z.number().int(), patents: z.number().int(), improvements: z.number().int(), savingsFen: z.number().int() };
export const studioView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  name: z.string(),
  kind: z.enum(studioKinds),
  leaderName: z.string(),
  foundedOn: z.string(),
  level: level.nullable(),
  ...studioFigures,
});
export const studioDetail = studioView.extend({
  memberList: z.array(z.object({ id: z.number().int(), name: z.string(), memberId: z.number().int().nullable() })),
  achievements: z.array(z.object({ id: z.number().int(), kind: z.enum(['patent', 'improvement']), title: z.string(), year: z.number().int(), patentNo: z.string().nullable(), savingsFen: z.number().int() })),
  assessments: z.array(z.object({ id: z.number().int(), year: z.number().int(), level, passed: z.boolean(), note: z.string().nullable() })),
});
export const studioListQuery = pageQuery.extend({ orgId: id.optional(), level: level.optional() });
export const studioExportQuery = exportQueryOf(studioListQuery);
export const studioStats = z.object({
  total: z.number().int(),
  byLevel: z.object({ national: z.number().int(), province: z.number().int(), city: z.number().int(), county: z.number().int(), none: z.number().int() }),
  patents: z.number().int(),
  improvements: z.number().int(),
  savingsFen: z.number().int(),
});

// ---- craftsman selections ----

export const createSelectionBody = z.object({ orgId: id, title: text(100), year, quota: z.number().int().min(1).max(500) });
export const candidateBody = z.object({ memberId: id });
export const judgeBody = z.object({ userId: id });
export const markBody = z.object({ value: z.number().int().min(0).max(MARK_MAX) });
export const objectionBody = z.object({ reason: text(500) });
export const objectionDecisionBody = z.object({ upheld: z.boolean() });

export const candidateView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  name: z.string(),
  enterpriseName: z.string().nullable(),
  status: z.enum(['candidate', 'named', 'not_named']),
  marks: z.number().int().describe('marks given'),
  score: z.number().nullable().describe('mean mark'),
  rank: z.number().int().nullable(),
  objections: z.array(z.object({ id: z.number().int(), reason: z.string(), status: z.enum(['open', 'upheld', 'dismissed']) })),
});
export const selectionView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  year: z.number().int(),
  quota: z.number().int(),
  status: z.enum(selectionStatuses),
  publicityLastDay: z.string().nullable().describe('the last day of publicity, inclusive (YYYY-MM-DD)'),
  candidates: z.number().int(),
  actions: z.array(z.enum(['manage'])),
});
export const selectionDetail = selectionView.extend({
  judges: z.array(z.object({ userId: z.number().int(), name: z.string() })),
  ranking: z.array(candidateView),
});
export const selectionListQuery = pageQuery.extend({ orgId: id.optional() });

export const craftsmanView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  memberId: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  validUntil: z.number().int(),
  status: z.enum(['valid', 'expired']),
  renewed: z.boolean(),
  balanceFen: z.number().int(),
});
export const craftsmanListQuery = pageQuery.extend({ orgId: id.optional(), status: z.enum(['valid', 'expired']).optional() });

export const markingItem = z.object({
  candidateId: z.number().int(),
  name: z.string(),
  enterpriseName: z.string().nullable(),
  selectionId: z.number().int(),
  selectionTitle: z.string(),
  myMark: z.number().int().nullable(),
});

/** The data screen's honours section (platform/overview.ts). */
export const honoursOverviewView = z.object({
  modelWorkers: z.number().int().describe('active model workers and advanced workers'),
  modelWorkersByLevel: z.object({ national: z.number().int(), province: z.number().int(), city: z.number().int(), county: z.number().int() }),
  craftsmen: z.number().int().describe('valid craftsman titles'),
  studios: z.number().int(),
  studioSavingsFen: z.number().int(),
});
