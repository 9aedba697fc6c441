import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { applicationActionNames, cardHolderStatuses, cardRefusals, transferActionNames } from './rules.ts';
import { boolFlag, id, mobilePhone, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { checkIdNumberFormat, educations, ethnicities, newFormGroups, politicalStatuses } from './rules.ts';

export const memberStatus = z.enum(['member', 'transferring', 'retained', 'left']);
/** An ID number, trimmed and upper-cased; a wrong one is told what is wrong with it (checkIdNumberFormat). */
export const idNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    const rule = checkIdNumberFormat(v);
    if (rule) ctx.addIssue({ code: 'custom', message: rule });
  });

const codes = <T extends Record<string, string>>(list: T) => z.enum(Object.keys(list) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]);
export const ethnicity = codes(ethnicities).describe('GB/T 3304 code: 01 汉族 … 56 基诺族, 97 其他');
export const education = codes(educations);
export const politicalStatus = codes(politicalStatuses).describe('GB/T 4762, the democratic parties as one');
export const newFormGroup = codes(newFormGroups).describe('none, or one of the eight groups of new-form workers');

/** The member register's standard fields, each optional (null: not recorded). Gender and birth date come from the ID number. */
export const standardFields = z.object({
  ethnicity: ethnicity.nullish(),
  education: education.nullish(),
  politicalStatus: politicalStatus.nullish(),
  migrantWorker: z.boolean().nullish().describe('是否农民工'),
  newFormGroup: newFormGroup.nullish().describe('新就业形态'),
});
const standardFieldsView = z.object({
  ethnicity: ethnicity.nullable(),
  education: education.nullable(),
  politicalStatus: politicalStatus.nullable(),
  migrantWorker: z.boolean().nullable(),
  newFormGroup: newFormGroup.nullable(),
});

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
  .extend(standardFields.shape)
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
}).extend(standardFieldsView.shape);

/** An application as the console lists it, with what the caller may do to it. */
export const applicationItem = applicationView.extend({
  actions: z.array(z.enum(applicationActionNames)).describe('approve and reject while pending, to a cadre who may decide it: only these buttons are shown'),
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

/** A transfer as the console lists it, with what the caller may do to it. */
export const transferItem = transferView.extend({
  actions: z.array(z.enum(transferActionNames)).describe('accept and reject for the receiving union, cancel for the sending side, while pending'),
});

export const memberDetail = memberItem.extend({
  gender: z.enum(['male', 'female']).describe('read from the ID number'),
  birthDate: z.string().describe('read from the ID number'),
  ...standardFieldsView.shape,
  enterpriseId: z.number().int().nullable(),
  retainedReason: z.enum(['retired', 'unemployed']).nullable(),
  leftOn: z.string().nullable(),
  source: z.string(),
  linkedAccount: z.boolean(),
  transfers: z.array(transferView),
});

export const memberListQuery = pageQuery.extend({
  orgId: id.optional().describe('this org’s whole subtree'),
  q: z.string().trim().max(50).optional().describe('name, member number, a full ID number or phone, or a phone’s last four digits (尾号)'),
  status: memberStatus.optional(),
  after: id.optional().describe('keyset paging: the last id of the previous page; answers the members after it (newest first) with no offset, `page` ignored'),
});

export const updateMemberBody = z
  .object({
    status: z.enum(['member', 'retained', 'left']).optional(),
    retainedReason: z.enum(['retired', 'unemployed']).optional(),
    phone: mobilePhone.nullable().optional(),
    enterpriseId: id.nullable().optional(),
    employerName: optionalText(100).optional(),
    ...standardFields.shape,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.status === 'retained' && !b.retainedReason) ctx.addIssue({ code: 'custom', path: ['retainedReason'], message: 'retained_reason_required' });
  });

export const revealResponse = z.object({ idNumber: z.string(), phone: z.string().nullable() });

/** The membership linked to an account, in GET /api/me: the portal reads whether its user is a member from it. */
export const accountMembership = z
  .object({
    id: z.number().int(),
    memberNo: z.string(),
    orgId: z.number().int(),
    orgName: z.string(),
    status: memberStatus.exclude(['left']),
  })
  .nullable();

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
  transfers: z.array(transferView),
});

