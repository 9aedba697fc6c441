import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../../../db/migrations/helpers.ts';

/**
 * The member register's standard fields (会员登记): 民族, 学历, 政治面貌, 是否农民工 and 新就业形态 on
 * members and on join applications (copied to the member on approval), each null while not
 * recorded. Gender and birth date are already there, read from the ID number.
 *
 * Federations report the migrant workers (农民工) and new-form workers (新就业形态劳动者) among their
 * members every year, so coverage statistics count them per scope as they count members: 0006's
 * subtree_member_counts gets two more counts in the same rows, kept by the same triggers, which
 * are replaced here on both engines (a member whose flags change moves between the counts).
 * Existing members have no flags yet, so both start at 0.
 */
export const memberStandardFields: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['members', 'join_applications']) {
      for (const [column, type] of [['ethnicity', 'text'], ['education', 'text'], ['political_status', 'text'], ['migrant_worker', 'integer'], ['new_form_group', 'text']] as const) {
        await db.schema.alterTable(table).addColumn(column, type).execute();
      }
    }
    for (const column of ['migrant_workers', 'new_form_workers']) {
      await db.schema.alterTable('subtree_member_counts').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
    }
    if (isPostgres(db)) {
      // Still read from the index alone, with the two new counts (see 0006).
      await db.schema.dropIndex('subtree_member_counts_cover').execute();
      await db.schema
        .createIndex('subtree_member_counts_cover')
        .on('subtree_member_counts')
        .columns(['org_id', 'status', 'joined_month', 'n', 'migrant_workers', 'new_form_workers'])
        .execute();
      await postgresTriggers(db);
    } else await sqliteTriggers(db);
  },
};

const upsert = `on conflict (org_id, status, joined_month) do update set n = subtree_member_counts.n + excluded.n,
  migrant_workers = subtree_member_counts.migrant_workers + excluded.migrant_workers,
  new_form_workers = subtree_member_counts.new_form_workers + excluded.new_form_workers`;
const columns = 'org_id, status, joined_month, n, migrant_workers, new_form_workers';
/** A row's contribution to the two counts: a migrant worker (1/0/null) and a new-form worker ('none' or null is not). */
const migrant = (row: string) => `coalesce(${row}migrant_worker, 0)`;
const newForm = (row: string) => `(case when ${row}new_form_group <> 'none' then 1 else 0 end)`;

/** SQLite: row triggers, as in 0006, now carrying the two counts. */
async function sqliteTriggers(db: Kysely<any>) {
  for (const trigger of ['member_insert', 'member_delete', 'member_update', 'link_insert', 'link_delete']) {
    await sql`drop trigger ${sql.raw(`subtree_counts_${trigger}`)}`.execute(db);
  }
  const member = (row: 'new' | 'old', d: 1 | -1) =>
    sql.raw(`insert into subtree_member_counts (${columns})
      select ancestor_id, ${row}.status, substr(${row}.joined_on, 1, 7), ${d}, ${d} * ${migrant(`${row}.`)}, ${d} * ${newForm(`${row}.`)}
      from org_closure where descendant_id = ${row}.org_id ${upsert}`);
  const link = (row: 'new' | 'old', sign: '' | '-') =>
    sql.raw(`insert into subtree_member_counts (${columns})
      select ${row}.ancestor_id, status, substr(joined_on, 1, 7), ${sign}count(*), ${sign}sum(${migrant('')}), ${sign}sum(${newForm('')})
      from members where org_id = ${row}.descendant_id group by status, substr(joined_on, 1, 7) ${upsert}`);
  await sql`create trigger subtree_counts_member_insert after insert on members begin ${member('new', 1)}; end`.execute(db);
  await sql`create trigger subtree_counts_member_delete after delete on members begin ${member('old', -1)}; end`.execute(db);
  await sql`create trigger subtree_counts_member_update after update of org_id, status, joined_on, migrant_worker, new_form_group on members
    when old.org_id <> new.org_id or old.status <> new.status or old.joined_on <> new.joined_on
      or old.migrant_worker is not new.migrant_worker or old.new_form_group is not new.new_form_group
    begin ${member('old', -1)}; ${member('new', 1)}; end`.execute(db);
  await sql`create trigger subtree_counts_link_insert after insert on org_closure begin ${link('new', '')}; end`.execute(db);
  await sql`create trigger subtree_counts_link_delete after delete on org_closure begin ${link('old', '-')}; end`.execute(db);
}

/** PostgreSQL: 0006's statement-level trigger functions, replaced; the triggers calling them stay. */
async function postgresTriggers(db: Kysely<any>) {
  const apply = (changes: string) =>
    sql.raw(`insert into subtree_member_counts (${columns})
      select org_id, status, joined_month, sum(d), sum(dm), sum(dn) from (${changes}) c group by org_id, status, joined_month
      having sum(d) <> 0 or sum(dm) <> 0 or sum(dn) <> 0 ${upsert}`);
  const members = (rows: string, d: 1 | -1) =>
    `select l.ancestor_id as org_id, r.status, substr(r.joined_on, 1, 7) as joined_month, ${d} as d, ${d} * ${migrant('r.')} as dm, ${d} * ${newForm('r.')} as dn
     from ${rows} r join org_closure l on l.descendant_id = r.org_id`;
  const links = (rows: string, d: 1 | -1) =>
    `select l.ancestor_id as org_id, m.status, substr(m.joined_on, 1, 7) as joined_month, ${d} as d, ${d} * ${migrant('m.')} as dm, ${d} * ${newForm('m.')} as dn
     from ${rows} l join members m on m.org_id = l.descendant_id`;
  await sql`create or replace function subtree_counts_members() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply(members('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${apply(members('old_rows', -1))}; end if;
      if tg_op = 'UPDATE' then ${apply(`${members('new_rows', 1)} union all ${members('old_rows', -1)}`)}; end if;
      return null;
    end $$`.execute(db);
  await sql`create or replace function subtree_counts_links() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply(links('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${apply(links('old_rows', -1))}; end if;
      return null;
    end $$`.execute(db);
}
