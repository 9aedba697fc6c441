import type { SelectQueryBuilder } from 'kysely';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a filtered list and the count of the whole list: `base` carries the joins and
 * filters (and may carry columns), `select` adds the columns and the order. The count is the same
 * query without its columns, so the total always counts what the pages show. Not for grouped
 * queries.
 */
export async function paginate<DB, TB extends keyof DB, O, Row>(
  base: SelectQueryBuilder<DB, TB, O>,
  { page, pageSize }: PageRequest,
  select: (q: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  const counted = await base
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await select(base).limit(pageSize).offset((page - 1) * pageSize).execute();
  return { rows, total: Number((counted as { total: number | string }).total) };
}
