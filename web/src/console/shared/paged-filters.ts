import { useState, type ReactNode } from 'react';
import type { TablePaginationConfig } from 'antd';

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

/**
 * A list page's filters with its paging: changing a filter goes back to page 1, and `pagination`
 * gives the table's pager (page size changer, optional total line) over the same state. Filters
 * named in `linkable` start from the address, so a link (a to-do, a notice) opens the list filtered.
 */
export function usePagedFilters<F extends Paging>(initial: F, linkable: readonly (keyof F & string)[] = []) {
  const [filters, setFilters] = useState<F>(() => ({ ...initial, ...fromAddress<F>(linkable) }));
  const set = (change: Partial<F>) => setFilters((f) => ({ ...f, page: 1, ...change }));
  const pagination = (total: number | undefined, showTotal?: (total: number) => ReactNode): TablePaginationConfig => ({
    current: filters.page,
    pageSize: filters.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal,
    onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
  });
  return { filters, set, setFilters, pagination };
}
