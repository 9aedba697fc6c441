import { App, Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { ReasonAction } from '../shared/reason-action';
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
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { filters, set, pagination } = usePagedFilters<Filters>({ status: 'pending', page: 1, pageSize: 20 });

  const list = useQuery({
    queryKey: [...memberKeys.applications, filters],
    queryFn: () => unwrap(api.GET('/api/join-applications', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
  // A decision changes the roll and the coverage counts too.
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.all });

  const approve = useMutation({
    mutationFn: (application: JoinApplication) => unwrap(api.POST('/api/join-applications/{id}/approve', { params: { path: { id: application.id } } })),
    onSuccess: (result) => {
      modal.success({ title: t('members.applications.approved', { memberNo: result.memberNo }) });
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  const confirmApprove = (application: JoinApplication) =>
    modal.confirm({
      title: t('members.applications.approve'),
      content: t('members.applications.approveConfirm', { name: application.name }),
      okText: t('members.applications.approve'),
      onOk: () => approve.mutateAsync(application).catch(() => undefined),
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
        scroll={{ x: 1100 }}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            title: t('members.field.name'),
            dataIndex: 'name',
            render: (name: string, a) => (
              <Space size={4}>
                <Typography.Text strong>{name}</Typography.Text>
                {a.overdue && (
                  <Tooltip title={t('members.applications.overdueHint')}>
                    <Tag color="red">{t('members.applications.overdue')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('members.field.idNumber'), dataIndex: 'idNumber', render: (v: string) => <span className="gh-masked">{v}</span> },
          { title: t('members.field.phone'), dataIndex: 'phone', render: (v: string) => <span className="gh-masked">{v}</span> },
          { title: t('members.field.org'), dataIndex: 'orgName' },
          { title: t('members.field.employer'), dataIndex: 'employerName', render: (v: string | null) => v ?? '—' },
          { title: t('members.field.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          {
            title: t('members.field.status'),
            key: 'status',
            render: (_, a) => (
              <div>
                <ApplicationStatusTag status={a.status} />
                {a.reason && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.reason}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          ...(writable
            ? [
                {
                  title: t('members.field.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 140,
                  render: (_: unknown, a: JoinApplication) =>
                    a.status === 'pending' && (
                      <Space size={0}>
                        <Button type="link" onClick={() => confirmApprove(a)}>
                          {t('members.applications.approve')}
                        </Button>
                        <ReasonAction
                          label={t('members.applications.reject')}
                          title={t('members.applications.rejectTitle', { name: a.name })}
                          submit={(reason) => unwrap(api.POST('/api/join-applications/{id}/reject', { params: { path: { id: a.id } }, body: { reason } }))}
                          done={t('members.applications.rejected')}
                          onDone={refresh}
                        />
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
