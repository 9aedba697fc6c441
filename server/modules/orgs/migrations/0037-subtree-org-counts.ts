import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../../../db/migrations/helpers.ts';

/**
 * The orgs and the enterprises of each org's whole subtree, counted beside them as 0006 counts its
 * members, so coverage statistics and the data screen read a few rows per child shown instead of
 * walking every org and enterprise under the county: at 10 million members and 200,000 orgs the
 * county's figures took 0.8 s on PostgreSQL, all of it in those two walks (issue #18 §1).
 *
 * - `subtree_org_counts (org_id, kind, status, n)`: the orgs of each subtree, itself included.
 * - `subtree_enterprise_counts (org_id, status, unionless, founded_month, n, new_economy,
 *   employees)`: its enterprises, split by whether they sit directly under a federation (no
 *   union of their own) and by founding month (`''` when unknown), so "founded more than a year
 *   ago and still without a union" is the months before the due month, plus that one month's
 *   enterprises read by `enterprises_founded_idx`.
 *
 * Kept by triggers: an enterprise in, out or changed (org, status, founding date, employees, new
 * economy); an org's status changed (closed); a closure link (ancestor, descendant) in or out — an
 * org created or moved — carries the descendant org itself and its own enterprises. An org's kind
 * never changes (orgs/service.ts), so an enterprise's `unionless` follows its org alone. PostgreSQL
 * once per statement from transition tables, SQLite per row, as 0006.
 */
