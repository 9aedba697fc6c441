import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, pageQuery } from '../../platform/validation.ts';

export const auditQuery = pageQuery.extend({
  orgId: id.optional().describe('this org’s whole subtree'),
  actorId: id.optional(),
  entity: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const auditExportQuery = exportQueryOf(auditQuery);

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string().describe('the action in the caller’s language (the code itself for an unlabelled one)'),
  entity: z.string(),
  entityLabel: z.string().describe('what was changed, in the caller’s language (the code itself when unnamed)'),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  changes: z
    .array(z.object({ field: z.string(), label: z.string().describe('the field’s name in the caller’s language, or the field itself'), before: z.unknown(), after: z.unknown() }))
    .describe('before and after field by field, for a table (an absent side is undefined)'),
  ip: z.string().nullable(),
});

export const auditActionList = z.object({ items: z.array(z.object({ action: z.string(), label: z.string() })) });
