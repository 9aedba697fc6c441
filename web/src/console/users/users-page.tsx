import { useState } from 'react';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Grant, User } from '../../api/types';
import { grantLabel } from '../../ui/orgs';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { CreateUserModal, EditUserModal, GrantModal, ResetPasswordModal } from './user-modals';
import { ExportButton } from '../shared/export-button';
import { usePagedFilters } from '../shared/paged-filters';

interface Filters {
  q?: string;
  orgId?: number;
  disabled?: boolean;
  page: number;
  pageSize: number;
}

type Dialog = { kind: 'create' } | { kind: 'edit' | 'grant' | 'reset'; user: User } | null;

const userKeys = { all: ['users'] as const };

/** 用户与授权: accounts in scope, their role grants, and (for cadres) managing both. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'user.write');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useQuery({
    queryKey: [...userKeys.all, filters],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { ...filters, q: filters.q || undefined } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.all });

  const setDisabled = useMutation({
    mutationFn: ({ user, disabled }: { user: User; disabled: boolean }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { disabled } })),
    onSuccess: (user) => {
      message.success(user.disabled ? t('users.disabledDone', { name: user.displayName }) : t('users.enabledDone', { name: user.displayName }));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  const revoke = useMutation({
    mutationFn: (grant: Grant) => unwrap(api.DELETE('/api/role-grants/{id}', { params: { path: { id: grant.id } } })),
    onSuccess: () => {
      message.success(t('users.revoked'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  const confirmRevoke = (user: User, grant: Grant) =>
    modal.confirm({
      title: t('users.revokeConfirmTitle'),
      content: t('users.revokeConfirmText', { name: user.displayName, grant: grantLabel(t, grant) }),
      okText: t('action.ok'),
      okButtonProps: { danger: true },
      onOk: () => revoke.mutateAsync(grant).catch(() => undefined),
    });

  const confirmDisable = (user: User) =>
    modal.confirm({
      title: t('users.disable'),
      content: t('users.disableConfirm', { name: user.displayName }),
      okText: t('users.disable'),
      okButtonProps: { danger: true },
      onOk: () => setDisabled.mutateAsync({ user, disabled: true }).catch(() => undefined),
    });

  return (
    <Card title={t('layout.menu.users')} extra={writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>{t('users.create')}</Button>}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('users.searchPlaceholder')} aria-label={t('users.searchPlaceholder')} style={{ width: 260 }} onSearch={(q) => set({ q })} />
        <OrgTreeSelect allowClear includeClosed placeholder={t('users.filterOrg')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select
          style={{ width: 140 }}
          aria-label={t('users.field.status')}
          value={filters.disabled === undefined ? 'all' : filters.disabled ? 'disabled' : 'enabled'}
          onChange={(v) => set({ disabled: v === 'all' ? undefined : v === 'disabled' })}
          options={[
            { value: 'all', label: t('users.allStatus') },
            { value: 'enabled', label: t('users.enabledStatus') },
            { value: 'disabled', label: t('users.disabledStatus') },
          ]}
        />
        <ExportButton url="/api/users/export" filters={{ ...filters, q: filters.q || undefined }} pii />
      </Flex>
      <Table<User>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('users.empty') }}
        scroll={{ x: 1200 }}
        pagination={pagination(list.data)}
        columns={[
          {
            title: t('users.field.displayName'),
            key: 'name',
            render: (_, u) => (
              <div>
                <Typography.Text strong>{u.displayName}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {u.username}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('users.field.phone'), dataIndex: 'phone', className: 'gh-nowrap', render: (v: string | null) => v ?? '—' },
          { title: t('users.field.org'), dataIndex: 'homeOrgName', render: (v: string | null) => v ?? '—' },
          {
            title: t('users.field.grants'),
            key: 'grants',
            width: 320,
            render: (_, u) =>
              u.grants.length ? (
                <Flex gap={4} wrap>
                  {u.grants.map((g) => (
                    <Tag
                      key={g.id}
                      color={g.role === 'admin' || g.role === 'cadre' ? 'red' : g.role === 'viewer' ? 'blue' : 'default'}
                      closable={writable}
                      closeIcon={writable ? <span aria-label={t('users.revokeAria', { grant: grantLabel(t, g) })}>×</span> : undefined}
                      onClose={(e) => {
                        e.preventDefault();
                        confirmRevoke(u, g);
                      }}
                    >
                      {grantLabel(t, g)}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('users.noGrants')}</Typography.Text>
              ),
          },
          {
            title: t('users.field.status'),
            dataIndex: 'disabled',
            width: 90,
            render: (d: boolean) => (d ? <Tag>{t('users.disabledStatus')}</Tag> : <Tag color="green">{t('users.enabledStatus')}</Tag>),
          },
          { title: t('users.field.lastLoginAt'), dataIndex: 'lastLoginAt', className: 'gh-nowrap', render: formatTime },
          ...(writable
            ? [
                {
                  title: t('users.field.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 250,
                  render: (_: unknown, u: User) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                        {t('users.edit')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'grant', user: u })}>
                        {t('users.grant')}
                      </Button>
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                        {t('users.resetPassword')}
                      </Button>
                      {u.id !== me.id &&
                        (u.disabled ? (
                          <Button type="link" size="small" onClick={() => setDisabled.mutate({ user: u, disabled: false })}>
                            {t('users.enable')}
                          </Button>
                        ) : (
                          <Button type="link" size="small" danger onClick={() => confirmDisable(u)}>
                            {t('users.disable')}
                          </Button>
                        ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CreateUserModal open={dialog?.kind === 'create'} onClose={() => setDialog(null)} onDone={refresh} />
      {dialog && dialog.kind !== 'create' && (
        <>
          <EditUserModal open={dialog.kind === 'edit'} user={dialog.user} onClose={() => setDialog(null)} onDone={refresh} />
          <GrantModal open={dialog.kind === 'grant'} user={dialog.user} onClose={() => setDialog(null)} onDone={refresh} />
          <ResetPasswordModal open={dialog.kind === 'reset'} user={dialog.user} onClose={() => setDialog(null)} onDone={refresh} />
        </>
      )}
    </Card>
  );
}
