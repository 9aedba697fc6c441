import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * The database file store (platform/files.ts; docs/architecture.md, "Files"): a file's key and
 * size, and its bytes in chunks of 1 MB (`bytea` on PostgreSQL, `blob` on SQLite), so that every
 * server sharing the database shares the files, and a large one is written and read a chunk at a
 * time. On PostgreSQL the chunks are stored without compression (uploads are already compressed:
 * trying costs time and saves nothing).
 */
export const files: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('stored_files')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('chunks', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('stored_file_chunks')
      .addColumn('key', 'text', (c) => c.notNull().references('stored_files.key').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
      .addPrimaryKeyConstraint('stored_file_chunks_pk', ['key', 'seq'])
      .execute();
    if (isPostgres(db)) await sql`alter table stored_file_chunks alter column data set storage external`.execute(db);
  },
};
