import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { applicationStatuses, priorityGroups, productRegions } from './rules.ts';

const int = z.number().int();
const workingDays = z.number().int().min(1).max(30);

export const recuperationSettings = z.object({
  maxWorkingDaysInProvince: workingDays,
  maxWorkingDaysPartner: workingDays,
  tripsPerYear: z.number().int().min(1).max(12),
  minWorkingYears: z.number().int().min(0).max(50),
  longServiceYears: z.number().int().min(1).max(50),
});
export const settingsView = z.object({ orgId: int, own: z.boolean().describe('false: inherited from a federation above, or the rules’ defaults'), settings: recuperationSettings });

// ---- products and batches ----

export const createProductBody = z.object({
  providerOrgId: id.describe('the federation whose service centre offers the product'),
  centerName: optionalText(100),
  title: text(100),
  destination: text(100),
  destinationRegion: z.enum(productRegions).default('province').describe('province: inside the province; partner: a partner federation’s region outside it'),
  days: z.number().int().min(1).max(30),
  priceFen: z.number().int().min(0).max(100_000_000),
  includes: optionalText(500),
});
export const productView = z.object({
  id: int,
  providerOrgId: int,
  providerName: z.string(),
  centerName: z.string().nullable(),
  title: z.string(),
  destination: z.string(),
  region: z.enum(productRegions),
  days: int,
  priceFen: int,
  includes: z.string().nullable(),
  batches: int,
});
export const productListQuery = pageQuery.extend({ orgId: id.optional() });

export const createBatchBody = z.object({
  productId: id,
  startsOn: isoDate,
  endsOn: isoDate,
  places: z.number().int().min(1).max(100_000),
  openToPartners: z.boolean().default(false),
});
export const batchView = z.object({
  id: int,
  productId: int,
  title: z.string(),
  destination: z.string(),
  region: z.enum(productRegions),
  priceFen: int,
  providerOrgId: int,
  providerName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  places: int,
  openToPartners: z.boolean(),
  approved: int,
  waiting: int,
});
export const batchListQuery = pageQuery.extend({ orgId: id.optional(), productId: id.optional() });
export const quotaView = z.object({
  id: int,
  orgId: int,
  orgName: z.string(),
  parentId: int.nullable(),
  places: int,
  taken: int.describe('places given further down plus approved applications'),
  approved: int,
  partner: z.boolean().describe('held by a partner federation through an agreement'),
});
export const batchDetail = batchView.extend({ quotas: z.array(quotaView) });

// ---- agreements and quotas ----

export const createAgreementBody = z.object({
  orgId: id,
  partnerOrgId: id,
  signedOn: isoDate,
  validUntil: isoDate,
  note: optionalText(200),
});
export const agreementView = z.object({
  id: int,
  orgId: int,
  orgName: z.string(),
  partnerOrgId: int,
  partnerName: z.string(),
  signedOn: z.string(),
  validUntil: z.string(),
  valid: z.boolean(),
  note: z.string().nullable(),
});
export const agreementListQuery = pageQuery.extend({ orgId: id.optional() });

export const createQuotaBody = z.object({ batchId: id, orgId: id, places: z.number().int().min(1).max(100_000) });

// ---- applications ----

export const applyBody = z
  .object({
    workingYears: z.number().int().min(0).max(60).default(0).describe('years of work, declared by the member'),
    frontline: z.boolean().default(false).describe('a frontline worker (一线职工), a priority group'),
  })
  .default({ workingYears: 0, frontline: false });
export const applicationCreated = z.object({ id: int, status: z.enum(['pending', 'waitlisted']) });

export const applicationView = z.object({
  id: int,
  batchId: int,
  title: z.string(),
  destination: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  orgId: int,
  orgName: z.string(),
  memberId: int,
  memberName: z.string(),
  workingYears: int,
  frontline: z.boolean(),
  priority: z.enum(priorityGroups).nullable(),
  status: z.enum(applicationStatuses),
  reason: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(['approve', 'reject'])),
});
export const applicationListQuery = pageQuery.extend({
  orgId: id.optional(),
  batchId: id.optional(),
  status: z.enum(applicationStatuses).optional(),
});
export const applicationExportQuery = exportQueryOf(applicationListQuery);
export const rejectBody = z.object({ reason: text(200) });
export const decisionView = z.object({ id: int, status: z.enum(applicationStatuses) });

/** What a member sees: batches their union's chain holds places of, and their own applications. */
export const openBatchView = batchView.omit({ approved: true, waiting: true }).extend({
  free: int.describe('places left in the quota that serves the member'),
  applied: z.enum(applicationStatuses).nullable(),
  includes: z.string().nullable(),
  days: int,
  centerName: z.string().nullable(),
});
export const myApplicationView = applicationView.omit({ actions: true, memberName: true, orgName: true });

export const recuperationOverviewView = z.object({
  batches: int.describe('batches of this year offered in the subtree'),
  places: int.describe('their places'),
  approved: int.describe('members of the subtree approved this year'),
  agreements: int.describe('agreements in force with federations of the subtree'),
});

