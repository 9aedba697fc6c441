import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Drawer, Empty, Flex, Form, Input, InputNumber, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
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
import { useTopOrg } from '../shared/top-org';
import { honourKeys } from './queries';
import { levelColor, levels, yuan, type HonourLevel, type Studio, type StudioDetail } from './types';

interface Filters {
  orgId?: number;
  level?: HonourLevel;
  page: number;
  pageSize: number;
}

export function LevelTag({ level }: { level: HonourLevel | null }) {
  const { t } = useTranslation();
  return level ? <Tag color={levelColor[level]}>{t(`honours.level.${level}`)}</Tag> : <Tag>{t('honours.level.none')}</Tag>;
}

/** 创新工作室: studios in scope with their achievements and savings, and the figures of the whole scope. */
export function StudiosPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'honour.write');
  const top = useTopOrg(me);
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const statsOrg = filters.orgId ?? top;

  const list = useQuery({ queryKey: [...honourKeys.studios, filters], queryFn: () => unwrap(api.GET('/api/studios', { params: { query: filters } })), placeholderData: keepPreviousData });
  const stats = useQuery({
    queryKey: honourKeys.stats(statsOrg ?? 0),
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/studio-stats', { params: { path: { id: statsOrg! } } })),
    enabled: statsOrg !== undefined,
  });
  const s = stats.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}>
            <Statistic title={t('honours.studio.count')} value={s?.total ?? 0} />
          </Col>
          {levels.map((l) => (
            <Col xs={6} md={2} key={l}>
              <Statistic title={t(`honours.level.${l}`)} value={s?.byLevel[l] ?? 0} />
            </Col>
          ))}
          <Col xs={8} md={3}>
            <Statistic title={t('honours.field.patents')} value={s?.patents ?? 0} />
          </Col>
          <Col xs={8} md={3}>
            <Statistic title={t('honours.field.improvements')} value={s?.improvements ?? 0} />
          </Col>
          <Col xs={8} md={6}>
            <Statistic title={t('honours.field.savings')} value={s ? yuan(s.savingsFen) : '¥0.00'} />
          </Col>
        </Row>
      </Card>
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.studios')}</h1>}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('honours.studio.create')}
            </Button>
          )
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('honours.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          <Select<HonourLevel> allowClear placeholder={t('honours.allLevels')} style={{ width: 140 }} value={filters.level} onChange={(level) => set({ level })} options={levels.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
          <ExportButton url="/api/studios/export" filters={filters} />
        </Flex>
        <Table<Studio>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('honours.studio.empty') }}
          scroll={{ x: 1000 }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          pagination={pagination(list.data, (total) => t('honours.studio.total', { total }))}
          columns={[
            {
              title: t('honours.field.studio'),
              key: 'name',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Link>{r.name}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.enterpriseName ?? r.orgName}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('honours.field.leader'), dataIndex: 'leaderName', width: 100 },
            { title: t('honours.field.level'), dataIndex: 'level', width: 90, render: (l: HonourLevel | null) => <LevelTag level={l} /> },
            { title: t('honours.field.members'), dataIndex: 'members', width: 70, align: 'right' },
            { title: t('honours.field.patents'), dataIndex: 'patents', width: 70, align: 'right' },
            { title: t('honours.field.improvements'), dataIndex: 'improvements', width: 90, align: 'right' },
            { title: t('honours.field.savings'), dataIndex: 'savingsFen', width: 140, align: 'right', render: (v: number) => yuan(v) },
          ]}
        />
      </Card>
      <CreateStudioModal open={creating} onClose={() => setCreating(false)} />
      <StudioDrawer id={open} writable={writable} onClose={() => setOpen(null)} />
    </Space>
  );
}

function CreateStudioModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const leaders = useQuery({ queryKey: [...honourKeys.modelWorkers, 'leaders'], queryFn: () => unwrap(api.GET('/api/model-workers', { params: { query: { page: 1, pageSize: 200 } } })), enabled: open });
  return (
    <FormModal
      open={open}
      title={t('honours.studio.create')}
      form={form}
      initialValues={{ kind: 'model_worker', members: [] }}
      submit={(v: { foundedOn: dayjs.Dayjs } & Record<string, unknown>) => unwrap(api.POST('/api/studios', { body: { ...v, foundedOn: v.foundedOn.format('YYYY-MM-DD') } as never }))}
      onDone={() => {
        message.success(t('honours.studio.created'));
        void client.invalidateQueries({ queryKey: honourKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('honours.field.studio')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="orgId" label={t('honours.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="kind" label={t('honours.field.kind')} style={{ flex: 1 }}>
          <Select options={(['model_worker', 'craftsman'] as const).map((k) => ({ value: k, label: t(`honours.studioKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('honours.field.foundedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Flex>
      <Form.Item name="leaderModelWorkerId" label={t('honours.studio.leaderModelWorker')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={(leaders.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.title}` }))} />
      </Form.Item>
      <Form.Item name="members" label={t('honours.field.members')}>
        <Select mode="tags" placeholder={t('honours.studio.membersHint')} open={false} />
      </Form.Item>
    </FormModal>
  );
}

function StudioDrawer({ id, writable, onClose }: { id: number | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [assessing, setAssessing] = useState(false);
  const [achievementForm] = Form.useForm();
  const [assessForm] = Form.useForm();
  const detail = useQuery({ queryKey: honourKeys.studio(id ?? 0), queryFn: () => unwrap(api.GET('/api/studios/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
  const d: StudioDetail | undefined = detail.data;
  const done = (text: string) => {
    message.success(text);
    void client.invalidateQueries({ queryKey: honourKeys.all });
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={d?.name}
      destroyOnHidden
      extra={
        writable && (
          <Space>
            <Button onClick={() => setAssessing(true)}>{t('honours.studio.assess')}</Button>
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('honours.studio.addAchievement')}
            </Button>
          </Space>
        )
      }
    >
      {d && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <LevelTag level={d.level} />
            <Tag bordered={false}>{t(`honours.studioKind.${d.kind}`)}</Tag>
            <span>
              {t('honours.field.leader')}：{d.leaderName}
            </span>
            <span>{d.enterpriseName ?? d.orgName}</span>
            <span>
              {t('honours.field.foundedOn')}：{d.foundedOn}
            </span>
          </Space>
          <Typography.Paragraph type="secondary">
            {t('honours.studio.memberList')}：{d.memberList.map((m) => m.name).join('、')}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('honours.studio.achievements')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.achievements}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honours.studio.noAchievements')} /> }}
            columns={[
              { title: t('honours.field.year'), dataIndex: 'year', width: 70 },
              { title: t('honours.field.entryKind'), dataIndex: 'kind', width: 90, render: (k: 'patent' | 'improvement') => <Tag color={k === 'patent' ? 'blue' : 'green'}>{t(`honours.achievementKind.${k}`)}</Tag> },
              { title: t('honours.field.achievement'), dataIndex: 'title' },
              { title: t('honours.field.patentNo'), dataIndex: 'patentNo', width: 160 },
              { title: t('honours.field.savings'), dataIndex: 'savingsFen', width: 130, align: 'right', render: (v: number) => (v ? yuan(v) : '') },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('honours.studio.assessments')}
          </Typography.Title>
          {d.assessments.length === 0 ? (
            <Typography.Text type="secondary">{t('honours.studio.noAssessments')}</Typography.Text>
          ) : (
            <Space wrap>
              {d.assessments.map((a) => (
                <Tag key={a.id} color={a.passed ? levelColor[a.level] : 'default'}>
                  {a.year} · {t(`honours.level.${a.level}`)} · {a.passed ? t('honours.field.passed') : t('honours.studio.failed')}
                  {a.note ? ` · ${a.note}` : ''}
                </Tag>
              ))}
            </Space>
          )}
        </>
      )}
      <FormModal
        open={adding}
        title={t('honours.studio.addAchievement')}
        form={achievementForm}
        initialValues={{ kind: 'improvement', year: dayjs().year() }}
        submit={(v: { kind: 'patent' | 'improvement'; title: string; year: number; patentNo?: string; savingsYuan?: number }) =>
          unwrap(api.POST('/api/studios/{id}/achievements', { params: { path: { id: id! } }, body: { kind: v.kind, title: v.title, year: v.year, patentNo: v.patentNo, savingsFen: Math.round((v.savingsYuan ?? 0) * 100) } }))
        }
        onDone={() => done(t('honours.studio.achievementAdded'))}
        onClose={() => setAdding(false)}
      >
        <Flex gap={12}>
          <Form.Item name="kind" label={t('honours.field.entryKind')} style={{ width: 140 }}>
            <Select options={(['patent', 'improvement'] as const).map((k) => ({ value: k, label: t(`honours.achievementKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="year" label={t('honours.field.year')}>
            <InputNumber min={1950} max={2100} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('honours.field.achievement')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="patentNo" label={t('honours.field.patentNo')} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="savingsYuan" label={t('honours.field.savingsYuan')} style={{ flex: 1 }}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </FormModal>
      <FormModal
        open={assessing}
        title={t('honours.studio.assess')}
        form={assessForm}
        initialValues={{ year: dayjs().year(), level: 'county', passed: true }}
        submit={(v: { year: number; level: HonourLevel; passed: boolean; note?: string }) => unwrap(api.POST('/api/studios/{id}/assessments', { params: { path: { id: id! } }, body: v }))}
        onDone={() => done(t('honours.studio.assessed'))}
        onClose={() => setAssessing(false)}
      >
        <Flex gap={12}>
          <Form.Item name="year" label={t('honours.field.year')}>
            <InputNumber min={1950} max={2100} />
          </Form.Item>
          <Form.Item name="level" label={t('honours.field.level')} style={{ width: 140 }}>
            <Select options={levels.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="passed" label={t('honours.field.passed')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('honours.field.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
