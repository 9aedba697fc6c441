import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { articleColumns, articleKeys } from './types';

/**
 * The column choices: the fixed four, then the columns unions added — the active ones an article of
 * `usableBy` may be filed under, none while that org is still to be chosen (null), or (undefined)
 * every one the console shows, for filtering.
 */
export function useColumnOptions(usableBy?: number | null) {
  const { t } = useTranslation();
  const custom = useQuery({
    queryKey: [...articleKeys.columns, usableBy === null ? 'none' : (usableBy ?? 'all')],
    queryFn: () => unwrap(api.GET('/api/articles/columns/manage', { params: { query: usableBy ? { usableBy } : {} } })),
    enabled: usableBy !== null,
  });
  return [
    ...articleColumns.map((c) => ({ value: c as string, label: t(`articles.column.${c}`) })),
    ...(custom.data?.items ?? []).filter((c) => c.active || !usableBy).map((c) => ({ value: c.key, label: c.name })),
  ];
}
