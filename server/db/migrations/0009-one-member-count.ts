import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * One member counter instead of two. 0005's `org_member_counts` (members per org and status) was
 * left with one reader, the member list's unfiltered total, which now sums 0006's
 * `subtree_member_counts` over the scope's top orgs. Every member write kept both up to date;
 * now it keeps one. 0005's indexes stay.
 */
export const oneMemberCount: Migration = {
  async up(db: Kysely<any>) {
    for (const trigger of ['members_count_insert', 'members_count_delete', 'members_count_update']) {
      await sql`drop trigger ${sql.raw(trigger)}${sql.raw(isPostgres(db) ? ' on members' : '')}`.execute(db);
    }
    if (isPostgres(db)) await sql`drop function members_count()`.execute(db);
    await db.schema.dropTable('org_member_counts').execute();
  },
};
