import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * Members of each org's whole subtree per (status, month joined), kept by triggers on `members` and
 * on `org_closure`. Coverage statistics then read a few hundred rows of one org (members by status,
 * the 12-month growth, each child's members) instead of walking the subtree: at 1M members the
 * county's growth alone read ~100,000 index entries per request. An org moving (closure rows out
 * and in) carries its own members' counts from the old ancestors to the new ones. Rows whose count
 * falls to 0 stay; sums ignore them. See bench/README.md.
 */
export const subtreeMemberCounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('subtree_member_counts')
      .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('joined_month', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('subtree_member_counts_pk', ['org_id', 'status', 'joined_month'])
      // SQLite: the rows live in the key's b-tree, so one org's rows are one range of one index.
      .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
    await sql`insert into subtree_member_counts (org_id, status, joined_month, n)
      select c.ancestor_id, m.status, substr(m.joined_on, 1, 7), count(*)
      from members m join org_closure c on c.descendant_id = m.org_id
      group by c.ancestor_id, m.status, substr(m.joined_on, 1, 7)`.execute(db);
    if (isPostgres(db)) {
      // The rows of one org with their counts from the index alone (an index-only scan): the
      // trigger-written rows of an org lie scattered over the heap (2,600 pages for a county's 20 streets).
      await db.schema.createIndex('subtree_member_counts_cover').on('subtree_member_counts').columns(['org_id', 'status', 'joined_month', 'n']).execute();
      await sql`analyze subtree_member_counts`.execute(db);
      await postgresTriggers(db);
    } else await sqliteTriggers(db);
  },
};

const upsert = 'on conflict (org_id, status, joined_month) do update set n = subtree_member_counts.n + excluded.n';

/** SQLite: row triggers (no MVCC, so repeated updates of one counter row cost nothing extra). */
async function sqliteTriggers(db: Kysely<any>) {
  // A member counts once in every ancestor's subtree, the member's own org included (depth 0).
  const member = (row: 'new' | 'old', d: 1 | -1) =>
    sql.raw(`insert into subtree_member_counts (org_id, status, joined_month, n)
      select ancestor_id, ${row}.status, substr(${row}.joined_on, 1, 7), ${d} from org_closure where descendant_id = ${row}.org_id ${upsert}`);
  // A closure link (ancestor, descendant) in or out carries the descendant org's own members.
  const link = (row: 'new' | 'old', sign: '' | '-') =>
    sql.raw(`insert into subtree_member_counts (org_id, status, joined_month, n)
      select ${row}.ancestor_id, status, substr(joined_on, 1, 7), ${sign}count(*) from members where org_id = ${row}.descendant_id
      group by status, substr(joined_on, 1, 7) ${upsert}`);
  await sql`create trigger subtree_counts_member_insert after insert on members begin ${member('new', 1)}; end`.execute(db);
  await sql`create trigger subtree_counts_member_delete after delete on members begin ${member('old', -1)}; end`.execute(db);
  await sql`create trigger subtree_counts_member_update after update of org_id, status, joined_on on members
    when old.org_id <> new.org_id or old.status <> new.status or old.joined_on <> new.joined_on
    begin ${member('old', -1)}; ${member('new', 1)}; end`.execute(db);
  await sql`create trigger subtree_counts_link_insert after insert on org_closure begin ${link('new', '')}; end`.execute(db);
  await sql`create trigger subtree_counts_link_delete after delete on org_closure begin ${link('old', '-')}; end`.execute(db);
}

/**
 * PostgreSQL: once per statement, from its transition tables. A row trigger (as 0005's, dropped in
 * 0009) updates the same few counter rows once per imported member, and each update steps over
 * every dead version of the row the import left: quadratic imports (~1,000 rows/s at 100,000).
 */
async function postgresTriggers(db: Kysely<any>) {
  const apply = (changes: string) =>
    sql.raw(`insert into subtree_member_counts (org_id, status, joined_month, n)
      select org_id, status, joined_month, sum(d) from (${changes}) c group by org_id, status, joined_month having sum(d) <> 0 ${upsert}`);
  const members = (rows: string, d: 1 | -1) =>
    `select l.ancestor_id as org_id, r.status, substr(r.joined_on, 1, 7) as joined_month, ${d} as d from ${rows} r join org_closure l on l.descendant_id = r.org_id`;
  const links = (rows: string, d: 1 | -1) =>
    `select l.ancestor_id as org_id, m.status, substr(m.joined_on, 1, 7) as joined_month, ${d} as d from ${rows} l join members m on m.org_id = l.descendant_id`;
  await sql`create function subtree_counts_members() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply(members('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${apply(members('old_rows', -1))}; end if;
      if tg_op = 'UPDATE' then ${apply(`${members('new_rows', 1)} union all ${members('old_rows', -1)}`)}; end if;
      return null;
    end $$`.execute(db);
  await sql`create function subtree_counts_links() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply(links('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${apply(links('old_rows', -1))}; end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger subtree_counts_member_insert after insert on members referencing new table as new_rows for each statement execute function subtree_counts_members()`.execute(db);
  await sql`create trigger subtree_counts_member_delete after delete on members referencing old table as old_rows for each statement execute function subtree_counts_members()`.execute(db);
  // Transition tables allow no column list: every UPDATE fires it; unchanged counts write nothing.
  await sql`create trigger subtree_counts_member_update after update on members referencing old table as old_rows new table as new_rows for each statement execute function subtree_counts_members()`.execute(db);
  await sql`create trigger subtree_counts_link_insert after insert on org_closure referencing new table as new_rows for each statement execute function subtree_counts_links()`.execute(db);
  await sql`create trigger subtree_counts_link_delete after delete on org_closure referencing old table as old_rows for each statement execute function subtree_counts_links()`.execute(db);
}
