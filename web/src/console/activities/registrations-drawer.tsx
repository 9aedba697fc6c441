import { useState } from 'react';
import { Alert, Drawer, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { ExportButton } from '../shared/export-button';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs, formatTime } from '../../ui/time';
import { activityKeys } from './queries';
import type { Activity, Registration, RegistrationStatus } from './types';

const statusColor: Record<RegistrationStatus, string> = { confirmed: 'green', waitlisted: 'gold', cancelled: 'default' };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`activities.registrationStatus.${status}`)}</Tag>;
}

/** Attendance of an activity: who came and, once it is over, how many confirmed people did not. */
function AttendanceSummary({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const over = dayjs(activity.endsAt).isBefore(dayjs());
  const noShows = activity.confirmed - activity.checkedIn;
  const rate = activity.confirmed > 0 ? Math.round((activity.checkedIn / activity.confirmed) * 100) : 0;
  return (
    <Alert
      type={over && noShows > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t('activities.registrations.summary', activity)}
      description={
        over && activity.confirmed > 0 ? (
          <Flex gap={16}>
            <span>{t('activities.registrations.attendance', { rate })}</span>
            <span>{t('activities.registrations.noShows', { count: noShows })}</span>
          </Flex>
        ) : undefined
      }
    />
  );
}

/** 报名名单: an activity's registrations, filterable by status, with when each person checked in. */
export function RegistrationsDrawer({ activity, onClose }: { activity: Activity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RegistrationStatus | 'all'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const id = activity?.id ?? 0;
  const list = useQuery({
    queryKey: [...activityKeys.registrations(id), status, page],
    queryFn: () => unwrap(api.GET('/api/activities/{id}/registrations', { params: { path: { id }, query: { ...page, status: status === 'all' ? undefined : status } } })),
    enabled: activity !== null,
    placeholderData: keepPreviousData,
  });
  return (
    <Drawer open={activity !== null} onClose={onClose} size={720} title={activity ? t('activities.registrations.title', { title: activity.title }) : undefined} destroyOnHidden>
      {activity && <AttendanceSummary activity={activity} />}
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
      <Segmented<RegistrationStatus | 'all'>
        value={status}
        onChange={(s) => {
          setStatus(s);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'all', label: t('activities.allStatus') },
          ...(['confirmed', 'waitlisted', 'cancelled'] as const).map((s) => ({ value: s, label: t(`activities.registrationStatus.${s}`) })),
        ]}
      />
      <ExportButton url={`/api/activities/${id}/registrations/export`} filters={{ status: status === 'all' ? undefined : status }} pii />
      </Flex>
      <Table<Registration>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('activities.registrations.empty') }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, pageSize) => setPage({ page: p, pageSize }) }}
        columns={[
          { title: t('activities.field.name'), dataIndex: 'name' },
          { title: t('activities.field.status'), dataIndex: 'status', render: (s: RegistrationStatus) => <RegistrationStatusTag status={s} /> },
          { title: t('activities.field.registeredAt'), dataIndex: 'createdAt', render: formatTime },
          {
            title: t('activities.field.checkedInAt'),
            dataIndex: 'checkedInAt',
            render: (v: string | null, r) =>
              v ? <Tag color="blue">{formatTime(v)}</Tag> : r.status === 'confirmed' ? <Typography.Text type="secondary">{t('activities.registrations.notYetChecked')}</Typography.Text> : '—',
          },
        ]}
      />
    </Drawer>
  );
}
