import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../../../db/migrations/helpers.ts';

/** Positions 1…63 in a name (NAME_MAX is 50): what the triggers cut a name's pairs of characters at. */
const POSITIONS = 63;

/**
 * Every pair of neighbouring characters of each member's name (张小明 → 张小, 小明), keyed
 * (gram, member_id): a name search of two or more characters reads the members its first pair
 * finds, then checks the whole term on those — O(matches), where `name LIKE '%…%'` read every
 * member of the scope (a county of a million: 76 ms on SQLite, 0.5 s on PostgreSQL; issue #18).
 * A one-character search still reads the scope (a pair table cannot answer it; one-character
 * rows would double the table for a rare search).
 *
 * Kept by triggers on `members` (insert, delete, a changed name), as 0034 keeps member_ancestors,
 * so every writer (sign-up approval, import, edit, demo, bench) keeps it without knowing.
 * `gram_positions` is the numbers the triggers join on: SQLite's triggers cannot use a recursive
 * WITH, and one table serves both engines.
 */
export const memberNameGrams: Migration = {
  async up(db: Kysely<any>) {
    const pg = isPostgres(db);
    await db.schema.createTable('gram_positions').addColumn('p', 'integer', (c) => c.primaryKey()).execute();
    await sql`insert into gram_positions (p) values ${sql.join(Array.from({ length: POSITIONS }, (_, i) => sql`(${i + 1})`))}`.execute(db);
    await db.schema
      .createTable('member_name_grams')
      .addColumn('gram', 'text', (c) => c.notNull())
      .addColumn('member_id', 'integer', (c) => c.notNull())
      // PostgreSQL: the key after the backfill (one sorted build), as 0034.
      .$call((t) => (pg ? t : t.addPrimaryKeyConstraint('member_name_grams_pk', ['gram', 'member_id']).modifyEnd(sql`without rowid`)))
      .execute();
    await sql.raw(`insert into member_name_grams (gram, member_id) ${grams('members m')}`).execute(db);
    if (pg) {
      await sql`alter table member_name_grams add constraint member_name_grams_pk primary key (gram, member_id)`.execute(db);
      await sql`analyze member_name_grams`.execute(db);
      await postgresTriggers(db);
    } else await sqliteTriggers(db);
  },
};

/** The distinct pairs of the names of `rows` (a table or transition table aliased m, with id and name). */
function grams(rows: string): string {
  return `select distinct substr(m.name, p.p, 2), m.id from ${rows} join gram_positions p on p.p < length(m.name)`;
}

async function sqliteTriggers(db: Kysely<any>) {
  const add = `insert into member_name_grams (gram, member_id)
    select distinct substr(new.name, p, 2), new.id from gram_positions where p < length(new.name)`;
  // By the key: the old name gives the pairs to remove, so no second index on member_id is kept.
  const remove = `delete from member_name_grams
    where member_id = old.id and gram in (select substr(old.name, p, 2) from gram_positions where p < length(old.name))`;
  await sql.raw(`create trigger member_name_grams_insert after insert on members begin ${add}; end`).execute(db);
  await sql.raw(`create trigger member_name_grams_delete after delete on members begin ${remove}; end`).execute(db);
  await sql.raw(`create trigger member_name_grams_update after update of name on members when old.name <> new.name
    begin ${remove}; ${add}; end`).execute(db);
}

/**
 * Inserts and deletes once per statement, from their transition tables (an import adds its names
 * in one insert); pairs go out by the key, computed from the old name, so no second index (on member_id) has to
 * be kept up by every insert. A rename is a
 * row trigger whose WHEN skips every update that renames nobody (nearly all) before any call: a
 * statement trigger comparing old and new rows cost 55 ms per 1,000-row update at 10M members.
 */
async function postgresTriggers(db: Kysely<any>) {
  await sql.raw(`create function member_name_grams_members() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then insert into member_name_grams (gram, member_id) ${grams('new_rows m')}; end if;
      if tg_op = 'DELETE' then
        delete from member_name_grams g using (${grams('old_rows m')}) x (gram, member_id) where g.gram = x.gram and g.member_id = x.member_id;
      end if;
      return null;
    end $$`).execute(db);
  await sql.raw(`create function member_name_grams_rename() returns trigger language plpgsql as $$
    begin
      delete from member_name_grams
        where member_id = old.id and gram in (select substr(old.name, p, 2) from gram_positions where p < length(old.name));
      insert into member_name_grams (gram, member_id)
        select distinct substr(new.name, p, 2), new.id from gram_positions where p < length(new.name);
      return null;
    end $$`).execute(db);
  const trigger = (name: string, event: string, rows: string) =>
    sql.raw(`create trigger ${name} after ${event} on members referencing ${rows} for each statement execute function member_name_grams_members()`).execute(db);
  await trigger('member_name_grams_insert', 'insert', 'new table as new_rows');
  await trigger('member_name_grams_delete', 'delete', 'old table as old_rows');
  await sql`create trigger member_name_grams_update after update of name on members
    for each row when (old.name is distinct from new.name) execute function member_name_grams_rename()`.execute(db);
}
