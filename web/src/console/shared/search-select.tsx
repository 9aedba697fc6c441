import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

interface Props {
  value?: number;
  onChange?: (id: number) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
}

/** A member of the roll in the caller's scope (or under `orgId`), found by name or member number as the user types. */
export function MemberSelect({ orgId, ...props }: Props & { orgId?: number }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['search-select', 'member', orgId, q],
    queryFn: async () =>
      (await unwrap(api.GET('/api/members', { params: { query: { orgId, q: q || undefined, status: 'member', page: 1, pageSize: 20 } } }))).items.map((m) => ({
        value: m.id,
        label: `${m.name}（${m.memberNo}）· ${m.orgName}`,
      })),
    placeholderData: keepPreviousData,
  });
  return <SearchingSelect {...props} onSearch={setQ} options={found.data} loading={found.isFetching} />;
}

/** A user account in the caller's scope, found by name or username as the user types. */
export function UserSelect(props: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['search-select', 'user', q],
    queryFn: async () => (await unwrap(api.GET('/api/users', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } }))).items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
    placeholderData: keepPreviousData,
  });
  return <SearchingSelect {...props} onSearch={setQ} options={found.data} loading={found.isFetching} />;
}

function SearchingSelect({ onSearch, options, loading, ...props }: Props & { onSearch: (q: string) => void; options?: { value: number; label: string }[]; loading: boolean }) {
  return <Select<number> showSearch filterOption={false} onSearch={(text) => onSearch(text.trim())} options={options ?? []} loading={loading} style={{ minWidth: 240 }} {...props} />;
}
