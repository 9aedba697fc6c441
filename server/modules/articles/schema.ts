import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, instant, pageQuery, text } from '../../platform/validation.ts';
import { articleColumns } from './tables.ts';
import { articleActionNames, articleStates } from './rules.ts';

export const articleColumn = z.enum(articleColumns);
export const articleState = z.enum(articleStates).describe('draft; scheduled (published, its time still ahead); published; withdrawn');

/** HTML as written in the editor; stored only after sanitize.ts. 200,000 characters is ~60 pages. */
const html = z.string().trim().min(1, 'not_blank').max(200_000);

export const createArticleBody = z.object({
  orgId: id,
  column: articleColumn,
  title: text(200),
  body: html,
  public: z.boolean().describe('every worker, logged in or not; otherwise the members of the org’s subtree'),
  publishAt: instant.optional().describe('absent: a draft; given: published, visible from this instant (scheduled when ahead)'),
});

export const updateArticleBody = z
  .object({ column: articleColumn.optional(), title: text(200).optional(), body: html.optional(), public: z.boolean().optional() })
  .strict();

export const publishBody = z.object({ publishAt: instant.optional().describe('now by default; ahead: scheduled') }).default({});
export const pinBody = z.object({ pinned: z.boolean() });

export const readerListQuery = pageQuery.extend({ column: articleColumn.optional(), orgId: id.optional().describe('articles of this org and its subtree') });

export const readerItem = z.object({
  id: z.number().int(),
  title: z.string(),
  column: articleColumn,
  orgName: z.string(),
  publishedAt: z.string(),
  summary: z.string(),
});

export const readerArticle = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string().describe('sanitized HTML'),
  column: articleColumn,
  orgName: z.string(),
  publishedAt: z.string(),
  reads: z.number().int(),
});

export const manageListQuery = pageQuery.extend({
  column: articleColumn.optional(),
  status: articleState.optional(),
  orgId: id.optional(),
});
export const manageExportQuery = exportQueryOf(manageListQuery);

export const managedItem = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  column: articleColumn,
  title: z.string(),
  status: articleState,
  public: z.boolean(),
  pinned: z.boolean(),
  publishedAt: z.string().nullable(),
  reads: z.number().int(),
  updatedAt: z.string(),
  actions: z.array(z.enum(articleActionNames)).describe('what the caller may do to it now: only these buttons are shown'),
});

export const managedArticle = managedItem.extend({ body: z.string().describe('sanitized HTML'), summary: z.string(), createdAt: z.string() });

export const createdArticle = z.object({ id: z.number().int(), status: articleState });

export const articleFile = z.object({ url: z.string().describe('where the image is served; the only image source an article body keeps') });
export const fileParams = z.object({ key: z.string().max(60) });
