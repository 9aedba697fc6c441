import type { Generated } from 'kysely';

/**
 * The articles module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */

/**
 * The columns (栏目) every union has. A union may add its own (`article_columns`), whose articles
 * carry the key `c<id>` in `articles.column` (rules.ts).
 */
export const articleColumns = ['news', 'notice', 'policy', 'rights_guide'] as const;
export type ArticleColumn = (typeof articleColumns)[number];

/** `scheduled`: to be published by the job `articles.publish` at `published_at` (rules.ts). */
export const articleStatuses = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface ArticleTable {
  id: Generated<number>;
  org_id: number;
  /** a fixed column or `c<id>` of a column of the org or an ancestor (rules.ts COLUMN_KEY) */
  column: string;
  title: string;
  /** sanitized HTML (sanitize.ts), never stored as written */
  body: string;
  /** the body's first words as plain text, for lists */
  summary: string;
  /** 1: every worker, logged in or not; 0: the members of the org's subtree */
  is_public: number;
  status: ArticleStatus;
  /** when the article became (scheduled: becomes) visible; null for drafts */
  published_at: string | null;
  /** the key of one of the article images (article_files) shown as its cover, or null */
  cover_key: string | null;
  /** 0/1: listed above the others */
  pinned: number;
  reads: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleFileTable {
  id: Generated<number>;
  /** `<uuid>.<ext>`: the stored file's name under <data dir>/articles and its URL's last part */
  key: string;
  org_id: number;
  content_type: string;
  /** the name the uploader gave, for display only */
  file_name: string;
  size: number;
  sha256: string;
  created_by: number | null;
  created_at: string;
}

/** A column a union added (issue #11 §1): usable by the articles of the union and of its subtree. */
export interface ArticleColumnTable {
  id: Generated<number>;
  org_id: number;
  /** the column's name, Chinese as the union writes it */
  name: string;
  /** tabs are shown by this, ascending, after the fixed columns */
  ordering: number;
  /** 0: no new article is filed under it and readers get no tab for it; its articles stay readable */
  active: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A file attached to an article (PDF, Word, Excel): downloaded with the article's read rights. */
export interface ArticleAttachmentTable {
  id: Generated<number>;
  article_id: number;
  /** `<uuid>.<ext>`: the stored file's name under <data dir>/articles/attachments */
  key: string;
  /** the name the uploader gave: what the download is called */
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: number | null;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface DB {
    articles: ArticleTable;
    article_files: ArticleFileTable;
    article_columns: ArticleColumnTable;
    article_attachments: ArticleAttachmentTable;
  }
}
