import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { isValidUscc } from '../../platform/identity.ts';
import { id, isoDate, mobilePhone, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { itemStatuses, lists, partnerKinds, RATING_MAX, RATING_MIN } from './rules.ts';

/** The 18-character unified social credit code (GB 32100-2015), its check character verified. */
const uscc = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidUscc, 'uscc_checksum');

// ---- partners ----

export const partnerBody = z.object({
  orgId: id,
  name: text(100),
  kind: z.enum(partnerKinds),
  uscc: uscc.nullish().describe('统一社会信用代码, when the unit has one'),
  contactName: optionalText(50),
  contactPhone: mobilePhone.nullish(),
  agreementFrom: isoDate.nullish(),
  agreementUntil: isoDate.nullish(),
});
export const partnerPatch = partnerBody.omit({ orgId: true }).partial();
export const partnerView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(partnerKinds),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('masked'),
  agreementFrom: z.string().nullable(),
  agreementUntil: z.string().nullable(),
  contacts: z.number().int().describe('contact accounts'),
  published: z.number().int(),
  claimed: z.number().int().describe('items of the union this partner claimed'),
  done: z.number().int().describe('claims of this partner done or rated'),
  averageRating: z.number().nullable(),
});
export const partnerListQuery = pageQuery.extend({ orgId: id.optional(), kind: z.enum(partnerKinds).optional(), q: z.string().trim().max(50).optional() });
export const partnerExportQuery = exportQueryOf(partnerListQuery);
export const contactBody = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username_format'),
  displayName: text(50),
  password: z.string().max(128),
  phone: mobilePhone.nullish(),
});

// ---- list items ----

export const listItemBody = z.object({
  orgId: id,
  partnerId: id.nullish().describe('the publishing partner; absent: the union publishes. A partner contact always publishes for its own partner'),
  list: z.enum(lists),
  title: text(100),
  description: text(2000),
});
export const claimView = z.object({
  id: z.number().int(),
  partnerId: z.number().int().nullable(),
  partnerName: z.string().nullable().describe('null: the union claimed'),
  status: z.enum(['claimed', 'in_progress', 'done', 'withdrawn']),
  claimedAt: z.string(),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
  photoUrl: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
});
export const listItemView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  partnerId: z.number().int().nullable(),
  partnerName: z.string().nullable(),
  side: z.enum(['union', 'partner']),
  list: z.enum(lists),
  title: z.string(),
  description: z.string(),
  status: z.enum(itemStatuses),
  createdAt: z.string(),
  claim: claimView.nullable().describe('the current claim (not withdrawn)'),
  actions: z.array(z.enum(['claim', 'start', 'finish', 'withdraw', 'rate'])).describe('what the caller may do now'),
});
export const listItemQuery = pageQuery.extend({
  orgId: id.optional(),
  partnerId: id.optional(),
  side: z.enum(['union', 'partner']).optional().describe('the publishing side'),
  list: z.enum(lists).optional(),
  status: z.enum(itemStatuses).optional(),
});
export const listItemExportQuery = exportQueryOf(listItemQuery);
export const boardQuery = pageQuery.extend({ list: z.enum(lists).optional(), status: z.enum(itemStatuses).optional() });
export const ratingBody = z.object({ rating: z.number().int().min(RATING_MIN).max(RATING_MAX), comment: optionalText(500) });
export const statsQuery = z.object({ orgId: id.optional() });
export const cobuildingOverviewView = z.object({
  partners: z.number().int(),
  need: z.number().int(),
  resource: z.number().int(),
  project: z.number().int(),
  service: z.number().int(),
  claimed: z.number().int().describe('items claimed or in progress'),
  done: z.number().int().describe('items done or rated'),
  averageRating: z.number().nullable(),
});
export const statsView = z.object({
  partners: z.number().int(),
  byList: z.array(z.object({ list: z.enum(lists), total: z.number().int(), open: z.number().int(), claimed: z.number().int(), done: z.number().int() })),
  averageRating: z.number().nullable(),
});
export const partnerMe = z.object({ partnerId: z.number().int(), partnerName: z.string(), orgId: z.number().int(), orgName: z.string() }).nullable();
