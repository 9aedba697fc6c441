import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * News and policies (issue #11 §1). `published_at` is the instant an article becomes visible: a
 * scheduled article is a published one whose instant lies ahead, and the readers' filter
 * `published_at <= now` shows it when its time comes — no job needed. The first index serves the
 * readers' list, the second the console's.
 */
export const articles: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('articles'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('column', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reads', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('articles_visible_idx').on('articles').columns(['status', 'published_at']).execute();
    await db.schema.createIndex('articles_org_idx').on('articles').columns(['org_id', 'created_at']).execute();

    // Images uploaded for article bodies, served at /api/articles/files/<key> (a random name).
    await withId(db, db.schema.createTable('article_files'))
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
