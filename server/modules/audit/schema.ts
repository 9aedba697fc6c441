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
  entity: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
