import type { Kysely, Migration } from 'kysely';
import { withId } from '../../../db/migrations/helpers.ts';

/**
 * In-app notifications (issue #17 §2). The first index serves a user's list newest first and the
 * unread count (`read_at is null`); the unique one makes a keyed notice idempotent per user (both
 * engines let several rows have a null key).
 */
export const notifications: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('notifications'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('dedupe_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at', 'id']).execute();
    await db.schema.createIndex('notifications_key_uq').on('notifications').columns(['user_id', 'dedupe_key']).unique().execute();
  },
};
