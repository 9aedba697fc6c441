import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, isoDate, optionalText, pageQuery, text } from '../../platform/validation.ts';
import { aidKinds, hardshipCauses, tiers } from './rules.ts';

const fen = z.number().int().min(0).max(10_000_000_000);
export const tier = z.enum(tiers);
export const aidKind = z.enum(aidKinds);
const causes = z.array(z.enum(hardshipCauses)).max(hardshipCauses.length).transform((c) => [...new Set(c)]);

export const hardshipSettingsBody = z.object({
  lowIncomeLineFen: z.number().int().min(1).max(100_000_000),
  relativeMultiple: z.number().min(1).max(5).describe('相对困难 below this multiple of the line (e.g. 1.5)'),
  effectiveFrom: isoDate,
});
export const hardshipSettingsView = z.object({
  orgId: z.number().int(),
  lowIncomeLineFen: z.number().int(),
  relativeMultiple: z.number(),
  effectiveFrom: z.string(),
  own: z.boolean().describe('false: inherited from a federation above, or the built-in default'),
  fromOrgId: z.number().int().nullable(),
});

export const createFileBody = z.object({
  memberId: id,
  householdSize: z.number().int().min(1).max(20),
  monthlyIncomeFen: fen,
  causes,
  consent: z.literal(true, 'hardship_consent_required'),
});
export const createdFile = z.object({ id: z.number().int(), tier });
export const recheckBody = z.object({ householdSize: z.number().int().min(1).max(20), monthlyIncomeFen: fen, causes });
export const exitBody = z.object({ reason: text(200) });

export const aidBody = z.object({ kind: aidKind, amountFen: z.number().int().min(1).max(100_000_000), paidOn: isoDate, campaignId: id.nullish(), purpose: optionalText(200) });
export const aidView = z.object({
  id: z.number().int(),
  fileId: z.number().int(),
  memberName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: aidKind,
  amountFen: z.number().int(),
  paidOn: z.string(),
  purpose: z.string().nullable(),
  campaignId: z.number().int().nullable(),
  campaignName: z.string().nullable(),
  createdAt: z.string(),
});
export const aidListQuery = pageQuery.extend({ orgId: id.optional(), campaignId: id.optional(), kind: aidKind.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const aidExportQuery = exportQueryOf(aidListQuery);

export const fileListItem = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  memberId: z.number().int(),
  memberName: z.string(),
  householdSize: z.number().int(),
  causes: z.array(z.enum(hardshipCauses)),
  tier,
  status: z.enum(['active', 'exited']),
  checkedOn: z.string(),
  nextCheckDue: z.string(),
  recheckDue: z.boolean(),
  aidFen: z.number().int(),
});
export const fileListQuery = pageQuery.extend({
  orgId: id.optional(),
  tier: tier.optional(),
  status: z.enum(['active', 'exited']).optional(),
  recheckDue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export const fileExportQuery = exportQueryOf(fileListQuery);

export const fileDetail = fileListItem.extend({
  monthlyIncomeFen: z.number().int(),
  incomePerHeadFen: z.number().int(),
  exitReason: z.string().nullable(),
  line: hardshipSettingsView.omit({ own: true }),
  aids: z.array(aidView),
  aidTotalFen: z.number().int(),
});

export const myFile = z.object({
  file: z
    .object({
      id: z.number().int(),
      orgName: z.string(),
      tier,
      status: z.enum(['active', 'exited']),
      checkedOn: z.string(),
      nextCheckDue: z.string(),
      aids: z.array(z.object({ kind: aidKind, amountFen: z.number().int(), paidOn: z.string(), campaignName: z.string().nullable() })),
    })
    .nullable(),
});

export const campaignBody = z.object({ orgId: id, name: text(100), kind: aidKind, year: z.number().int().min(2000).max(2100), budgetFen: z.number().int().min(1).max(10_000_000_000) });
export const campaignView = z.object({ id: z.number().int(), orgId: z.number().int(), orgName: z.string(), name: z.string(), kind: aidKind, year: z.number().int(), budgetFen: z.number().int(), spentFen: z.number().int() });
export const campaignListQuery = pageQuery.extend({ orgId: id.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

export const hardshipStats = z.object({
  files: z.number().int(),
  byTier: z.object({ deep: z.number().int(), relative: z.number().int(), accident: z.number().int() }),
  aidFen: z.number().int(),
});
