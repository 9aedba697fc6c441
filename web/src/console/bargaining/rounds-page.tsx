import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, DatePicker, Flex, Form, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { ExportButton } from '../shared/export-button';
import { bargainingKeys, type Round } from './types';

export const statusColor: Record<Round['status'], string> = {
  proposed: 'blue',
  declined: 'default',
  negotiating: 'processing',
  adopted: 'cyan',
  signed: 'geekblue',
  filed: 'orange',
  effective: 'green',
  expired: 'default',
};
const statuses = Object.keys(statusColor) as Round['status'][];

type Filters = { orgId?: number; status?: Round['status']; page: number; pageSize: number };

/** 集体协商: the rounds in scope, newest first; a new round starts with the proposal (要约). */
export function RoundsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const writable = can(me, 'bargaining.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [...bargainingKeys.list, filters], queryFn: () => unwrap(api.GET('/api/bargaining', { params: { query: filters } })), placeholderData: keepPreviousData });

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.bargaining')}</h1>}
      extra={
        <Space>
          <ExportButton url="/api/bargaining/export" filters={filters} />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('bargaining.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('bargaining.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select
          allowClear
          placeholder={t('bargaining.allStatuses')}
          style={{ width: 160 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={statuses.map((s) => ({ value: s, label: t(`bargaining.status.${s}`) }))}
        />
      </Flex>
      <Table<Round>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('bargaining.empty') }}
        pagination={pagination(list.data)}
        onRow={(r) => ({ onClick: () => navigate(`/bargaining/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('bargaining.field.title'), dataIndex: 'title', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
          { title: t('bargaining.field.org'), dataIndex: 'orgName', width: 200 },
          { title: t('bargaining.field.kind'), dataIndex: 'kind', width: 150, render: (k: Round['kind']) => t(`bargaining.kind.${k}`) },
          { title: t('bargaining.field.enterprises'), dataIndex: 'enterprises', width: 90, align: 'right' },
          { title: t('bargaining.field.proposedOn'), dataIndex: 'proposedOn', width: 110 },
          { title: t('bargaining.field.effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
          { title: t('bargaining.field.status'), dataIndex: 'status', width: 120, render: (s: Round['status']) => <Tag color={statusColor[s]}>{t(`bargaining.status.${s}`)}</Tag> },
        ]}
      />
      <CreateRoundModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}

function CreateRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const enterprises = useQuery({
    queryKey: ['bargaining', 'enterprises', orgId],
    queryFn: () => unwrap(api.GET('/api/enterprises', { params: { query: { orgId, page: 1, pageSize: 200 } } })),
    enabled: orgId !== undefined,
  });
  return (
    <FormModal
      open={open}
      title={t('bargaining.create')}
      form={form}
      width={560}
      initialValues={{ kind: 'wage', proposedBy: 'union', proposedOn: dayjs() }}
      submit={(v: { orgId: number; enterpriseIds: number[]; kind: Round['kind']; proposedBy: 'union' | 'employer'; proposedOn: dayjs.Dayjs }) =>
        unwrap(api.POST('/api/bargaining', { body: { ...v, proposedOn: v.proposedOn.format('YYYY-MM-DD') } }))
      }
      onDone={(r) => {
        message.success(t('bargaining.created', { due: r.replyDueOn }));
        void client.invalidateQueries({ queryKey: bargainingKeys.all });
        navigate(`/bargaining/${r.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={t('bargaining.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="enterpriseIds" label={t('bargaining.field.enterprises')} rules={[{ required: true }]}>
        <Select mode="multiple" loading={enterprises.isFetching} options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('bargaining.field.kind')}>
        <Select options={(['wage', 'comprehensive', 'women', 'safety'] as const).map((k) => ({ value: k, label: t(`bargaining.kind.${k}`) }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="proposedBy" label={t('bargaining.field.proposedBy')}>
          <Radio.Group options={(['union', 'employer'] as const).map((s) => ({ value: s, label: t(`bargaining.side.${s}`) }))} />
        </Form.Item>
        <Form.Item name="proposedOn" label={t('bargaining.field.proposedOn')} extra={t('bargaining.stepHint.reply')}>
          <DatePicker />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
