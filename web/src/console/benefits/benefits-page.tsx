import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import type { Dayjs } from 'dayjs';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';

type Benefit = paths['/api/benefits']['get']['responses'][200]['content']['application/json']['items'][number];
const kinds: Benefit['kind'][] = ['summer_cool', 'new_year_dinner', 'goddess_day', 'birthday', 'other'];
const keys = { all: ['benefits'] as const };

interface Filters {
  orgId?: number;
  page: number;
  pageSize: number;
}

/** 普惠福利: benefits in scope with stock, claims and redemptions; publish a new one. */
export function BenefitsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'benefit.write');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [...keys.all, filters], queryFn: () => unwrap(api.GET('/api/benefits', { params: { query: filters } })), placeholderData: keepPreviousData });
  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.benefits')}</h1>}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('benefits.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('benefits.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <ExportButton url="/api/benefits/export" filters={filters} />
      </Flex>
      <Table<Benefit>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('benefits.empty') }}
        scroll={{ x: 1000 }}
        pagination={pagination(list.data, (total) => t('benefits.total', { total }))}
        columns={[
          {
            title: t('benefits.field.title'),
            key: 'title',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  {r.title} <Tag bordered={false}>{t(`benefits.kind.${r.kind}`)}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName}
                  {r.gender && ` · ${t('benefits.field.gender')}：${t(`benefits.gender.${r.gender}`)}`}
                  {r.minTenureMonths && ` · ${t('benefits.field.minTenureMonths')}：${r.minTenureMonths}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('benefits.field.window'), key: 'window', width: 280, render: (_, r) => `${formatTime(r.claimFrom)} ~ ${formatTime(r.claimUntil)}` },
          {
            title: `${t('benefits.field.claimed')} / ${t('benefits.field.stock')}`,
            key: 'claimed',
            width: 200,
            render: (_, r) => (
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <span>
                  {r.claimed} / {r.stock}
                </span>
                <Progress size="small" percent={Math.round((r.claimed / r.stock) * 100)} />
              </Space>
            ),
          },
          { title: t('benefits.field.redeemed'), dataIndex: 'redeemed', width: 90, align: 'right' },
        ]}
      />
      <FormModal
        open={creating}
        title={t('benefits.create')}
        form={form}
        initialValues={{ kind: 'summer_cool' }}
        submit={(v: { orgId: number; title: string; kind: Benefit['kind']; description?: string; stock: number; window: [Dayjs, Dayjs]; gender?: 'male' | 'female'; minTenureMonths?: number }) =>
          unwrap(
            api.POST('/api/benefits', {
              body: { orgId: v.orgId, title: v.title, kind: v.kind, description: v.description, stock: v.stock, claimFrom: v.window[0].toISOString(), claimUntil: v.window[1].toISOString(), gender: v.gender ?? null, minTenureMonths: v.minTenureMonths ?? null },
            }),
          )
        }
        onDone={() => {
          message.success(t('benefits.created'));
          void client.invalidateQueries({ queryKey: keys.all });
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="title" label={t('benefits.field.title')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="orgId" label={t('benefits.field.org')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('benefits.field.kind')} style={{ width: 160 }}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`benefits.kind.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('benefits.field.description')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="stock" label={t('benefits.field.stock')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="window" label={t('benefits.field.window')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DatePicker.RangePicker showTime />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="gender" label={t('benefits.field.gender')} style={{ width: 160 }}>
            <Select allowClear placeholder={t('benefits.anyGender')} options={(['female', 'male'] as const).map((g) => ({ value: g, label: t(`benefits.gender.${g}`) }))} />
          </Form.Item>
          <Form.Item name="minTenureMonths" label={t('benefits.field.minTenureMonths')}>
            <InputNumber min={1} max={600} precision={0} />
          </Form.Item>
        </Flex>
      </FormModal>
    </Card>
  );
}
