import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Table } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ExportButton } from '../shared/export-button';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { MemberDrawer } from './member-drawer';
import { memberKeys } from './queries';
import { MemberStatusTag } from './status-tags';
import './members.css';
import type { MemberItem, MemberStatus } from './types';
import { usePagedFilters } from '../shared/paged-filters';

interface Filters {
  orgId?: number;
  q?: string;
  status?: MemberStatus;
  page: number;
  pageSize: number;
}

const statuses: MemberStatus[] = ['member', 'transferring', 'retained', 'left'];

/** 会员名册: the roll in scope (masked), searchable, with one member's details in a drawer. */
export function RollPage() {
  const { t } = useTranslation();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<number | null>(null);

  const list = useQuery({
    queryKey: [...memberKeys.roll, filters],
    queryFn: () => unwrap(api.GET('/api/members', { params: { query: { ...filters, q: filters.q || undefined } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.roll')}</h1>}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('members.roll.search')} aria-label={t('members.roll.search')} style={{ width: 360 }} onSearch={(q) => set({ q: q.trim() })} />
        <OrgTreeSelect allowClear placeholder={t('members.allOrgs')} style={{ width: 280 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<MemberStatus | 'all'>
          style={{ width: 140 }}
          aria-label={t('members.field.status')}
          value={filters.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('members.allStatus') }, ...statuses.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))]}
        />
        <ExportButton url="/api/members/export" filters={filters} pii />
        {/* Checking an e-card is a phone's job (the camera): the portal's page, opened in a new tab. */}
        <Button href="/m/verify" target="_blank" rel="noopener">
          {t('members.roll.verifyCard')}
        </Button>
      </Flex>
      <Table<MemberItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('members.roll.empty') }}
        scroll={{ x: 1100 }}
        onRow={(m) => ({ onClick: () => setOpenId(m.id), style: { cursor: 'pointer' } })}
        pagination={pagination(list.data, (total) => t('members.roll.total', { total }))}
        columns={[
          {
            title: t('members.field.name'),
            dataIndex: 'name',
            render: (name: string, m) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(m.id)}>
                {name}
              </Button>
            ),
          },
          { title: t('members.field.memberNo'), dataIndex: 'memberNo' },
          { title: t('members.field.idNumber'), dataIndex: 'idNumber', render: (v: string) => <span className="gh-masked">{v}</span> },
          { title: t('members.field.phone'), dataIndex: 'phone', render: (v: string | null) => <span className="gh-masked">{v ?? '—'}</span> },
          { title: t('members.field.org'), dataIndex: 'orgName' },
          { title: t('members.field.employer'), dataIndex: 'employerName', render: (v: string | null) => v ?? '—' },
          { title: t('members.field.joinedOn'), dataIndex: 'joinedOn' },
          { title: t('members.field.status'), dataIndex: 'status', render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
        ]}
      />
      <MemberDrawer memberId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
