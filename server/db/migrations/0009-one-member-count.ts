import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * One member counter instead of two. 0005's `org_member_counts` (members per org and status) was
 * left with one reader, the member list's unfiltered total, which now sums 0006's
 * `subtree_member_counts` over the scope's top orgs. Every member write kept both up to date (on
 * PostgreSQL 0005's is a row trigger: an import updated one counter row per member); now it keeps
 * one. 0005's enterprise index stays.
 */
export const oneMemberCount: Migration = {
  async up(db: Kysely<any>) {
    if (isPostgres(db)) {
      await sql`drop trigger members_count on members`.execute(db);
      await sql`drop function members_count()`.execute(db);
    } else {
      for (const trigger of ['members_count_insert', 'members_count_delete', 'members_count_update']) await sql`drop trigger ${sql.raw(trigger)}`.execute(db);
    }
    await db.schema.dropTable('org_member_counts').execute();
  },
};
