import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { ApplicationDecisions, ApplicationDrawer } from './application-drawer';
import { memberKeys } from './queries';
import { ApplicationStatusTag } from './status-tags';
import './members.css';
import type { ApplicationStatus, JoinApplication } from './types';
import { usePagedFilters } from '../shared/paged-filters';

interface Filters {
  orgId?: number;
  status?: ApplicationStatus;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

const statuses: ApplicationStatus[] = ['pending', 'approved', 'rejected', 'withdrawn'];

/** 入会审批: join applications in scope, newest first; cadres approve or reject with a reason. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'member.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ status: 'pending', page: 1, pageSize: 20 }, ['status', 'overdue']);
  const [open, setOpen] = useState<number | null>(null);

  const list = useQuery({
    queryKey: [...memberKeys.applications, filters],
    queryFn: () => unwrap(api.GET('/api/join-applications', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.applications')}</h1>}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('members.allOrgs')} style={{ width: 280 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<ApplicationStatus | 'all'>
          style={{ width: 140 }}
          aria-label={t('members.field.status')}
          value={filters.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('members.allStatus') }, ...statuses.map((s) => ({ value: s, label: t(`members.applicationStatus.${s}`) }))]}
        />
        <Checkbox checked={filters.overdue === true} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
          {t('members.applications.onlyOverdue')}
        </Checkbox>
        <ExportButton url="/api/join-applications/export" filters={filters} pii />
      </Flex>
      <Table<JoinApplication>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('members.applications.empty') }}
        // Fixed widths, one line each: masked numbers never run into their neighbours (1366 px and up).
        tableLayout="fixed"
        scroll={{ x: 1040 }}
        pagination={pagination(list.data)}
        columns={[
          {
            title: t('members.field.name'),
            dataIndex: 'name',
            width: 140,
            render: (name: string, a) => (
              <Space size={4}>
                <Typography.Link strong onClick={() => setOpen(a.id)}>
                  {name}
                </Typography.Link>
                {a.overdue && (
                  <Tooltip title={t('members.applications.overdueHint')}>
                    <Tag color="red">{t('members.applications.overdue')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('members.field.idNumber'), dataIndex: 'idNumber', width: 180, render: (v: string) => <span className="gh-masked">{v}</span> },
          { title: t('members.field.phone'), dataIndex: 'phone', width: 125, render: (v: string) => <span className="gh-masked">{v}</span> },
          { title: t('members.field.org'), dataIndex: 'orgName', ellipsis: { showTitle: true } },
          { title: t('members.field.employer'), dataIndex: 'employerName', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
          { title: t('members.field.createdAt'), dataIndex: 'createdAt', width: 145, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span> },
          {
            title: t('members.field.status'),
            key: 'status',
            width: 110,
            render: (_, a) => (
              <div>
                <ApplicationStatusTag status={a.status} />
                {a.reason && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 1, tooltip: a.reason }} style={{ fontSize: 12, margin: 0 }}>
                    {a.reason}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          {
            title: t('members.field.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: writable ? 180 : 80,
            render: (_: unknown, a: JoinApplication) => (
              <Space size={0}>
                <Button type="link" onClick={() => setOpen(a.id)}>
                  {t('members.applications.view')}
                </Button>
                <ApplicationDecisions application={a} />
              </Space>
            ),
          },
        ]}
      />
      <ApplicationDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
