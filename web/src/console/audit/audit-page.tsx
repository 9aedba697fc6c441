import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Row, Select, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { dayjs, formatSeconds, formatTime, startOfDayInZone } from '../../ui/time';
import { ExportButton } from '../shared/export-button';
import { OrgTreeSelect } from '../shared/org-tree-select';

interface FilterValues {
  orgId?: number;
  action?: string;
  entity?: string;
  range?: [dayjs.Dayjs, dayjs.Dayjs] | null;
}

interface Query {
  orgId?: number;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const entities = ['org', 'enterprise', 'team', 'user', 'role_grant', 'member', 'join_application', 'transfer'] as const;
type Change = AuditEntry['changes'][number];

/** An instant as the server writes them (UTC, ISO 8601): shown in Shanghai time. */
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value of a before/after table: text as is, instants in Shanghai time, yes/no, anything else compact. */
function Value({ value, none }: { value: unknown; none: string }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '') return <Typography.Text type="secondary">{none}</Typography.Text>;
  if (typeof value === 'boolean') return <>{t(value ? 'audit.yes' : 'audit.no')}</>;
  if (typeof value === 'string') return <>{instant.test(value) ? formatTime(value) : value}</>;
  if (typeof value === 'number') return <>{value}</>;
  return <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(value)}</code>;
}

/** Before and after, field by field, each field by its name where the server knows it. */
function Changes({ changes }: { changes: Change[] }) {
  const { t } = useTranslation();
  const none = t('audit.none');
  return (
    <Table<Change>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: t('audit.fieldName'), dataIndex: 'label', width: 200 },
        { title: t('audit.before'), key: 'before', render: (_, c) => <Value value={c.before} none={none} /> },
        { title: t('audit.after'), key: 'after', render: (_, c) => <Value value={c.after} none={none} /> },
      ]}
    />
  );
}

/** 审计日志: who changed what, when, before and after — within the caller's scope. */
export function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  // The labelled actions, from the server: every module names its own.
  const actions = useQuery({ queryKey: ['audit-log', 'actions'], queryFn: () => unwrap(api.GET('/api/audit-log/actions')), staleTime: Infinity });

  const list = useQuery({
    queryKey: ['audit-log', query],
    queryFn: () => unwrap(api.GET('/api/audit-log', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const apply = (v: FilterValues) =>
    setQuery((q) => ({
      page: 1,
      pageSize: q.pageSize,
      orgId: v.orgId,
      action: v.action,
      entity: v.entity,
      from: v.range ? startOfDayInZone(v.range[0]) : undefined,
      to: v.range ? startOfDayInZone(v.range[1].add(1, 'day')) : undefined,
    }));

  return (
    <Card title={t('layout.menu.audit')} extra={<ExportButton url="/api/audit-log/export" filters={query} />}>
      <Form form={form} layout="vertical" onFinish={apply} style={{ marginBottom: 8 }}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="orgId" label={t('audit.filterOrg')}>
              <OrgTreeSelect allowClear includeClosed />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Form.Item name="action" label={t('audit.filterAction')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('audit.allActions')}
                options={(actions.data?.items ?? []).map((a) => ({ value: a.action, label: a.label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="entity" label={t('audit.filterEntity')}>
              <Select allowClear options={entities.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="range" label={t('audit.filterRange')}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} xl={3}>
            <Form.Item>
              <div style={{ display: 'flex', gap: 8 }}>
                <Button type="primary" htmlType="submit">
                  {t('action.search')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    apply({});
                  }}
                >
                  {t('action.reset')}
                </Button>
              </div>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('audit.empty') }}
        scroll={{ x: 900 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t(list.data?.totalCapped ? 'paging.totalCapped' : 'paging.total', { count }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        expandable={{
          rowExpandable: (e) => e.changes.length > 0,
          expandedRowRender: (e) => <Changes changes={e.changes} />,
        }}
        columns={[
          { title: t('audit.field.at'), dataIndex: 'at', width: 180, className: 'gh-nowrap', render: formatSeconds },
          { title: t('audit.field.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
          { title: t('audit.field.action'), dataIndex: 'actionLabel' },
          {
            title: t('audit.field.entity'),
            key: 'entity',
            render: (_, e) => (
              <Tag bordered={false}>
                {e.entityLabel}
                {e.entityId ? ` #${e.entityId}` : ''}
              </Tag>
            ),
          },
          { title: t('audit.field.org'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
          { title: t('audit.field.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