/** The e-card's QR code: a signed token, shown for 5 minutes (members/cards.ts). */
export const cardToken = z.object({
  token: z.string().describe('what the QR code encodes: GH1.<member id>.<expiry>.<signature>'),
  expiresAt: z.string().describe('ISO instant after which the token is refused as expired'),
});
export const cardVerifyBody = z.object({ token: z.string().trim().min(1).max(200).describe('the text of the QR code, scanned or typed') });
export const cardVerification = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    memberNo: z.string(),
    name: z.string().describe('masked: 王*明'),
    orgName: z.string(),
    status: z.enum(cardHolderStatuses),
  }),
  z.object({
    valid: z.literal(false),
    reason: z.enum(cardRefusals).describe('forged: not signed by this deployment; expired: older than 5 minutes; not_member: left, or not of the caller’s unions'),
  }),
]);

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
  level: z.enum(['county', 'street', 'town']).nullable(),
  basis: z.enum(['building', 'area', 'industry', 'town']).nullable(),
  region: z.string().nullable(),
  parentName: z.string().nullable(),
});

export const memberExportQuery = exportQueryOf(memberListQuery.omit({ after: true }));
export const applicationExportQuery = exportQueryOf(applicationListQuery);
export const transferExportQuery = exportQueryOf(transferListQuery);

const rate = z.number().nullable();
/** The coverage figures of one org's subtree; `children` has the same for each child. */
const coverageFigures = {
  unions: z.number().int().describe('grassroots and joint unions in the subtree'),
  enterprises: z.number().int(),
  enterprisesWithoutUnion: z.number().int(),
  enterprisesNeedingUnion: z.number().int().describe('without a union and founded a year ago or earlier (应建未建)'),
  unionizationRate: rate.describe('建会率 in percent, one decimal: enterprises with a union ÷ (those + enterprisesNeedingUnion); null when none should have one'),
  employees: z.number().int().describe('职工人数 of the enterprises, those whose number is known'),
  members: z.number().int().describe('member + transferring + retained'),
  membershipRate: rate.describe('入会率 in percent, one decimal: members ÷ employees; null when no employees are known'),
  migrantWorkers: z.number().int().describe('members (not left) who are migrant workers (农民工)'),
  newFormWorkers: z.number().int().describe('members (not left) in one of the eight groups of new-form workers (新就业形态)'),
};

export const statsView = z.object({
  orgId: z.number().int(),
  ...coverageFigures,
  singleUnions: z.number().int(),
  jointUnions: z.number().int(),
  branches: z.number().int(),
  newEconomyEnterprises: z.number().int(),
  membersByStatus: z.object({ member: z.number().int(), transferring: z.number().int(), retained: z.number().int(), left: z.number().int() }),
  pendingApplications: z.number().int(),
  overdueApplications: z.number().int(),
  growth: z.array(z.object({ month: z.string(), joined: z.number().int() })).describe('the last 12 months, by joining date'),
  children: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      kind: z.enum(['federation', 'joint_union', 'grassroots_union', 'branch']),
      level: z.enum(['county', 'street', 'town']).nullable(),
      basis: z.enum(['building', 'area', 'industry', 'town']).nullable(),
      ...coverageFigures,
    }),
  ),
});

/** The data screen's members section (GET /api/orgs/{id}/overview): the coverage page's figures, shaped for the wall. */
export const membersOverview = z.object({
  total: z.number().int().describe('members: member + transferring + retained'),
  joinedThisYear: z.number().int().describe('joined since 1 January (Shanghai), whatever their status now'),
  byStatus: statsView.shape.membersByStatus,
  migrantWorkers: z.number().int(),
  newFormWorkers: z.number().int(),
  growth: statsView.shape.growth,
  coverage: z.object({
    unions: coverageFigures.unions,
    enterprises: coverageFigures.enterprises,
    enterprisesWithUnion: z.number().int(),
    enterprisesNeedingUnion: coverageFigures.enterprisesNeedingUnion,
    unionizationRate: coverageFigures.unionizationRate,
    employees: coverageFigures.employees,
    membershipRate: coverageFigures.membershipRate,
  }),
  topChildren: z
    .array(z.object({ orgId: z.number().int(), name: z.string(), members: z.number().int(), unionizationRate: rate, membershipRate: rate }))
    .describe('the direct children with the most members, at most 10'),
});
