import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * Issue #11 §1, the rest of news and policies:
 * - `article_columns`: columns a union adds beside the fixed four, keyed `c<id>` in `articles.column`;
 * - `articles.cover_key`: one of the article images as its cover;
 * - `article_attachments`: PDF, Word and Excel files attached to an article;
 * - scheduling becomes a status of its own, published by a durable job at its instant. An article
 *   that 0010 stored as published with its instant still ahead becomes `scheduled`; no job can be
 *   queued from a migration, so the quarter-hourly sweep `articles.publish-due` publishes it (and
 *   anything else scheduled whose job went missing).
 */
export const articlesColumnsAttachments: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('article_columns'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('ordering', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_columns_org_name_idx').on('article_columns').columns(['org_id', 'name']).unique().execute();

    await db.schema.alterTable('articles').addColumn('cover_key', 'text').execute();

    await withId(db, db.schema.createTable('article_attachments'))
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_attachments_article_idx').on('article_attachments').column('article_id').execute();

    await db.updateTable('articles').set({ status: 'scheduled' }).where('status', '=', 'published').where('published_at', '>', new Date().toISOString()).execute();
  },
};
