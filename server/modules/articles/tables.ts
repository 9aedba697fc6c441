import type { Generated } from 'kysely';

/**
 * The articles module's tables (conventions in server/db/schema.ts). The declaration at the end adds
 * them to the one `DB` type every query is checked against; no other module writes them.
 */

/**
 * The columns (栏目) an article is filed under. A fixed set for now: issue #11 also asks for
 * columns a federation adds, which would become a table of its own; `column` is text, so that
 * change needs no migration of the articles.
 */
export const articleColumns = ['news', 'notice', 'policy', 'rights_guide'] as const;
export type ArticleColumn = (typeof articleColumns)[number];

export const articleStatuses = ['draft', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface ArticleTable {
  id: Generated<number>;
  org_id: number;
  column: ArticleColumn;
  title: string;
  /** sanitized HTML (sanitize.ts), never stored as written */
  body: string;
  /** the body's first words as plain text, for lists */
  summary: string;
  /** 1: every worker, logged in or not; 0: the members of the org's subtree */
  is_public: number;
  status: ArticleStatus;
  /** when a published article becomes visible (in the future: scheduled); null for drafts */
  published_at: string | null;
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

declare module '../../db/schema.ts' {
  interface DB {
    articles: ArticleTable;
    article_files: ArticleFileTable;
  }
}
