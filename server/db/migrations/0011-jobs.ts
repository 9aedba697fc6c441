import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres, withId } from './helpers.ts';

/**
 * Durable jobs (docs/architecture.md, "Durable jobs"). On SQLite, the job table itself: one row per
 * job, its idempotency key unique per job name, the due index read by every poll. On PostgreSQL
 * pg-boss keeps the jobs in its own schema (`pgboss`, installed by `migrateToLatest`); what it
 * cannot keep is a key used once forever — its archive forgets — so the keys live here, written in
 * the same transaction as the job.
 */
export const jobs: Migration = {
  async up(db: Kysely<any>) {
    if (isPostgres(db)) {
      await db.schema
        .createTable('job_keys')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_keys_pk', ['name', 'key'])
        .execute();
      return;
    }
    await withId(db, db.schema.createTable('jobs'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('key', 'text')
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .execute();
    await db.schema.createIndex('jobs_key_idx').on('jobs').columns(['name', 'key']).unique().where(sql.ref('key'), 'is not', null).execute();
    await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
  },
};
