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
    // The member list's page ids (org_id in the subtree, newest id first) from the index alone.
    // SQLite's indexes already end in the rowid; PostgreSQL's need the id spelled out, or it reads
    // the whole table instead.
    if (isPostgres(db)) await db.schema.createIndex('members_org_id_idx').on('members').columns(['org_id', 'id']).execute();
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

/**
 * PostgreSQL: once per statement, from its transition tables. A row trigger would update the same
 * counter row once per member, and an import of 100,000 rows into one union in one transaction
 * leaves 100,000 versions of that row for each next update to step over (~1,000 rows/s).
 */
async function postgresTriggers(db: Kysely<any>) {
  const apply = (changes: string) =>
    sql.raw(`insert into org_member_counts (org_id, status, n)
      select org_id, status, sum(d) from (${changes}) c group by org_id, status having sum(d) <> 0
      on conflict (org_id, status) do update set n = org_member_counts.n + excluded.n`);
  await sql`create function members_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply('select org_id, status, 1 as d from new_rows')}; end if;
      if tg_op = 'DELETE' then ${apply('select org_id, status, -1 as d from old_rows')}; end if;
      if tg_op = 'UPDATE' then ${apply('select org_id, status, 1 as d from new_rows union all select org_id, status, -1 from old_rows')}; end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger members_count_insert after insert on members referencing new table as new_rows for each statement execute function members_count()`.execute(db);
  await sql`create trigger members_count_delete after delete on members referencing old table as old_rows for each statement execute function members_count()`.execute(db);
  // Transition tables allow no column list: every UPDATE fires it; unchanged counts write nothing.
  await sql`create trigger members_count_update after update on members referencing old table as old_rows new table as new_rows for each statement execute function members_count()`.execute(db);
}
