import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';

/** The closure table's upkeep: every ancestor–descendant pair of the union tree (docs/architecture.md). */

/** Adds a new org to the closure table under `parentId` (or as a root). */
export async function linkIntoTree(tx: Tx, orgId: number, parentId: number | null): Promise<void> {
  await tx.insertInto('org_closure').values({ ancestor_id: orgId, descendant_id: orgId, depth: 0 }).execute();
  if (parentId === null) return;
  await tx
    .insertInto('org_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('org_closure')
        .select(['ancestor_id', eb.val(orgId).as('descendant_id'), sql<number>`depth + 1`.as('depth')])
        .where('descendant_id', '=', parentId),
    )
    .execute();
}

/** Re-hangs a whole subtree under a new parent: old ancestor links out, new ones in. */
export async function moveSubtree(tx: Tx, orgId: number, newParentId: number): Promise<void> {
  const subtree = tx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId);
  await tx
    .deleteFrom('org_closure')
    .where('descendant_id', 'in', subtree)
    .where('ancestor_id', 'not in', subtree)
    .execute();
  await tx
    .insertInto('org_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression(
      tx
        .selectFrom('org_closure as up')
        .innerJoin('org_closure as down', (join) => join.on('down.ancestor_id', '=', orgId))
        .select(['up.ancestor_id', 'down.descendant_id', sql<number>`up.depth + down.depth + 1`.as('depth')])
        .where('up.descendant_id', '=', newParentId),
    )
    .execute();
}

/** Ancestor ids of an org, nearest last, the org itself excluded. */
export async function ancestorIds(tx: Tx, orgId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', orgId)
    .where('depth', '>', 0)
    .orderBy('depth', 'desc')
    .execute();
  return rows.map((r) => r.ancestor_id);
}
