import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../../../db/migrations/helpers.ts';

/**
 * Every member under each org of their org's chain, their own org included (as org_closure's
 * depth 0): one row (ancestor_id, member_id) per pair, keyed in that order. The roll's newest-first
 * page of a scope is then one backward range of that key, `page` rows long, whatever the scope's
 * size — before, the ids of every member of the scope were gathered from `members (org_id, id)`,
 * org by org, and top-N sorted (a 50,000-member street: 8–25 ms of SQL per page). An `after` id
 * (keyset paging) starts the range where the previous page ended. See bench/README.md.
 *
 * Kept by triggers exactly as 0006 keeps subtree_member_counts: a member in, out or moved to another
 * org (transfers, imports, edits) changes their rows; a closure link (ancestor, descendant) in or
 * out — an org created or moved in the tree — adds or removes the ancestor's rows for the
 * descendant org's own members. No foreign keys: the rows follow members and org_closure by the
 * triggers alone, and the delete paths find them by the key (the member's old chain).
 */
export const memberAncestors: Migration = {
  async up(db: Kysely<any>) {
    const pg = isPostgres(db);
    await db.schema
      .createTable('member_ancestors')
      .addColumn('ancestor_id', 'integer', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.notNull())
      // PostgreSQL: the key after the backfill (one sorted build instead of 600,000 index inserts).
      .$call((t) => (pg ? t : t.addPrimaryKeyConstraint('member_ancestors_pk', ['ancestor_id', 'member_id']).modifyEnd(sql`without rowid`)))
      .execute();
    await sql`insert into member_ancestors (ancestor_id, member_id)
      select c.ancestor_id, m.id from members m join org_closure c on c.descendant_id = m.org_id
      order by c.ancestor_id, m.id`.execute(db);
    if (pg) {
      await sql`alter table member_ancestors add constraint member_ancestors_pk primary key (ancestor_id, member_id)`.execute(db);
      await sql`analyze member_ancestors`.execute(db);
      await postgresTriggers(db);
    } else await sqliteTriggers(db);
  },
};

/** SQLite: row triggers, as 0006's. */
async function sqliteTriggers(db: Kysely<any>) {
  const add = (row: 'new' | 'old') =>
    sql.raw(`insert into member_ancestors (ancestor_id, member_id) select ancestor_id, ${row}.id from org_closure where descendant_id = ${row}.org_id`);
  const remove = (row: 'new' | 'old') =>
    sql.raw(`delete from member_ancestors where member_id = ${row}.id
      and ancestor_id in (select ancestor_id from org_closure where descendant_id = ${row}.org_id)`);
  await sql`create trigger member_ancestors_member_insert after insert on members begin ${add('new')}; end`.execute(db);
  await sql`create trigger member_ancestors_member_delete after delete on members begin ${remove('old')}; end`.execute(db);
  await sql`create trigger member_ancestors_member_update after update of org_id on members when old.org_id <> new.org_id
    begin ${remove('old')}; ${add('new')}; end`.execute(db);
  await sql`create trigger member_ancestors_link_insert after insert on org_closure
    begin insert into member_ancestors (ancestor_id, member_id) select new.ancestor_id, id from members where org_id = new.descendant_id; end`.execute(db);
  await sql`create trigger member_ancestors_link_delete after delete on org_closure
    begin delete from member_ancestors where ancestor_id = old.ancestor_id and member_id in (select id from members where org_id = old.descendant_id); end`.execute(db);
}

/** PostgreSQL: once per statement, from its transition tables (an import adds its rows in one insert). */
async function postgresTriggers(db: Kysely<any>) {
  const add = (rows: string, where = '') =>
    `insert into member_ancestors (ancestor_id, member_id) select l.ancestor_id, r.id from ${rows} r join org_closure l on l.descendant_id = r.org_id ${where}`;
  const remove = (rows: string, where = '') =>
    `delete from member_ancestors a using ${rows} r join org_closure l on l.descendant_id = r.org_id where a.ancestor_id = l.ancestor_id and a.member_id = r.id ${where}`;
  // An update moves only the members whose org changed (every UPDATE fires the trigger; most change none).
  const moved = (side: 'o' | 'n') =>
    `(select ${side}.id, ${side}.org_id from old_rows o join new_rows n on n.id = o.id where o.org_id <> n.org_id)`;
  await sql`create function member_ancestors_members() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${sql.raw(add('new_rows'))}; end if;
      if tg_op = 'DELETE' then ${sql.raw(remove('old_rows'))}; end if;
      if tg_op = 'UPDATE' then ${sql.raw(remove(moved('o')))}; ${sql.raw(add(moved('n')))}; end if;
      return null;
    end $$`.execute(db);
  await sql`create function member_ancestors_links() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into member_ancestors (ancestor_id, member_id) select l.ancestor_id, m.id from new_rows l join members m on m.org_id = l.descendant_id;
      end if;
      if tg_op = 'DELETE' then
        delete from member_ancestors a using old_rows l join members m on m.org_id = l.descendant_id where a.ancestor_id = l.ancestor_id and a.member_id = m.id;
      end if;
      return null;
    end $$`.execute(db);
  const trigger = (name: string, event: string, table: string, rows: string, fn: string) =>
    sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on ${sql.raw(table)} referencing ${sql.raw(rows)} for each statement execute function ${sql.raw(fn)}()`.execute(db);
  await trigger('member_ancestors_member_insert', 'insert', 'members', 'new table as new_rows', 'member_ancestors_members');
  await trigger('member_ancestors_member_delete', 'delete', 'members', 'old table as old_rows', 'member_ancestors_members');
  await trigger('member_ancestors_member_update', 'update', 'members', 'old table as old_rows new table as new_rows', 'member_ancestors_members');
  await trigger('member_ancestors_link_insert', 'insert', 'org_closure', 'new table as new_rows', 'member_ancestors_links');
  await trigger('member_ancestors_link_delete', 'delete', 'org_closure', 'old table as old_rows', 'member_ancestors_links');
}
