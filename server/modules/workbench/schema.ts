import { z } from 'zod';

export const todoList = z.object({
  items: z.array(
    z.object({
      kind: z.string().describe('the to-do kind, e.g. join_applications; its module declares it'),
      count: z.number().int().describe('how many wait, over the caller’s scope'),
      overdue: z.number().int().describe('of those, past their deadline'),
      link: z.string().describe('the console page (or portal page, /m/…) where the work is done, filtered to it'),
    }),
  ),
});
