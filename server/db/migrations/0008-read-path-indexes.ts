import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * Two indexes the benchmarks asked for (bench/README.md), same spelling on both engines:
 * - The member list's page ids (org_id in the subtree, newest id first) from the index alone.
 *   SQLite's `(org_id, …)` indexes already end in the rowid; PostgreSQL's need the id spelled out,
 *   or it walks the primary key backwards over most of the roll.
 * - Every activity shown (the portal's 活动 list, the console's activity list) counts its
 *   checked-in registrations. The (activity_id, status, id) index does not hold `checked_in_at`,
 *   so that count read every registration row of the activity: three quarters of the portal's
 *   activity list. A partial index over the checked-in rows alone answers it, and costs nothing
 *   until check-in starts.
 */
export const readPathIndexes: Migration = {
  async up(db: Kysely<any>) {
    if (isPostgres(db)) await db.schema.createIndex('members_org_id_idx').on('members').columns(['org_id', 'id']).execute();
    await sql`create index activity_registrations_checked_in_idx on activity_registrations (activity_id) where checked_in_at is not null`.execute(db);
  },
};
