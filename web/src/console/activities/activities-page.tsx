import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, DatePicker, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime, startOfDayInZone, type dayjs } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { ActivityDrawer } from './activity-drawer';
import { activityKeys } from './queries';
import { RegistrationsDrawer } from './registrations-drawer';
import { activityKinds, type Activity, type ActivityKind } from './types';
import { usePagedFilters } from '../shared/paged-filters';

interface Filters {
  orgId?: number;
  kind?: ActivityKind;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** 活动管理: activities in scope with places, sign-ups and attendance; cadres publish, edit and cancel. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'activity.write');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [viewing, setViewing] = useState<Activity | null>(null);

  const list = useQuery({
    queryKey: [...activityKeys.list, filters],
    queryFn: () => unwrap(api.GET('/api/activities', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

  const cancel = useMutation({
    mutationFn: (a: Activity) => unwrap(api.POST('/api/activities/{id}/cancel', { params: { path: { id: a.id } } })),
    onSuccess: () => {
      message.success(t('activities.list.cancelled'));
      queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    onError: (error) => reportError(message, error),
  });

  const confirmCancel = (a: Activity) =>
    modal.confirm({
      title: t('activities.list.cancel'),
      content: t('activities.list.cancelConfirm', { title: a.title }),
      okText: t('activities.list.cancel'),
      okButtonProps: { danger: true },
      onOk: () => cancel.mutateAsync(a).catch(() => undefined),
    });

  const onDates = (range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null) =>
    set({
      from: range?.[0] ? startOfDayInZone(range[0]) : undefined,
      to: range?.[1] ? startOfDayInZone(range[1].add(1, 'day')) : undefined,
    });

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.activities')}</h1>}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('activities.list.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear includeClosed placeholder={t('activities.allOrgs')} style={{ width: 280 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<ActivityKind | 'all'>
          style={{ width: 180 }}
          aria-label={t('activities.field.kind')}
          value={filters.kind ?? 'all'}
          onChange={(v) => set({ kind: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('activities.allKinds') }, ...activityKinds.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))]}
        />
        <DatePicker.RangePicker aria-label={t('activities.list.dateRange')} placeholder={[t('activities.field.startsAt'), t('activities.field.endsAt')]} onChange={onDates} />
        <ExportButton url="/api/activities/export" filters={filters} />
      </Flex>
      <Table<Activity>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('activities.list.empty') }}
        scroll={{ x: 1100 }}
        pagination={pagination(list.data, (total) => t('activities.list.total', { total }))}
        columns={[
          {
            title: t('activities.field.title'),
            dataIndex: 'title',
            width: 240,
            render: (title: string, a) => (
              <Space direction="vertical" size={2}>
                <Typography.Link onClick={() => setViewing(a)}>{title}</Typography.Link>
                <Space size={4} wrap>
                  <Tag bordered={false}>{t(`activityKind.${a.kind}`)}</Tag>
                  {a.status === 'cancelled' && <Tag color="default">{t('activities.status.cancelled')}</Tag>}
                  {a.membersOnly && <Tag bordered={false} color="red">{t('activities.field.membersOnly')}</Tag>}
                  {a.openToAll && <Tag bordered={false} color="blue">{t('activities.field.openToAll')}</Tag>}
                </Space>
              </Space>
            ),
          },
          { title: t('activities.field.org'), dataIndex: 'orgName', width: 150 },
          {
            title: `${t('activities.field.time')} / ${t('activities.field.place')}`,
            key: 'time',
            width: 200,
            render: (_, a) => (
              <>
                <div>
                  {formatTime(a.startsAt)} – {formatTime(a.endsAt).slice(11)}
                </div>
                <Typography.Text type="secondary">{a.place ?? '—'}</Typography.Text>
              </>
            ),
          },
          { title: t('activities.field.capacity'), dataIndex: 'capacity', align: 'right', width: 64 },
          { title: t('activities.field.confirmed'), dataIndex: 'confirmed', align: 'right', width: 72 },
          { title: t('activities.field.waitlisted'), dataIndex: 'waitlisted', align: 'right', width: 64 },
          { title: t('activities.field.checkedIn'), dataIndex: 'checkedIn', align: 'right', width: 72 },
          {
            title: t('activities.field.actions'),
            key: 'actions',
            fixed: 'right',
            width: writable ? 220 : 100,
            // Only what the API says this caller may do to this activity now.
            render: (_, a) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setViewing(a)}>
                  {t('activities.list.registrations')}
                </Button>
                {a.actions.includes('check_in') && (
                  <Button type="link" size="small" onClick={() => navigate(`/checkin/${a.id}`)}>
                    {t('activities.list.checkIn')}
                  </Button>
                )}
                {a.actions.includes('update') && (
                  <Button type="link" size="small" onClick={() => setEditing(a)}>
                    {t('activities.list.edit')}
                  </Button>
                )}
                {a.actions.includes('cancel') && (
                  <Button type="link" size="small" danger onClick={() => confirmCancel(a)}>
                    {t('activities.list.cancel')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ActivityDrawer activity={editing} onClose={() => setEditing(null)} />
      <RegistrationsDrawer activity={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
