import { useState } from 'react';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Row, Select, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { dayjs, formatSeconds, startOfDayInZone } from '../../ui/time';
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
const actionPrefixes = ['auth.', 'org.', 'enterprise.', 'team.', 'user.', 'role_grant.', 'member.', 'join_application.', 'transfer.'];

function Json({ value, none }: { value: unknown; none: string }) {
  return <pre className="gh-json">{value === null || value === undefined ? none : JSON.stringify(value, null, 2)}</pre>;
}

/** 审计日志: who changed what, when, before and after — within the caller's scope. */
export function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const actionNames = t('audit.actions', { returnObjects: true }) as Record<string, string>;

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
      action: v.action?.trim() || undefined,
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
              <AutoComplete
                allowClear
                placeholder={t('audit.filterActionPlaceholder')}
                options={[...actionPrefixes, ...Object.keys(actionNames)].map((a) => ({ value: a, label: actionNames[a] ? `${a}  ${actionNames[a]}` : a }))}
                showSearch={{ filterOption: (input, option) => String(option?.value).startsWith(input) }}
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
          showTotal: (count) => t('audit.total', { count }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col span={12}>
                <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
                <Json value={e.before} none={t('audit.none')} />
              </Col>
              <Col span={12}>
                <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
                <Json value={e.after} none={t('audit.none')} />
              </Col>
            </Row>
          ),
        }}
        columns={[
          { title: t('audit.field.at'), dataIndex: 'at', width: 180, className: 'gh-nowrap', render: formatSeconds },
          { title: t('audit.field.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
          {
            title: t('audit.field.action'),
            dataIndex: 'action',
            render: (a: string) => (
              <span>
                {actionNames[a] ?? a}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('audit.field.entity'),
            key: 'entity',
            render: (_, e) => (
              <Tag bordered={false}>
                {t(`audit.entity.${e.entity}`, { defaultValue: e.entity })}
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
