import { useState, type ReactNode } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

interface Paging {
  page: number;
  pageSize: number;
}

/** The address's values of some filters (`?status=pending&overdue=true`): true/false as booleans, digits as numbers. */
function fromAddress<F>(keys: readonly (keyof F & string)[]): Partial<F> {
  const params = new URLSearchParams(window.location.search);
  const found: Record<string, unknown> = {};
  for (const key of keys) {
    const v = params.get(key);
    if (v !== null && v !== '') found[key] = v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v;
  }
  return found as Partial<F>;
}

/** What a list answer says of its size (`pageOf` on the server): `totalCapped` when it stopped counting at `total`. */
interface PageSize {
  total: number;
  totalCapped?: boolean;
}

/**
 * A list page's filters with its paging: changing a filter goes back to page 1, and `pagination`
 * gives the table's pager (page size changer, total line) over the same state. The total line is
 * the page's own text (`共 12 个活动`) or 共 N 条, and 超过 10000 条 when the server stopped
 * counting. Filters named in `linkable` start from the address, so a link (a to-do, a notice)
 * opens the list filtered.
 */
export function usePagedFilters<F extends Paging>(initial: F, linkable: readonly (keyof F & string)[] = []) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<F>(() => ({ ...initial, ...fromAddress<F>(linkable) }));
  const set = (change: Partial<F>) => setFilters((f) => ({ ...f, page: 1, ...change }));
  const pagination = (page: PageSize | undefined, showTotal?: (total: number) => ReactNode): TablePaginationConfig => ({
    current: filters.page,
    pageSize: filters.pageSize,
    total: page?.total ?? 0,
    showSizeChanger: true,
    showTotal: (count) =>
      page?.totalCapped ? t('paging.totalCapped', { count }) : showTotal ? showTotal(count) : t('paging.total', { count }),
    onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
  });
  return { filters, set, setFilters, pagination };
}
