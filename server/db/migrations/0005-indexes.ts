import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * Members per (org, status), kept by triggers on `members`. Coverage statistics sum these few rows
 * per org instead of counting the whole roll on every request: a county of a million members was
 * ~0.5 s of index scanning per request on SQLite, and every write path that adds, moves or
 * re-statuses a member (applications, imports, transfers, edits) is covered without code of its
 * own. Rows whose count falls to 0 stay; sums ignore them. Also a covering index for the
 * enterprise counts of the same statistics. See bench/README.md.
 */
export const memberCounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('org_member_counts')
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_member_counts_pk', ['org_id', 'status'])
      // SQLite: the rows live in the key's b-tree, so summing them reads one index, not two.
      .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
    await sql`insert into org_member_counts (org_id, status, n) select org_id, status, count(*) from members group by org_id, status`.execute(db);
    if (isPostgres(db)) await postgresTriggers(db);
    else await sqliteTriggers(db);
    // Enterprise counts per subtree (coverage stats) read only the index, not 26,000 table rows.
    await db.schema.createIndex('enterprises_org_status_idx').on('enterprises').columns(['org_id', 'status', 'new_economy']).execute();
  },
};

const add = (org: string, status: string) =>
  sql.raw(`insert into org_member_counts (org_id, status, n) values (${org}, ${status}, 1) on conflict (org_id, status) do update set n = org_member_counts.n + 1`);
const remove = (org: string, status: string) => sql.raw(`update org_member_counts set n = n - 1 where org_id = ${org} and status = ${status}`);

async function sqliteTriggers(db: Kysely<any>) {
  await sql`create trigger members_count_insert after insert on members begin ${add('new.org_id', 'new.status')}; end`.execute(db);
  await sql`create trigger members_count_delete after delete on members begin ${remove('old.org_id', 'old.status')}; end`.execute(db);
  await sql`create trigger members_count_update after update of org_id, status on members
    when old.org_id <> new.org_id or old.status <> new.status
    begin ${remove('old.org_id', 'old.status')}; ${add('new.org_id', 'new.status')}; end`.execute(db);
}

async function postgresTriggers(db: Kysely<any>) {
  await sql`create function members_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.org_id = new.org_id and old.status = new.status then return null; end if;
      if tg_op in ('UPDATE', 'DELETE') then ${remove('old.org_id', 'old.status')}; end if;
      if tg_op in ('UPDATE', 'INSERT') then ${add('new.org_id', 'new.status')}; end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger members_count after insert or delete or update of org_id, status on members for each row execute function members_count()`.execute(db);
}
