import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** A select that searches the API as the user types: members of a subtree, or user accounts. */
export function SearchSelect({ kind, orgId, value, onChange, allowClear }: { kind: 'member' | 'user'; orgId?: number; value?: number; onChange?: (v: number) => void; allowClear?: boolean }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['honours', 'search', kind, orgId, q],
    queryFn: async () =>
      kind === 'member'
        ? (await unwrap(api.GET('/api/members', { params: { query: { orgId, q: q || undefined, status: 'member', page: 1, pageSize: 20 } } }))).items.map((m) => ({ value: m.id, label: `${m.name} · ${m.memberNo}` }))
        : (await unwrap(api.GET('/api/users', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } }))).items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
    placeholderData: keepPreviousData,
  });
  return <Select showSearch allowClear={allowClear} filterOption={false} onSearch={setQ} value={value} onChange={onChange} options={found.data ?? []} loading={found.isFetching} />;
}

