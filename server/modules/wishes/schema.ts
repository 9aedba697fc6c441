import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { wishStatuses } from './rules.ts';

export const wishBody = z.object({
  title: text(60),
  description: text(500),
  valueFen: z.number().int().min(0).max(100_000_000),
  memberId: id.nullish().describe('a cadre posts for a member of their scope; a worker posts for themselves'),
});
export const moderationBody = z.object({ approve: z.boolean(), reason: optionalText(200) });
export const wishView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  wisherName: z.string().describe('masked on the wall'),
  title: z.string(),
  description: z.string().nullable().describe('the personal narrative: for the wisher, the claimer and cadres in scope; null on the wall'),
  valueFen: z.number().int(),
  status: z.enum(wishStatuses),
  rejectReason: z.string().nullable(),
  claimerName: z.string().nullable(),
  claimedAt: z.string().nullable(),
  proofUrl: z.string().nullable(),
  proofNote: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(['claim', 'fulfil', 'confirm'])),
});
export const wishesOverviewView = z.object({ posted: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int() });
export const wishListQuery = pageQuery.extend({ orgId: id.optional(), status: z.enum(wishStatuses).optional() });
export const wishExportQuery = exportQueryOf(wishListQuery);
export const wallQuery = pageQuery.extend({ status: z.enum(['open', 'claimed', 'fulfilled', 'confirmed']).optional() });
