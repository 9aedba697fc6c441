import { sql, type SelectQueryBuilder } from 'kysely';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * Where a list that only grows (the audit log, accounts, join applications) stops counting: past
 * it the total says "more than 10,000" (`totalCapped`) instead of counting a county's years of rows
 * on every page, and the cadre narrows the list with its filters (docs/architecture.md, "The union
 * tree: a closure table").
 */
export const TOTAL_CAP = 10_000;

/**
 * One page of a filtered list and the count of the whole list: `base` carries the joins and
 * filters (and may carry columns), `select` adds the columns and the order. The count is the same
 * query without its columns, so the total always counts what the pages show. Not for grouped
 * queries.
 *
 * With `countUpTo` the count stops there: `total` is at most `countUpTo` and `totalCapped` says the
 * list holds more. The database reads at most `countUpTo + 1` rows to count.
 */
export async function paginate<DB, TB extends keyof DB, O, Row>(
  base: SelectQueryBuilder<DB, TB, O>,
  { page, pageSize }: PageRequest,
  select: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, Row>,
  opts: { countUpTo?: number } = {},
): Promise<{ rows: Row[]; total: number; totalCapped?: boolean }> {
  const unordered = base.clearSelect().clearOrderBy();
  const cap = opts.countUpTo;
  // Is there a row past the cap? The scan stops at the cap either way.
  const capped = cap !== undefined && (await unordered.select(sql<number>`1`.as('one')).limit(1).offset(cap).executeTakeFirst()) !== undefined;
  const rows = () => select(base).limit(pageSize).offset((page - 1) * pageSize).execute();
  if (capped) return { rows: await rows(), total: cap, totalCapped: true };
  const counted = await unordered.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  return { rows: await rows(), total: Number((counted as { total: number | string }).total) };
}
