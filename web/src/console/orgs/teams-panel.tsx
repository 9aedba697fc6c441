import { useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Enterprise, Team, TeamKind } from '../../api/types';
import { formatTime } from '../../ui/time';
import { reportError } from '../shared/errors';
import { FormModal } from '../shared/form-modal';
import { teamKinds } from './org-rules';
import { enterpriseKeys, teamKeys } from './queries';

/** 班组: the workshops, offices, crews and project teams of one enterprise. */
export function TeamsPanel({ enterprise, writable }: { enterprise: Enterprise; writable: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const teams = useQuery({
    queryKey: teamKeys.of(enterprise.id),
    queryFn: () => unwrap(api.GET('/api/teams', { params: { query: { enterpriseId: enterprise.id, pageSize: 200 } } })),
  });
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: teamKeys.of(enterprise.id) });
    queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
  };
  const close = useMutation({
    mutationFn: (team: Team) => unwrap(api.POST('/api/teams/{id}/close', { params: { path: { id: team.id } } })),
    onSuccess: () => {
      message.success(t('teams.closedDone'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  return (
    <div style={{ padding: '4px 0 4px 24px' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('teams.title', { name: enterprise.name })}</Typography.Text>
        {writable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('teams.create')}
          </Button>
        )}
      </Flex>
      <Table<Team>
        rowKey="id"
        size="small"
        loading={teams.isPending}
        dataSource={teams.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('teams.empty') }}
        columns={[
          { title: t('teams.field.name'), dataIndex: 'name', render: (name: string, team) => <Typography.Text delete={team.status === 'closed'}>{name}</Typography.Text> },
          { title: t('teams.field.kind'), dataIndex: 'kind', render: (k: TeamKind) => <Tag bordered={false}>{t(`teams.kind.${k}`)}</Tag> },
          { title: t('teams.field.status'), dataIndex: 'status', render: (s: Team['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`status.${s}`)}</Tag> },
          { title: t('teams.field.createdAt'), dataIndex: 'createdAt', className: 'gh-nowrap', render: formatTime },
          ...(writable
            ? [
                {
                  title: t('teams.field.actions'),
                  key: 'actions',
                  render: (_: unknown, team: Team) =>
                    team.status === 'active' && (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(team)}>
                          {t('teams.rename')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() =>
                            modal.confirm({
                              title: t('teams.closeConfirmTitle', { name: team.name }),
                              okText: t('teams.close'),
                              okButtonProps: { danger: true },
                              onOk: () => close.mutateAsync(team).catch(() => undefined),
                            })
                          }
                        >
                          {t('teams.close')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <TeamFormModal open={editing !== null} team={editing === 'new' ? null : editing} enterpriseId={enterprise.id} onClose={() => setEditing(null)} onDone={refresh} />
    </div>
  );
}

interface TeamValues {
  name: string;
  kind: TeamKind;
}

function TeamFormModal({ open, team, enterpriseId, onClose, onDone }: { open: boolean; team: Team | null; enterpriseId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamValues>();
  return (
    <FormModal
      open={open}
      title={team ? t('teams.renameTitle') : t('teams.createTitle')}
      okText={team ? t('action.save') : t('action.create')}
      form={form}
      initialValues={team ? { name: team.name, kind: team.kind } : { kind: 'crew' }}
      submit={(v) =>
        team
          ? unwrap(api.PATCH('/api/teams/{id}', { params: { path: { id: team.id } }, body: v }))
          : unwrap(api.POST('/api/teams', { body: { ...v, enterpriseId } }))
      }
      onDone={() => {
        message.success(t('teams.saved'));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('teams.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('teams.field.kind')} rules={[{ required: true }]}>
        <Select options={teamKinds.map((k) => ({ value: k, label: t(`teams.kind.${k}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
