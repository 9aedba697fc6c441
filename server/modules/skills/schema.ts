import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { boolFlag, id, isoDate, pageQuery, text } from '../../platform/validation.ts';
import { CERTIFICATE_NO, ISSUER_MAX, OCCUPATION_MAX, issuerKinds, recordSources, recordStatuses } from './rules.ts';

export const skillLevel = z.number().int().min(1).max(5).describe('1 一级/高级技师, 2 二级/技师, 3 三级/高级工, 4 四级/中级工, 5 五级/初级工');
export const issuerKind = z.enum(Object.keys(issuerKinds) as ['enterprise', 'agency']).describe('enterprise: the employer’s own evaluation (企业自主评价); agency: an evaluation organisation (评价机构)');
export const certificateNo = z
  .string()
  .trim()
  .min(CERTIFICATE_NO.min, 'skill_certificate_no_format')
  .max(CERTIFICATE_NO.max, 'skill_certificate_no_format')
  .regex(CERTIFICATE_NO.pattern, 'skill_certificate_no_format');

const recordFields = {
  occupation: text(OCCUPATION_MAX),
  level: skillLevel,
  certificateNo,
  issuedOn: isoDate,
  issuer: text(ISSUER_MAX).describe('the evaluating body: the enterprise, or the evaluation organisation'),
  issuerKind: issuerKind.default('agency'),
};

export const createBody = z.object({ memberId: id, ...recordFields });

export const correctBody = z.object({ ...recordFields, reason: text(200) });
export const voidBody = z.object({ reason: text(200) });

export const listQuery = pageQuery.extend({
  orgId: id.optional().describe('records of members of this org and its subtree'),
  q: z.string().trim().max(50).optional().describe('member name (part), member number or certificate number'),
  occupation: z.string().trim().max(OCCUPATION_MAX).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  history: boolFlag.default(false).describe('also voided and corrected records'),
});
export const exportQuery = exportQueryOf(listQuery);

export const recordItem = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  memberNo: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  occupation: z.string(),
  level: z.number().int(),
  certificateNo: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  issuerKind,
  source: z.enum(recordSources),
  status: z.enum(recordStatuses),
  replacesId: z.number().int().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const myRecord = recordItem.pick({ id: true, occupation: true, level: true, certificateNo: true, issuedOn: true, issuer: true, issuerKind: true });

export const stats = z.object({
  total: z.number().int().describe('valid records of members of the org’s subtree'),
  byLevel: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() }),
  advancedOrAbove: z.number().int().describe('levels 1–3: 高级工 or above'),
});
