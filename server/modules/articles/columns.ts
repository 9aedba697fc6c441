import type { Updateable } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation, type Tx } from '../../db/database.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { conflict, fieldError, notFound } from '../../platform/errors.ts';
import { holds, inScope, requireOrgInScope, writeScope, type Scope } from '../../platform/access.ts';
import { audit } from '../../platform/audit.ts';
import type { Lang } from '../../platform/i18n.ts';
import { exportTexts } from './messages.ts';
import { columnsForCadre, columnsForReader, usableColumnsOf } from './policy.ts';
import { customColumnId, customColumnKey, isFixedColumn } from './rules.ts';
import type { createColumnBody, updateColumnBody } from './schema.ts';
import { articleColumns, type ArticleColumnTable } from './tables.ts';

/**
 * Columns (栏目): the fixed four every union has, and those a union adds (`article_columns`), keyed
 * `c<id>`, usable by the articles of that union and of its subtree. A column is never deleted, only
 * deactivated: articles filed under it keep their column.
 */

const fixedName = (key: string, lang: Lang) => exportTexts[key as (typeof articleColumns)[number]][lang];

/** The names of columns by key, in `lang`: the fixed ones from the module's texts, a union's own as it named them. */
export async function columnNames(tx: Tx, keys: Iterable<string>, lang: Lang): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids: number[] = [];
  for (const key of new Set(keys)) {
    if (isFixedColumn(key)) names.set(key, fixedName(key, lang));
    else if (customColumnId(key) !== null) ids.push(customColumnId(key)!);
  }
  if (ids.length) for (const c of await tx.selectFrom('article_columns').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(customColumnKey(c.id), c.name);
  return names;
}

/** Refuses (422 naming `column`) a column an article of `orgId` may not be filed under. */
export async function requireUsableColumn(tx: Tx, orgId: number, column: string): Promise<void> {
  if (isFixedColumn(column)) return;
  const id = customColumnId(column);
  const found = id !== null && (await tx.selectFrom('article_columns').select('id').where('id', '=', id).where(usableColumnsOf(orgId)).executeTakeFirst());
  if (!found) throw fieldError('column', 'article_column_unknown');
}

/** The readers' tabs: the fixed columns, then the custom ones the reader has business with (policy.ts). */
export async function columnsOfReader(tx: Tx, memberOrgId: number | null, now: string, lang: Lang) {
  const custom = await tx.selectFrom('article_columns').select(['id', 'name']).where(columnsForReader(memberOrgId, now)).orderBy('ordering').orderBy('id').execute();
  return {
    items: [...articleColumns.map((key) => ({ key, name: fixedName(key, lang), custom: false })), ...custom.map((c) => ({ key: customColumnKey(c.id), name: c.name, custom: true }))],
  };
}

function managedColumns(tx: Tx, caller: Caller) {
  return tx
    .selectFrom('article_columns')
    .innerJoin('orgs', 'orgs.id', 'article_columns.org_id')
    .select(['article_columns.id', 'article_columns.org_id', 'orgs.name as org_name', 'article_columns.name', 'article_columns.ordering', 'article_columns.active'])
    .select(holds(inScope('article_columns.org_id', writeScope(caller.user, 'article.write'))).as('writes'))
    .orderBy('article_columns.ordering')
    .orderBy('article_columns.id');
}

type ManagedColumnRow = Pick<ArticleColumnTable, 'name' | 'ordering' | 'active'> & { id: number; org_id: number; org_name: string; writes: number };
const managedColumn = (c: ManagedColumnRow) => ({
  id: c.id,
  key: customColumnKey(c.id),
  orgId: c.org_id,
  orgName: c.org_name,
  name: c.name,
  ordering: Number(c.ordering),
  active: c.active === 1,
  writable: c.writes === 1,
});

/** The console's columns: those of the scope and above it, or (`usableBy`) the active ones an article of that org may use. */
export async function listManagedColumns(deps: Deps, caller: Caller, usableBy: number | undefined) {
  let q = managedColumns(deps.db, caller);
  if (usableBy === undefined) q = q.where(columnsForCadre(caller.scope));
  else {
    await requireOrgInScope(deps.db, caller.scope, usableBy);
    q = q.where(usableColumnsOf(usableBy));
  }
  return { items: (await q.execute()).map(managedColumn) };
}

async function columnInScope(tx: Tx, caller: Caller, scope: Scope, id: number) {
  const c = await managedColumns(tx, caller).where('article_columns.id', '=', id).where(inScope('article_columns.org_id', scope)).executeTakeFirst();
  if (!c) throw notFound('article_column');
  return c;
}

/** Two columns of one union never share a name: the unique index decides a race, with the same answer. */
function nameTakenOnRace(err: unknown): never {
  if (isUniqueViolation(err)) throw conflict('article_column_taken');
  throw err;
}

export async function createColumn(deps: Deps, caller: Caller, input: z.infer<typeof createColumnBody>) {
  const id = await deps.db
    .transaction()
    .execute(async (tx) => {
      await requireOrgInScope(tx, caller.scope, input.orgId);
      const now = caller.actor.now;
      const { id } = await tx
        .insertInto('article_columns')
        .values({ org_id: input.orgId, name: input.name, ordering: input.ordering, active: 1, created_by: caller.user!.id, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, caller.actor, { action: 'article_column.create', entity: 'article_column', entityId: id, orgId: input.orgId, after: { name: input.name, ordering: input.ordering } });
      return id;
    })
    .catch(nameTakenOnRace);
  return managedColumn(await columnInScope(deps.db, caller, caller.scope, id));
}

export async function updateColumn(deps: Deps, caller: Caller, id: number, input: z.infer<typeof updateColumnBody>) {
  await deps.db
    .transaction()
    .execute(async (tx) => {
      const before = await columnInScope(tx, caller, caller.scope, id);
      const set: Updateable<ArticleColumnTable> = { updated_at: caller.actor.now };
      if (input.name !== undefined) set.name = input.name;
      if (input.ordering !== undefined) set.ordering = input.ordering;
      if (input.active !== undefined) set.active = input.active ? 1 : 0;
      await tx.updateTable('article_columns').set(set).where('id', '=', id).execute();
      await audit(tx, caller.actor, {
        action: 'article_column.update',
        entity: 'article_column',
        entityId: id,
        orgId: before.org_id,
        before: { name: before.name, ordering: Number(before.ordering), active: before.active === 1 },
        after: { name: input.name, ordering: input.ordering, active: input.active },
      });
    })
    .catch(nameTakenOnRace);
  return managedColumn(await columnInScope(deps.db, caller, caller.scope, id));
}
