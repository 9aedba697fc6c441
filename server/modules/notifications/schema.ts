import { z } from 'zod';
import { boolFlag, pageQuery } from '../../platform/validation.ts';

export const listQuery = pageQuery.extend({ unread: boolFlag.optional().describe('only the notices not yet read') });

export const notificationItem = z.object({
  id: z.number().int(),
  kind: z.string().describe('the notice kind, e.g. application_approved'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('where the notice leads: a console path, or a portal one under /m'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationPage = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  unread: z.number().int().describe('all the caller’s unread notices, for the bell'),
});
