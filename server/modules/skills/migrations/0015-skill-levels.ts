import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres, withId } from '../../../db/migrations/helpers.ts';

/**
 * Skill-level records (issue #12 §2). A certificate number is unique among valid records only (a
 * partial unique index, on both engines): a voided or corrected record keeps its number as history,
 * and a correction re-issues it.
 *
 * Stats over a subtree read `skill_level_counts`: valid records per org (the union the member
 * belongs to now) and level, kept by triggers — a record written, a record closed (voided or
 * corrected), a member moving to another union (a transfer). A county's stats then add up a few
 * thousand rows of counts instead of joining every certificate to its member (1M members, 200k
 * certificates: ~600 ms → see bench/README.md). Counts are per org, not per subtree, so moving an
 * org in the tree needs no trigger: the closure does the rest at read time.
 */
export const skillLevels: Migration = {
  async up(db: Kysely<any>) {
    await withId(db, db.schema.createTable('skill_levels'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
      .addColumn('occupation', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
      .addColumn('certificate_no', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('issuer_kind', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('valid'))
      .addColumn('replaces_id', 'integer', (c) => c.references('skill_levels.id'))
      .addColumn('reason', 'text')
      .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`create unique index skill_levels_certificate_valid on skill_levels (certificate_no) where status = 'valid'`.execute(db);
    await db.schema.createIndex('skill_levels_member_idx').on('skill_levels').columns(['member_id', 'status', 'level']).execute();

    await db.schema
      .createTable('skill_level_counts')
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('skill_level_counts_pk', ['org_id', 'level'])
      .execute();
    if (isPostgres(db)) await postgresTriggers(db);
    else await sqliteTriggers(db);
  },
};

const upsert = 'on conflict (org_id, level) do update set n = skill_level_counts.n + excluded.n';

/** SQLite: row triggers. */
async function sqliteTriggers(db: Kysely<any>) {
  const change = (row: 'new' | 'old', d: 1 | -1) =>
    sql.raw(`insert into skill_level_counts (org_id, level, n) select org_id, ${row}.level, ${d} from members where id = ${row}.member_id ${upsert}`);
  const moved = (org: 'new' | 'old', sign: '' | '-') =>
    sql.raw(`insert into skill_level_counts (org_id, level, n) select ${org}.org_id, level, ${sign}count(*) from skill_levels
      where member_id = new.id and status = 'valid' group by level ${upsert}`);
  await sql`create trigger skill_counts_insert after insert on skill_levels when new.status = 'valid' begin ${change('new', 1)}; end`.execute(db);
  await sql`create trigger skill_counts_close after update of status on skill_levels when old.status = 'valid' and new.status <> 'valid' begin ${change('old', -1)}; end`.execute(db);
  await sql`create trigger skill_counts_member_move after update of org_id on members when old.org_id <> new.org_id
    begin ${moved('old', '-')}; ${moved('new', '')}; end`.execute(db);
}

/** PostgreSQL: statement triggers over transition tables, so an import's 100k rows are one upsert. */
async function postgresTriggers(db: Kysely<any>) {
  const apply = (changes: string) =>
    sql.raw(`insert into skill_level_counts (org_id, level, n)
      select org_id, level, sum(d) from (${changes}) c group by org_id, level having sum(d) <> 0 ${upsert}`);
  const records = (rows: string, d: 1 | -1) => `select m.org_id, r.level, ${d} as d from ${rows} r join members m on m.id = r.member_id where r.status = 'valid'`;
  const movedRecords = (side: 'n' | 'o', d: 1 | -1) =>
    `select ${side}.org_id, s.level, ${d} as d from new_rows n join old_rows o on o.id = n.id join skill_levels s on s.member_id = n.id and s.status = 'valid' where o.org_id <> n.org_id`;
  await sql`create or replace function skill_counts_records() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply(records('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${apply(records('old_rows', -1))}; end if;
      if tg_op = 'UPDATE' then ${apply(`${records('new_rows', 1)} union all ${records('old_rows', -1)}`)}; end if;
      return null;
    end $$`.execute(db);
  await sql`create or replace function skill_counts_members() returns trigger language plpgsql as $$
    begin
      ${apply(`${movedRecords('n', 1)} union all ${movedRecords('o', -1)}`)};
      return null;
    end $$`.execute(db);
  await sql`create trigger skill_counts_insert after insert on skill_levels referencing new table as new_rows for each statement execute function skill_counts_records()`.execute(db);
  await sql`create trigger skill_counts_delete after delete on skill_levels referencing old table as old_rows for each statement execute function skill_counts_records()`.execute(db);
  await sql`create trigger skill_counts_update after update on skill_levels referencing old table as old_rows new table as new_rows for each statement execute function skill_counts_records()`.execute(db);
  await sql`create trigger skill_counts_member_move after update on members referencing old table as old_rows new table as new_rows for each statement execute function skill_counts_members()`.execute(db);
}
