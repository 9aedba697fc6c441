import { useDeferredValue, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';

interface Props {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  placeholder?: string;
  /** A union that may not be chosen (the member's own). */
  exclude?: number;
}

/**
 * Picks a union from the public directory, searched by name or place: a transfer may go to a
 * union outside the cadre's own scope, which the scoped org tree does not show.
 */
export function UnionSearchSelect({ id, value, onChange, placeholder, exclude }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDeferredValue(q.trim());
  const unions = useQuery({
    queryKey: ['directory', term],
    queryFn: () => unwrap(api.GET('/api/directory/unions', { params: { query: { q: term || undefined, pageSize: 50 } } })),
    staleTime: 60_000,
  });
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={unions.isFetching}
      notFoundContent={unions.isFetching ? undefined : t('members.roll.noUnionFound')}
      options={(unions.data?.items ?? []).map((u) => ({
        value: u.id,
        disabled: u.id === exclude,
        label: (
          <span>
            {u.name}
            {u.parentName && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {u.parentName}
              </Typography.Text>
            )}
          </span>
        ),
      }))}
    />
  );
}
