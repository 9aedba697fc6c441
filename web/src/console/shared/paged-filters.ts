import { useState, type ReactNode } from 'react';
import type { TablePaginationConfig } from 'antd';

interface Paging {
  page: number;
  pageSize: number;
}

/**
 * A list page's filters with its paging: changing a filter goes back to page 1, and `pagination`
 * gives the table's pager (page size changer, optional total line) over the same state.
 */
export function usePagedFilters<F extends Paging>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
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
