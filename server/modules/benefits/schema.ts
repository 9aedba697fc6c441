import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, instant, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { benefitKinds } from './rules.ts';

export const createBenefitBody = z.object({
  orgId: id,
  title: text(100),
  kind: z.enum(benefitKinds).default('other'),
  description: optionalText(1000),
  stock: z.number().int().min(1).max(1_000_000),
  claimFrom: instant,
  claimUntil: instant,
  gender: z.enum(['male', 'female']).nullish().describe('only members of this gender (女神节)'),
  minTenureMonths: z.number().int().min(1).max(600).nullish().describe('at least this many months of membership'),
});

export const benefitView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string(),
  kind: z.enum(benefitKinds),
  description: z.string().nullable(),
  stock: z.number().int(),
  claimed: z.number().int(),
  redeemed: z.number().int(),
  claimFrom: z.string(),
  claimUntil: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  minTenureMonths: z.number().int().nullable(),
});
export const benefitListQuery = pageQuery.extend({ orgId: id.optional() });
export const benefitExportQuery = exportQueryOf(benefitListQuery);

export const myBenefit = benefitView.omit({ redeemed: true }).extend({
  left: z.number().int(),
  code: z.string().nullable().describe('my redemption code, once claimed'),
  redeemedAt: z.string().nullable(),
});

export const redeemBody = z.object({ code: z.string().trim().toUpperCase().min(4).max(20) });
export const redeemVerdict = z.object({
  valid: z.boolean(),
  reason: z.enum(['unknown', 'redeemed']).optional().describe('unknown: no such code among the members you serve; redeemed: used before'),
  title: z.string().optional(),
  memberName: z.string().optional().describe('masked'),
  orgName: z.string().optional(),
  redeemedAt: z.string().optional(),
});
export const benefitsOverviewView = z.object({ benefits: z.number().int(), claims: z.number().int(), redeemed: z.number().int() });
