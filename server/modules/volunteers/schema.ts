import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, optionalText, pageQuery, text } from '../../platform/validation.ts';

// ---- love points ----

export const lovePointsMine = z.object({
  balance: z.number().int(),
  entries: z.array(z.object({ points: z.number().int().describe('positive: earned; negative: spent'), reason: z.string(), at: z.string() })),
});

export const rankingQuery = z.object({ orgId: id.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const rankingView = z.object({
  year: z.number().int(),
  items: z.array(z.object({ rank: z.number().int(), memberId: z.number().int(), name: z.string(), orgName: z.string(), points: z.number().int(), hours: z.number().int() })),
});

// ---- the points shop ----

export const goodsBody = z.object({
  orgId: id,
  name: text(60),
  description: optionalText(500),
  points: z.number().int().min(1).max(100_000),
  stock: z.number().int().min(0).max(100_000),
});
export const goodsView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  points: z.number().int(),
  stock: z.number().int(),
  redeemed: z.number().int(),
  stockLeft: z.number().int(),
  active: z.boolean(),
});
export const goodsListQuery = pageQuery.extend({ orgId: id.optional() });
export const goodsExportQuery = exportQueryOf(goodsListQuery);
export const redemptionListQuery = pageQuery.extend({ goodsId: id.optional() });
export const redemptionView = z.object({
  id: z.number().int(),
  goodsId: z.number().int(),
  goodsName: z.string(),
  memberName: z.string(),
  points: z.number().int(),
  status: z.enum(['pending', 'delivered']),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
