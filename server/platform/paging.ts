import type { SelectQueryBuilder } from 'kysely';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a filtered list and the count of the whole list: `base` carries the joins and
 * filters, `select` adds the columns and the order. Both queries share the filters, so the total
 * always counts what the pages show.
 */
export async function paginate<DB, TB extends keyof DB, Row>(
  base: SelectQueryBuilder<DB, TB, {}>,
  { page, pageSize }: PageRequest,
  select: (q: SelectQueryBuilder<DB, TB, {}>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
  const rows = await select(base).limit(pageSize).offset((page - 1) * pageSize).execute();
  return { rows, total: Number((counted as { total: number | string }).total) };
}
