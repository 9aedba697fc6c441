import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from '../../../db/migrations/helpers.ts';

/**
 * Valid skill records of each org's whole subtree per level, so a county's skill stats read five
 * rows instead of adding up `skill_level_counts` (0015: per org) over every org under it — at
 * 200,000 orgs that sum took 0.2 s on PostgreSQL (issue #18 §1).
 *
 * Kept by triggers on 0015's per-org counts, one level up: a per-org row written (its triggers
 * upsert it when a record is written or closed, or a member moves) adds its change to every
 * ancestor; a closure link (ancestor, descendant) in or out — an org created or moved — carries
 * the descendant org's own counts. Row triggers on both engines: 0015 writes one row per org and
 * level a statement touches, never one per record.
 */
export const subtreeSkillCounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('subtree_skill_counts')
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('subtree_skill_counts_pk', ['org_id', 'level'])
      .execute();
    await sql`insert into subtree_skill_counts (org_id, level, n)
      select c.ancestor_id, k.level, sum(k.n) from skill_level_counts k join org_closure c on c.descendant_id = k.org_id
      group by c.ancestor_id, k.level`.execute(db);
    const upsert = 'on conflict (org_id, level) do update set n = subtree_skill_counts.n + excluded.n';
    const toAncestors = (delta: string) =>
      `insert into subtree_skill_counts (org_id, level, n) select ancestor_id, new.level, ${delta} from org_closure where descendant_id = new.org_id ${upsert}`;
    const link = (row: 'new' | 'old', sign: '' | '-') =>
      `insert into subtree_skill_counts (org_id, level, n) select ${row}.ancestor_id, level, ${sign}n from skill_level_counts where org_id = ${row}.descendant_id ${upsert}`;
    if (isPostgres(db)) {
      const fn = (name: string, body: string) =>
        sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body}; return null; end $$`).execute(db);
      await fn('subtree_skill_counts_inserted', toAncestors('new.n'));
      await fn('subtree_skill_counts_updated', toAncestors('new.n - old.n'));
      await fn('subtree_skill_counts_linked', link('new', ''));
      await fn('subtree_skill_counts_unlinked', link('old', '-'));
      const trigger = (name: string, event: string, table: string, fn: string, when = '') =>
        sql.raw(`create trigger ${name} after ${event} on ${table} for each row ${when} execute function ${fn}()`).execute(db);
      await trigger('subtree_skill_counts_insert', 'insert', 'skill_level_counts', 'subtree_skill_counts_inserted');
      await trigger('subtree_skill_counts_update', 'update of n', 'skill_level_counts', 'subtree_skill_counts_updated', 'when (old.n <> new.n)');
      await trigger('subtree_skill_counts_link_insert', 'insert', 'org_closure', 'subtree_skill_counts_linked');
      await trigger('subtree_skill_counts_link_delete', 'delete', 'org_closure', 'subtree_skill_counts_unlinked');
    } else {
      const run = (text: string) => sql.raw(text).execute(db);
      await run(`create trigger subtree_skill_counts_insert after insert on skill_level_counts begin ${toAncestors('new.n')}; end`);
      await run(`create trigger subtree_skill_counts_update after update of n on skill_level_counts when old.n <> new.n begin ${toAncestors('new.n - old.n')}; end`);
      await run(`create trigger subtree_skill_counts_link_insert after insert on org_closure begin ${link('new', '')}; end`);
      await run(`create trigger subtree_skill_counts_link_delete after delete on org_closure begin ${link('old', '-')}; end`);
    }
  },
};
