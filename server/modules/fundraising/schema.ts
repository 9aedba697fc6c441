import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { entryKinds, partyKinds } from './rules.ts';

const fen = z.number().int().min(0).max(10_000_000_000);
const units = z.number().int().min(1).max(10_000_000);

// ---- fundraisers ----

export const createFundraiserBody = z.object({
  orgId: id,
  title: text(100),
  description: optionalText(2000),
  goalFen: fen.describe('the money goal in fen; 0 for a goods-only drive'),
  goods: z
    .array(z.object({ name: text(50), unit: text(10).describe('套, 件, 箱 …'), goal: units }))
    .max(20)
    .default([])
    .refine((g) => new Set(g.map((x) => x.name)).size === g.length, 'fundraiser_goods_duplicate')
    .describe('goods goals: 400 套冬装'),
});

const goodsView = z.object({ id: z.number().int(), name: z.string(), unit: z.string(), goal: z.number().int(), raised: z.number().int(), spent: z.number().int() });

export const fundraiserView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  goalFen: z.number().int(),
  raisedFen: z.number().int(),
  spentFen: z.number().int(),
  balanceFen: z.number().int(),
  goods: z.array(goodsView),
  donations: z.number().int(),
  createdAt: z.string(),
});
export const fundraiserListQuery = pageQuery.extend({ orgId: id.optional() });
export const fundraiserExportQuery = exportQueryOf(fundraiserListQuery);

// ---- the ledger ----

const goodsLines = z.array(z.object({ name: text(50), quantity: units })).max(20).default([]);

export const donationBody = z.object({
  donorName: text(100),
  donorKind: z.enum(partyKinds).default('public'),
  memberId: id.nullish().describe('the donating member (donorKind member): they earn love points and are told'),
  amountFen: fen.optional(),
  goods: goodsLines,
  showName: z.boolean().default(false).describe('the donor agreed to be named on the public ledger; masked otherwise'),
  note: optionalText(500),
});
export const donationCreated = z.object({ id: z.number().int(), receiptNo: z.string() });

export const disbursementBody = z.object({
  recipientName: text(100),
  recipientKind: z.enum(partyKinds).default('member'),
  memberId: id.nullish(),
  hardshipFileId: id.nullish().describe('the recipient’s hardship file (困难职工档案), when there is one'),
  amountFen: fen.optional(),
  goods: goodsLines,
  note: optionalText(500),
});

const proofView = z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: z.string() });

export const entryView = z.object({
  id: z.number().int(),
  kind: z.enum(entryKinds),
  amountFen: z.number().int(),
  partyName: z.string(),
  partyKind: z.enum(partyKinds),
  memberId: z.number().int().nullable(),
  showName: z.boolean(),
  hardshipFileId: z.number().int().nullable(),
  receiptNo: z.string().nullable(),
  note: z.string().nullable(),
  goods: z.array(z.object({ name: z.string(), unit: z.string(), quantity: z.number().int() })),
  proofs: z.array(proofView),
  createdAt: z.string(),
});
export const entryListQuery = pageQuery.extend({ kind: z.enum(entryKinds).optional() });
export const entryExportQuery = exportQueryOf(entryListQuery);

export const receiptView = z.object({
  id: z.number().int(),
  receiptNo: z.string(),
  fundraiserTitle: z.string(),
  orgName: z.string(),
  donorName: z.string(),
  amountFen: z.number().int(),
  goods: z.array(z.object({ name: z.string(), unit: z.string(), quantity: z.number().int() })),
  createdAt: z.string(),
});
export { proofView };

// ---- the public ledger ----

export const publicFundraiser = z.object({
  id: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  goalFen: z.number().int(),
  raisedFen: z.number().int(),
  spentFen: z.number().int(),
  balanceFen: z.number().int(),
  goods: z.array(goodsView.omit({ id: true })),
});
export const publicLedger = publicFundraiser.extend({
  entries: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(entryKinds),
      amountFen: z.number().int(),
      name: z.string().describe('a donor’s name only when they agreed, else masked; a recipient’s always masked'),
      receiptNo: z.string().nullable(),
      goods: z.array(z.object({ name: z.string(), unit: z.string(), quantity: z.number().int() })),
      hasProof: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});

export const fundraisingOverviewView = z.object({
  fundraisers: z.number().int(),
  raisedFen: z.number().int(),
  spentFen: z.number().int(),
  donations: z.number().int(),
});
