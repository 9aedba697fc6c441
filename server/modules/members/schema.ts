import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { boolFlag, id, mobilePhone, optionalText, pageQuery, text } from '../../platform/validation.ts';

export const memberStatus = z.enum(['member', 'transferring', 'retained', 'left']);
export const idNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^\d{17}[\dX]$/.test(v), 'id_number_checksum');

/** A person's name as on their ID card: in applications, claims and imported rows alike. */
export const NAME_MAX = 50;
export const personName = text(NAME_MAX);

export const claimBody = z.object({ name: personName, idNumber });

export const joinApplicationBody = z
  .object({
    name: personName,
    idNumber,
    phone: mobilePhone,
    orgId: id,
    enterpriseId: id.nullish(),
    employerName: optionalText(100),
    consent: z.literal(true, 'consent_required'),
  })
  .superRefine((a, ctx) => {
    if (!a.enterpriseId && !a.employerName) ctx.addIssue({ code: 'custom', path: ['employerName'], message: 'employer_required' });
  });

export const applicationStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);

export const applicationView = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  phone: z.string().describe('masked'),
  orgId: z.number().int(),
  orgName: z.string(),
  enterpriseId: z.number().int().nullable(),
  employerName: z.string().nullable().describe('the enterprise’s name, or the free text given'),
  status: applicationStatus,
  reason: z.string().nullable(),
  memberId: z.number().int().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  overdue: z.boolean().describe('pending for more than 15 working days: flagged to the union’s parent'),
});

export const applicationListQuery = pageQuery.extend({
  orgId: id.optional(),
  status: applicationStatus.optional(),
  overdue: boolFlag.optional(),
});

export const rejectBody = z.object({ reason: text(200) });

export const memberItem = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  phone: z.string().nullable().describe('masked'),
  orgId: z.number().int(),
  orgName: z.string(),
  status: memberStatus,
  memberNo: z.string(),
  joinedOn: z.string(),
  employerName: z.string().nullable(),
});

export const transferView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  memberNo: z.string(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
  toOrgId: z.number().int(),
  toOrgName: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected', 'cancelled']),
  reason: z.string().nullable(),
  startedAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const memberDetail = memberItem.extend({
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  enterpriseId: z.number().int().nullable(),
  retainedReason: z.enum(['retired', 'unemployed']).nullable(),
  leftOn: z.string().nullable(),
  source: z.string(),
  linkedAccount: z.boolean(),
  transfers: z.array(transferView),
});

export const memberListQuery = pageQuery.extend({
  orgId: id.optional().describe('this org’s whole subtree'),
  q: z.string().trim().max(50).optional().describe('name, member number, or a full ID number or phone'),
  status: memberStatus.optional(),
});

export const updateMemberBody = z
  .object({
    status: z.enum(['member', 'retained', 'left']).optional(),
    retainedReason: z.enum(['retired', 'unemployed']).optional(),
    phone: mobilePhone.nullable().optional(),
    enterpriseId: id.nullable().optional(),
    employerName: optionalText(100).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.status === 'retained' && !b.retainedReason) ctx.addIssue({ code: 'custom', path: ['retainedReason'], message: 'retained_reason_required' });
  });

export const revealResponse = z.object({ idNumber: z.string(), phone: z.string().nullable() });

export const myMembership = z.object({
  memberId: z.number().int(),
  memberNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  orgId: z.number().int(),
  orgName: z.string(),
  status: memberStatus,
  joinedOn: z.string(),
  employerName: z.string().nullable(),
  cardCode: z.string().describe('what the e-card’s QR code encodes'),
  transfers: z.array(transferView),
});

export const transferBody = z.object({ toOrgId: id, reason: optionalText(200) });
export const transferListQuery = pageQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(['pending', 'accepted', 'rejected', 'cancelled']).optional(),
});

export const directoryQuery = pageQuery.extend({ q: z.string().trim().max(50).optional() });
export const directoryItem = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['federation', 'joint_union', 'grassroots_union', 'branch']),
  level: z.enum(['county', 'street']).nullable(),
  basis: z.enum(['building', 'area', 'industry', 'town']).nullable(),
  region: z.string().nullable(),
  parentName: z.string().nullable(),
});

export const memberExportQuery = exportQueryOf(memberListQuery);
export const applicationExportQuery = exportQueryOf(applicationListQuery);
export const transferExportQuery = exportQueryOf(transferListQuery);

export const statsView = z.object({
  orgId: z.number().int(),
  unions: z.number().int().describe('grassroots and joint unions in the subtree'),
  singleUnions: z.number().int(),
  jointUnions: z.number().int(),
  branches: z.number().int(),
  enterprises: z.number().int(),
  enterprisesWithoutUnion: z.number().int(),
  newEconomyEnterprises: z.number().int(),
  members: z.number().int().describe('member + transferring + retained'),
  membersByStatus: z.object({ member: z.number().int(), transferring: z.number().int(), retained: z.number().int(), left: z.number().int() }),
  pendingApplications: z.number().int(),
  overdueApplications: z.number().int(),
  growth: z.array(z.object({ month: z.string(), joined: z.number().int() })).describe('the last 12 months, by joining date'),
  children: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      kind: z.string(),
      unions: z.number().int(),
      enterprises: z.number().int(),
      enterprisesWithoutUnion: z.number().int(),
      members: z.number().int(),
    }),
  ),
});
