import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres, withId } from './helpers.ts';

/**
 * The platform's time slots (platform/slots.ts): one row per booked `[starts_at, ends_at)` of a
 * resource. On PostgreSQL an exclusion constraint (btree_gist) refuses a second active slot that
 * overlaps one of the same resource, however many requests race; the range is compared in epoch
 * seconds (`int8range`), since the text instants cannot be cast in an index. On SQLite writes are
 * serialized, and slots.ts checks before it inserts inside the write transaction.
 */
export const slots: Migration = {
  async up(db: Kysely<any>) {
    const pg = isPostgres(db);
    await withId(db, db.schema.createTable('time_slots'))
      .addColumn('resource', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('start_s', 'bigint', (c) => c.notNull())
      .addColumn('end_s', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('time_slots_order', sql`end_s > start_s`)
      .execute();
    if (pg) {
      await sql`create extension if not exists btree_gist`.execute(db);
      await sql`alter table time_slots add constraint time_slots_no_overlap exclude using gist (resource with =, int8range(start_s, end_s) with &&) where (status = 'active')`.execute(db);
    } else {
      await db.schema.createIndex('time_slots_resource_idx').on('time_slots').columns(['resource', 'start_s']).execute();
    }
  },
};
