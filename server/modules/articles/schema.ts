import { z } from 'zod';
import { exportQueryOf } from '../../platform/exports.ts';
import { id, instant, pageQuery, text } from '../../platform/validation.ts';
import { articleStatuses } from './tables.ts';
import { articleActionNames, COLUMN_KEY } from './rules.ts';

export const articleColumn = z.string().regex(COLUMN_KEY, 'article_column_unknown').describe('news, notice, policy, rights_guide, or c<id>: a column a union added');
export const articleState = z.enum(articleStatuses).describe('draft; scheduled (published by a job at publishedAt); published; withdrawn');
/** One of the article images (POST /api/articles/files) as the cover. */
const coverUrl = z.string().max(100).describe('the URL of an uploaded article image, shown as the cover');

/** HTML as written in the editor; stored only after sanitize.ts. 200,000 characters is ~60 pages. */
const html = z.string().trim().min(1, 'not_blank').max(200_000);

export const createArticleBody = z.object({
  orgId: id,
  column: articleColumn,
  title: text(200),
  body: html,
  public: z.boolean().describe('every worker, logged in or not; otherwise the members of the org’s subtree'),
  publishAt: instant.optional().describe('absent: a draft; given: published, visible from this instant (scheduled when ahead)'),
  coverUrl: coverUrl.optional(),
});

export const updateArticleBody = z
  .object({ column: articleColumn.optional(), title: text(200).optional(), body: html.optional(), public: z.boolean().optional(), coverUrl: coverUrl.nullable().optional().describe('null: no cover') })
  .strict();

export const publishBody = z.object({ publishAt: instant.optional().describe('now by default; ahead: scheduled') }).default({});
export const pinBody = z.object({ pinned: z.boolean() });

export const readerListQuery = pageQuery.extend({ column: articleColumn.optional(), orgId: id.optional().describe('articles of this org and its subtree') });

const columnName = z.string().describe('the column’s name in the caller’s language (a union’s own column: as it named it)');
const cover = z.string().nullable().describe('where the cover image is served, or null');

export const attachment = z.object({
  id: z.number().int(),
  name: z.string().describe('the file name as uploaded'),
  size: z.number().int().describe('bytes'),
  contentType: z.string(),
  url: z.string().describe('the download, behind the article’s read rights'),
});

export const readerItem = z.object({
  id: z.number().int(),
  title: z.string(),
  column: articleColumn,
  columnName,
  orgName: z.string(),
  publishedAt: z.string(),
  summary: z.string(),
  coverUrl: cover,
});

export const readerArticle = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string().describe('sanitized HTML'),
  column: articleColumn,
  columnName,
  orgName: z.string(),
  publishedAt: z.string(),
  reads: z.number().int(),
  coverUrl: cover,
  attachments: z.array(attachment),
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
  columnName,
  title: z.string(),
  status: articleState,
  public: z.boolean(),
  pinned: z.boolean(),
  publishedAt: z.string().nullable(),
  reads: z.number().int(),
  updatedAt: z.string(),
  actions: z.array(z.enum(articleActionNames)).describe('what the caller may do to it now: only these buttons are shown'),
});

export const managedArticle = managedItem.extend({ body: z.string().describe('sanitized HTML'), summary: z.string(), createdAt: z.string(), coverUrl: cover, attachments: z.array(attachment) });

export const createdArticle = z.object({ id: z.number().int(), status: articleState });

export const articleFile = z.object({ url: z.string().describe('where the image is served; the only image source an article body keeps') });
export const fileParams = z.object({ key: z.string().max(60) });
export const attachmentParams = z.object({ id, attachmentId: id });

// ---------- columns ----------

export const readerColumns = z.object({
  items: z.array(z.object({ key: articleColumn, name: z.string(), custom: z.boolean().describe('a column a union added') })),
});

export const manageColumnsQuery = z.object({
  usableBy: id.optional().describe('only the active columns an article of this org may be filed under (its own and its ancestors’); without it: the columns of the orgs in scope and above them'),
});

export const managedColumn = z.object({
  id: z.number().int(),
  key: articleColumn,
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  ordering: z.number().int(),
  active: z.boolean(),
  writable: z.boolean().describe('the caller may rename, reorder or deactivate it'),
});

export const createColumnBody = z.object({
  orgId: id,
  name: text(20),
  ordering: z.number().int().min(0).max(9999).default(0),
});

export const updateColumnBody = z.object({ name: text(20).optional(), ordering: z.number().int().min(0).max(9999).optional(), active: z.boolean().optional() }).strict();
