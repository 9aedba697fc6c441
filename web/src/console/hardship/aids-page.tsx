import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Progress, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { aidKinds, hardshipKeys, yuan, type Aid, type AidKind, type Campaign } from './types';

interface Filters {
  orgId?: number;
  kind?: AidKind;
  campaignId?: number;
  year?: number;
  page: number;
  pageSize: number;
}

/** 帮扶台账: campaigns with their budgets, and every payment, exported to Excel for the finance office. */
export function AidsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'hardship.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [...hardshipKeys.all, 'aids', filters], queryFn: () => unwrap(api.GET('/api/hardship-aids', { params: { query: filters } })), placeholderData: keepPreviousData });
  const campaigns = useQuery({ queryKey: [...hardshipKeys.all, 'campaigns'], queryFn: () => unwrap(api.GET('/api/hardship-campaigns', { params: { query: { page: 1, pageSize: 100 } } })) });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('hardship.campaigns')}
        extra={
          writable && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('hardship.newCampaign')}
            </Button>
          )
        }
      >
        <Table<Campaign>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={campaigns.data?.items ?? []}
          columns={[
            { title: t('hardship.field.campaign'), dataIndex: 'name' },
            { title: t('hardship.field.org'), dataIndex: 'orgName', ellipsis: true },
            { title: t('hardship.field.kind'), dataIndex: 'kind', width: 100, render: (k: AidKind) => t(`hardship.kind.${k}`) },
            { title: t('hardship.field.year'), dataIndex: 'year', width: 70 },
            { title: t('hardship.field.budget'), dataIndex: 'budgetFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
            { title: t('hardship.field.spent'), key: 'spent', width: 220, render: (_, c) => <Progress percent={Math.round((c.spentFen / c.budgetFen) * 100)} size="small" format={() => yuan(c.spentFen)} /> },
          ]}
        />
      </Card>
      <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.hardshipAids')}</h1>}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('hardship.field.org')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          <Select<AidKind> allowClear placeholder={t('hardship.field.kind')} style={{ width: 130 }} value={filters.kind} onChange={(kind) => set({ kind })} options={aidKinds.map((k) => ({ value: k, label: t(`hardship.kind.${k}`) }))} />
          <Select<number> allowClear placeholder={t('hardship.field.campaign')} style={{ width: 200 }} value={filters.campaignId} onChange={(campaignId) => set({ campaignId })} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <InputNumber placeholder={t('hardship.field.year')} min={2000} max={2100} value={filters.year} onChange={(year) => set({ year: year ?? undefined })} />
          <ExportButton url="/api/hardship-aids/export" filters={filters} />
        </Flex>
        <Table<Aid>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data, (total) => t('hardship.aidTotal', { total }))}
          columns={[
            { title: t('hardship.field.paidOn'), dataIndex: 'paidOn', width: 110 },
            { title: t('hardship.field.name'), dataIndex: 'memberName', width: 100 },
            { title: t('hardship.field.kind'), dataIndex: 'kind', width: 100, render: (k: AidKind) => t(`hardship.kind.${k}`) },
            { title: t('hardship.field.campaign'), dataIndex: 'campaignName', render: (n: string | null) => n ?? '—' },
            { title: t('hardship.field.payer'), dataIndex: 'orgName', ellipsis: true },
            { title: t('hardship.field.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
            { title: t('hardship.field.purpose'), dataIndex: 'purpose', ellipsis: true, render: (p: string | null) => p ?? '—' },
          ]}
        />
      </Card>
      <CampaignModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

function CampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  return (
    <FormModal
      open={open}
      title={t('hardship.newCampaign')}
      form={form}
      initialValues={{ kind: 'warmth', year: dayjs().year() }}
      submit={(v: { orgId: number; name: string; kind: AidKind; year: number; budgetYuan: number }) =>
        unwrap(api.POST('/api/hardship-campaigns', { body: { orgId: v.orgId, name: v.name, kind: v.kind, year: v.year, budgetFen: Math.round(v.budgetYuan * 100) } }))
      }
      onDone={() => {
        message.success(t('hardship.campaignCreated'));
        void client.invalidateQueries({ queryKey: hardshipKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={t('hardship.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="name" label={t('hardship.field.campaign')} rules={[{ required: true }]}>
        <Input maxLength={100} placeholder="2026年春节送温暖" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="kind" label={t('hardship.field.kind')} style={{ flex: 1 }}>
          <Select options={aidKinds.map((k) => ({ value: k, label: t(`hardship.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('hardship.field.year')} style={{ width: 110 }}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="budgetYuan" label={t('hardship.field.budget')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={1} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