export const subtreeOrgCounts: Migration = {
  async up(db: Kysely<any>) {
    const pg = isPostgres(db);
    await db.schema
      .createTable('subtree_org_counts')
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('subtree_org_counts_pk', ['org_id', 'kind', 'status'])
      .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
    await db.schema
      .createTable('subtree_enterprise_counts')
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('unionless', 'integer', (c) => c.notNull())
      .addColumn('founded_month', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('new_economy', 'integer', (c) => c.notNull())
      .addColumn('employees', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('subtree_enterprise_counts_pk', ['org_id', 'status', 'unionless', 'founded_month'])
      .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
      .execute();
    await sql`insert into subtree_org_counts (org_id, kind, status, n)
      select c.ancestor_id, o.kind, o.status, count(*) from org_closure c join orgs o on o.id = c.descendant_id
      group by c.ancestor_id, o.kind, o.status`.execute(db);
    await sql.raw(`insert into subtree_enterprise_counts (org_id, status, unionless, founded_month, n, new_economy, employees)
      select c.ancestor_id, e.status, ${UNIONLESS}, ${MONTH}, count(*), sum(coalesce(e.new_economy, 0)), sum(coalesce(e.employees, 0))
      from enterprises e join orgs o on o.id = e.org_id join org_closure c on c.descendant_id = e.org_id
      group by c.ancestor_id, e.status, ${UNIONLESS}, ${MONTH}`).execute(db);
    await db.schema.createIndex('enterprises_founded_idx').on('enterprises').column('founded_on').execute();
    if (pg) {
      await sql`analyze subtree_org_counts`.execute(db);
      await sql`analyze subtree_enterprise_counts`.execute(db);
      await postgresTriggers(db);
    } else await sqliteTriggers(db);
  },
};

/** Over an enterprise `e` and its org `o`. */
const UNIONLESS = "case when o.kind = 'federation' then 1 else 0 end";
const MONTH = "coalesce(substr(e.founded_on, 1, 7), '')";

const orgUpsert = 'on conflict (org_id, kind, status) do update set n = subtree_org_counts.n + excluded.n';
const enterpriseUpsert = `on conflict (org_id, status, unionless, founded_month) do update set n = subtree_enterprise_counts.n + excluded.n,
  new_economy = subtree_enterprise_counts.new_economy + excluded.new_economy, employees = subtree_enterprise_counts.employees + excluded.employees`;
const enterpriseColumns = 'insert into subtree_enterprise_counts (org_id, status, unionless, founded_month, n, new_economy, employees)';

async function sqliteTriggers(db: Kysely<any>) {
  // An enterprise counts in every ancestor's subtree of its org, the org itself included.
  const enterprise = (row: 'new' | 'old', d: 1 | -1) =>
    `${enterpriseColumns}
      select c.ancestor_id, e.status, ${UNIONLESS}, ${MONTH}, ${d}, ${d} * coalesce(e.new_economy, 0), ${d} * coalesce(e.employees, 0)
      from (select ${row}.org_id as org_id, ${row}.status as status, ${row}.founded_on as founded_on, ${row}.new_economy as new_economy, ${row}.employees as employees) e
      join orgs o on o.id = e.org_id join org_closure c on c.descendant_id = e.org_id where true ${enterpriseUpsert}`;
  // A closure link in or out carries the descendant org and its own enterprises.
  const link = (row: 'new' | 'old', d: 1 | -1) => [
    `insert into subtree_org_counts (org_id, kind, status, n) select ${row}.ancestor_id, kind, status, ${d} from orgs where id = ${row}.descendant_id ${orgUpsert}`,
    `${enterpriseColumns}
      select ${row}.ancestor_id, e.status, ${UNIONLESS}, ${MONTH}, ${d} * count(*), ${d} * sum(coalesce(e.new_economy, 0)), ${d} * sum(coalesce(e.employees, 0))
      from enterprises e join orgs o on o.id = e.org_id where e.org_id = ${row}.descendant_id
      group by e.status, ${UNIONLESS}, ${MONTH} ${enterpriseUpsert}`,
  ].join('; ');
  const orgStatus = (row: 'new' | 'old', d: 1 | -1) =>
    `insert into subtree_org_counts (org_id, kind, status, n) select ancestor_id, ${row}.kind, ${row}.status, ${d} from org_closure where descendant_id = ${row}.id ${orgUpsert}`;
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`create trigger subtree_enterprises_insert after insert on enterprises begin ${enterprise('new', 1)}; end`);
  await run(`create trigger subtree_enterprises_delete after delete on enterprises begin ${enterprise('old', -1)}; end`);
  await run(`create trigger subtree_enterprises_update after update of org_id, status, founded_on, new_economy, employees on enterprises
    when old.org_id <> new.org_id or old.status <> new.status or old.founded_on is not new.founded_on
      or old.new_economy is not new.new_economy or old.employees is not new.employees
    begin ${enterprise('old', -1)}; ${enterprise('new', 1)}; end`);
  await run(`create trigger subtree_orgs_status after update of status on orgs when old.status <> new.status
    begin ${orgStatus('old', -1)}; ${orgStatus('new', 1)}; end`);
  await run(`create trigger subtree_orgs_link_insert after insert on org_closure begin ${link('new', 1)}; end`);
  await run(`create trigger subtree_orgs_link_delete after delete on org_closure begin ${link('old', -1)}; end`);
}

async function postgresTriggers(db: Kysely<any>) {
  const applyEnterprises = (changes: string) =>
    `${enterpriseColumns}
      select org_id, status, unionless, founded_month, sum(n), sum(new_economy), sum(employees) from (${changes}) c
      group by org_id, status, unionless, founded_month having sum(n) <> 0 or sum(new_economy) <> 0 or sum(employees) <> 0 ${enterpriseUpsert}`;
  const applyOrgs = (changes: string) =>
    `insert into subtree_org_counts (org_id, kind, status, n)
      select org_id, kind, status, sum(n) from (${changes}) c group by org_id, kind, status having sum(n) <> 0 ${orgUpsert}`;
  const enterprises = (rows: string, d: 1 | -1) =>
    `select l.ancestor_id as org_id, e.status, ${UNIONLESS} as unionless, ${MONTH} as founded_month, ${d} as n,
      ${d} * coalesce(e.new_economy, 0) as new_economy, ${d} * coalesce(e.employees, 0) as employees
      from ${rows} e join orgs o on o.id = e.org_id join org_closure l on l.descendant_id = e.org_id`;
  const linkedEnterprises = (rows: string, d: 1 | -1) =>
    `select l.ancestor_id as org_id, e.status, ${UNIONLESS} as unionless, ${MONTH} as founded_month, ${d} as n,
      ${d} * coalesce(e.new_economy, 0) as new_economy, ${d} * coalesce(e.employees, 0) as employees
      from ${rows} l join enterprises e on e.org_id = l.descendant_id join orgs o on o.id = e.org_id`;
  const linkedOrgs = (rows: string, d: 1 | -1) => `select l.ancestor_id as org_id, o.kind, o.status, ${d} as n from ${rows} l join orgs o on o.id = l.descendant_id`;
  const orgStatus = (rows: string, d: 1 | -1) => `select l.ancestor_id as org_id, r.kind, r.status, ${d} as n from ${rows} r join org_closure l on l.descendant_id = r.id`;
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`create function subtree_enterprises() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${applyEnterprises(enterprises('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${applyEnterprises(enterprises('old_rows', -1))}; end if;
      if tg_op = 'UPDATE' then ${applyEnterprises(`${enterprises('new_rows', 1)} union all ${enterprises('old_rows', -1)}`)}; end if;
      return null;
    end $$`);
  await run(`create function subtree_orgs_status() returns trigger language plpgsql as $$
    begin
      ${applyOrgs(`${orgStatus('new_rows', 1)} union all ${orgStatus('old_rows', -1)}`)};
      return null;
    end $$`);
  await run(`create function subtree_orgs_links() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${applyOrgs(linkedOrgs('new_rows', 1))}; ${applyEnterprises(linkedEnterprises('new_rows', 1))}; end if;
      if tg_op = 'DELETE' then ${applyOrgs(linkedOrgs('old_rows', -1))}; ${applyEnterprises(linkedEnterprises('old_rows', -1))}; end if;
      return null;
    end $$`);
  const trigger = (name: string, event: string, table: string, rows: string, fn: string) =>
    run(`create trigger ${name} after ${event} on ${table} referencing ${rows} for each statement execute function ${fn}()`);
  await trigger('subtree_enterprises_insert', 'insert', 'enterprises', 'new table as new_rows', 'subtree_enterprises');
  await trigger('subtree_enterprises_delete', 'delete', 'enterprises', 'old table as old_rows', 'subtree_enterprises');
  // Every UPDATE fires these two (no column list with transition tables); unchanged rows cancel out.
  await trigger('subtree_enterprises_update', 'update', 'enterprises', 'old table as old_rows new table as new_rows', 'subtree_enterprises');
  await trigger('subtree_orgs_status', 'update', 'orgs', 'old table as old_rows new table as new_rows', 'subtree_orgs_status');
  await trigger('subtree_orgs_link_insert', 'insert', 'org_closure', 'new table as new_rows', 'subtree_orgs_links');
  await trigger('subtree_orgs_link_delete', 'delete', 'org_closure', 'old table as old_rows', 'subtree_orgs_links');
}
