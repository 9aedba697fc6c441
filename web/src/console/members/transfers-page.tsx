import { useState } from 'react';
import { App, Button, Card, Space, Table, Tabs, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { ReasonAction } from '../shared/reason-action';
import { memberKeys } from './queries';
import { TransferStatusTag } from './status-tags';
import type { Transfer } from './types';

type Direction = 'incoming' | 'outgoing';

/** 会员接转: transfers into the scope (to accept or decline) and out of it (to follow or withdraw). */
export function TransfersPage() {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>('incoming');
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.transfers')}</h1>} extra={<ExportButton url="/api/transfers/export" filters={{ direction }} />}>
      <Tabs
        activeKey={direction}
        onChange={(key) => setDirection(key as Direction)}
        destroyOnHidden
        items={(['incoming', 'outgoing'] as const).map((d) => ({ key: d, label: t(`members.transfers.${d}`), children: <TransferTable direction={d} /> }))}
      />
    </Card>
  );
}

function TransferTable({ direction }: { direction: Direction }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'member.write');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const list = useQuery({
    queryKey: [...memberKeys.transfers(direction), paging],
    queryFn: () => unwrap(api.GET('/api/transfers', { params: { query: { direction, ...paging } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.all });

  const accept = useMutation({
    mutationFn: (transfer: Transfer) => unwrap(api.POST('/api/transfers/{id}/accept', { params: { path: { id: transfer.id } } })),
    onSuccess: () => {
      message.success(t('members.transfers.accepted'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  const cancel = useMutation({
    mutationFn: (transfer: Transfer) => unwrap(api.POST('/api/transfers/{id}/cancel', { params: { path: { id: transfer.id } } })),
    onSuccess: () => {
      message.success(t('members.transfers.cancelled'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  const confirmCancel = (transfer: Transfer) =>
    modal.confirm({
      title: t('members.transfers.cancel'),
      content: t('members.transfers.cancelConfirm', { name: transfer.memberName, org: transfer.toOrgName }),
      okText: t('members.transfers.cancel'),
      okButtonProps: { danger: true },
      onOk: () => cancel.mutateAsync(transfer).catch(() => undefined),
    });

  const confirmAccept = (transfer: Transfer) =>
    modal.confirm({
      title: t('members.transfers.accept'),
      content: t('members.transfers.acceptConfirm', { name: transfer.memberName, org: transfer.toOrgName }),
      okText: t('members.transfers.accept'),
      onOk: () => accept.mutateAsync(transfer).catch(() => undefined),
    });

  return (
    <Table<Transfer>
      rowKey="id"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('members.transfers.empty') }}
      scroll={{ x: 1000 }}
      pagination={{
        ...paging,
        current: paging.page,
        total: list.data?.total ?? 0,
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      columns={[
        {
          title: t('members.field.member'),
          key: 'member',
          render: (_, tr) => (
            <div>
              <Typography.Text strong>{tr.memberName}</Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tr.memberNo}
                </Typography.Text>
              </div>
            </div>
          ),
        },
        { title: t('members.field.from'), dataIndex: 'fromOrgName' },
        { title: t('members.field.to'), dataIndex: 'toOrgName' },
        { title: t('members.field.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatTime(v) },
        { title: t('members.field.decidedAt'), dataIndex: 'decidedAt', render: (v: string | null) => formatTime(v) },
        {
          title: t('members.field.status'),
          key: 'status',
          render: (_, tr) => <TransferStatusTag status={tr.status} reason={tr.reason} />,
        },
        ...(writable
          ? [
              {
                title: t('members.field.actions'),
                key: 'actions',
                fixed: 'right' as const,
                width: 140,
                // Only what the API says this caller may do to this transfer.
                render: (_: unknown, tr: Transfer) => (
                  <Space size={0}>
                    {tr.actions.includes('accept') && (
                      <Button type="link" onClick={() => confirmAccept(tr)}>
                        {t('members.transfers.accept')}
                      </Button>
                    )}
                    {tr.actions.includes('reject') && (
                      <ReasonAction
                        label={t('members.transfers.reject')}
                        title={t('members.transfers.rejectTitle', { name: tr.memberName })}
                        submit={(reason) => unwrap(api.POST('/api/transfers/{id}/reject', { params: { path: { id: tr.id } }, body: { reason } }))}
                        done={t('members.transfers.rejected')}
                        onDone={refresh}
                      />
                    )}
                    {tr.actions.includes('cancel') && (
                      <Button type="link" danger onClick={() => confirmCancel(tr)}>
                        {t('members.transfers.cancel')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
