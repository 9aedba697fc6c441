import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SettingOutlined, WalletOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs, formatTime } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { reportError } from '../shared/errors';
import { useTopOrg } from '../shared/top-org';
import { honourKeys } from './queries';
import { SettingsModal } from './settings-modal';
import { MemberSelect } from '../shared/search-select';
import { levelColor, levels, yuan, type AllowanceRun, type HonourLevel, type LedgerEntry, type ModelWorker } from './types';

interface Filters {
  orgId?: number;
  level?: HonourLevel;
  unverified?: boolean;
  page: number;
  pageSize: number;
}

const thisYear = () => dayjs().year();

/** 劳模工匠: model workers with this year's verification, their allowance, the ledger, and the monthly runs. */
export function ModelWorkersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'honour.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 }, ['unverified']);
  const [creating, setCreating] = useState(false);
  const [running, setRunning] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [verifying, setVerifying] = useState<ModelWorker | null>(null);
  const [ledgerOf, setLedgerOf] = useState<ModelWorker | null>(null);

  const list = useQuery({
    queryKey: [...honourKeys.modelWorkers, filters],
    queryFn: () => unwrap(api.GET('/api/model-workers', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.modelWorkers')}</h1>}
        extra={
          <Space>
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
              {t('honours.settings.open')}
            </Button>
            {writable && (
              <Button icon={<WalletOutlined />} onClick={() => setRunning(true)}>
                {t('honours.run.start')}
              </Button>
            )}
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('honours.mw.create')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('honours.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          <Select<HonourLevel> allowClear placeholder={t('honours.allLevels')} style={{ width: 140 }} value={filters.level} onChange={(level) => set({ level })} options={levels.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
          <Space>
            <Switch size="small" aria-label={t('honours.mw.unverifiedOnly')} checked={!!filters.unverified} onChange={(unverified) => set({ unverified: unverified || undefined })} />
            <span>{t('honours.mw.unverifiedOnly')}</span>
          </Space>
          <ExportButton url="/api/model-workers/export" filters={filters} />
        </Flex>
        <Table<ModelWorker>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('honours.mw.empty') }}
          scroll={{ x: 1100 }}
          pagination={pagination(list.data, (total) => t('honours.mw.total', { total }))}
          columns={[
            {
              title: t('honours.field.name'),
              key: 'name',
              width: 150,
              render: (_, m) => (
                <Space size={4}>
                  <Typography.Link onClick={() => setLedgerOf(m)}>{m.name}</Typography.Link>
                  {m.memberId !== null && <Tag bordered={false}>{t('honours.mw.member')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('honours.field.title'),
              key: 'title',
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <span>{m.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.year} · {m.employer ?? m.orgName}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('honours.field.level'), dataIndex: 'level', width: 80, render: (l: HonourLevel) => <Tag color={levelColor[l]}>{t(`honours.level.${l}`)}</Tag> },
            { title: t('honours.field.org'), dataIndex: 'orgName', width: 170, ellipsis: { showTitle: true } },
            { title: t('honours.field.monthly'), key: 'monthly', width: 110, align: 'right', render: (_, m) => yuan(m.monthlyAllowanceFen) },
            { title: t('honours.field.wageUplift'), dataIndex: 'wageUpliftPercent', width: 90, align: 'right', render: (p: number) => `${p}%` },
            {
              title: t('honours.field.verification'),
              key: 'verification',
              width: 110,
              render: (_, m) =>
                m.status === 'ended' ? <Tag>{t('honours.mw.ended')}</Tag> : m.verifiedThisYear ? <Tag color="green">{t('honours.mw.verified')}</Tag> : <Tag color="orange">{t('honours.mw.unverified')}</Tag>,
            },
            { title: t('honours.field.balance'), dataIndex: 'balanceFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
            {
              title: t('honours.field.actions'),
              key: 'actions',
              fixed: 'right',
              width: 150,
              render: (_, m) => (
                <Space size={0}>
                  {m.actions.includes('verify') && (
                    <Button type="link" size="small" onClick={() => setVerifying(m)}>
                      {t('honours.mw.verify')}
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setLedgerOf(m)}>
                    {t('honours.mw.ledger')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <RunsCard />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <RunModal open={running} onClose={() => setRunning(false)} />
      <SettingsModal open={settingsOpen} writable={writable} onClose={() => setSettingsOpen(false)} />
      <VerifyModal worker={verifying} onClose={() => setVerifying(null)} />
      <LedgerDrawer worker={ledgerOf} writable={writable} onClose={() => setLedgerOf(null)} />
    </Space>
  );
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const memberId = Form.useWatch('memberId', form) as number | undefined;
  return (
    <FormModal
      open={open}
      title={t('honours.mw.create')}
      form={form}
      initialValues={{ kind: 'model_worker', level: 'county', year: thisYear() }}
      submit={(v) => unwrap(api.POST('/api/model-workers', { body: v }))}
      onDone={() => {
        message.success(t('honours.mw.created'));
        void client.invalidateQueries({ queryKey: honourKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={t('honours.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="memberId" label={t('honours.mw.member')} extra={t('honours.mw.memberHint')}>
        <MemberSelect orgId={orgId} allowClear />
      </Form.Item>
      {!memberId && (
        <Form.Item name="name" label={t('honours.field.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
      )}
      <Form.Item name="employer" label={t('honours.field.employer')}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="kind" label={t('honours.field.kind')} style={{ flex: 1 }}>
          <Select options={(['model_worker', 'advanced_worker'] as const).map((k) => ({ value: k, label: t(`honours.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('honours.field.level')} style={{ flex: 1 }}>
          <Select options={levels.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('honours.field.year')} style={{ width: 110 }}>
          <InputNumber min={1950} max={2100} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t('honours.field.title')} rules={[{ required: true }]}>
        <Input maxLength={100} placeholder="浙江省劳动模范" />
      </Form.Item>
    </FormModal>
  );
}

function RunModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const top = useTopOrg(me);
  const client = useQueryClient();
  const [form] = Form.useForm<{ orgId: number; month: dayjs.Dayjs }>();
  return (
    <FormModal
      open={open}
      title={t('honours.run.title')}
      form={form}
      okText={t('honours.run.start')}
      initialValues={{ orgId: top, month: dayjs() }}
      submit={async (v) => {
        // 202: a run queued; 200: the month's run already exists and nothing is paid twice
        const answer = api.POST('/api/allowance-runs', { body: { orgId: v.orgId, month: v.month.format('YYYY-MM') } });
        await unwrap(answer);
        return (await answer).response.status;
      }}
      onDone={(status) => {
        if (status === 200) message.info(t('honours.run.existing'));
        else message.success(t('honours.run.queued'));
        void client.invalidateQueries({ queryKey: honourKeys.all });
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('honours.run.note')} style={{ marginBottom: 16 }} />
      <Form.Item name="orgId" label={t('honours.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="month" label={t('honours.field.month')} rules={[{ required: true }]}>
        <DatePicker picker="month" />
      </Form.Item>
    </FormModal>
  );
}

/** The latest runs; while one is still running it is asked again every two seconds. */
function RunsCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const runs = useQuery({
    queryKey: honourKeys.runs,
    queryFn: async () => {
      const answer = await unwrap(api.GET('/api/allowance-runs', { params: { query: { page: 1, pageSize: 5 } } }));
      if (!answer.items.some((r) => r.status === 'queued')) void client.invalidateQueries({ queryKey: honourKeys.modelWorkers });
      return answer;
    },
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'queued') ? 2000 : false),
  });
  return (
    <Card title={t('honours.run.recent')} size="small">
      <Table<AllowanceRun>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={runs.data?.items ?? []}
        locale={{ emptyText: t('honours.run.empty') }}
        columns={[
          { title: t('honours.field.month'), dataIndex: 'month', width: 100 },
          { title: t('honours.field.org'), dataIndex: 'orgName' },
          { title: t('honours.field.status'), dataIndex: 'status', width: 100, render: (s: AllowanceRun['status']) => (s === 'done' ? <Tag color="green">{t('honours.run.done')}</Tag> : <Tag color="processing">{t('honours.run.queuedTag')}</Tag>) },
          { title: t('honours.field.paid'), dataIndex: 'paid', width: 100, align: 'right' },
          { title: t('honours.field.skipped'), dataIndex: 'skipped', width: 110, align: 'right' },
          { title: t('honours.field.total'), dataIndex: 'totalFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
          { title: t('honours.field.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatTime(v) },
        ]}
      />
    </Card>
  );
}

function VerifyModal({ worker, onClose }: { worker: ModelWorker | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  return (
    <FormModal
      open={worker !== null}
      title={worker ? t('honours.mw.verifyTitle', { name: worker.name }) : ''}
      form={form}
      okText={t('honours.mw.verify')}
      initialValues={{ year: thisYear(), alive: true, inPost: true }}
      submit={(v) => unwrap(api.POST('/api/model-workers/{id}/verifications', { params: { path: { id: worker!.id } }, body: v }))}
      onDone={() => {
        message.success(t('honours.mw.verifiedDone'));
        void client.invalidateQueries({ queryKey: honourKeys.all });
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('honours.mw.verifyNote')} style={{ marginBottom: 16 }} />
      <Flex gap={24}>
        <Form.Item name="year" label={t('honours.field.year')}>
          <InputNumber min={1950} max={2100} />
        </Form.Item>
        <Form.Item name="alive" label={t('honours.field.alive')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="inPost" label={t('honours.field.inPost')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('honours.field.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function LedgerDrawer({ worker, writable, onClose }: { worker: ModelWorker | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const id = worker?.id ?? 0;
  const ledger = useQuery({ queryKey: honourKeys.ledger(id), queryFn: () => unwrap(api.GET('/api/model-workers/{id}/ledger', { params: { path: { id } } })), enabled: worker !== null });
  const reverse = useMutation({
    mutationFn: (v: { entryId: number; reason: string }) => unwrap(api.POST('/api/allowance-entries/{id}/reversal', { params: { path: { id: v.entryId } }, body: { reason: v.reason } })),
    onSuccess: () => {
      message.success(t('honours.ledger.reversedDone'));
      void client.invalidateQueries({ queryKey: honourKeys.all });
    },
    onError: (e) => reportError(message, e),
  });
  const askReverse = (entry: LedgerEntry) => {
    let reason = '';
    modal.confirm({
      title: t('honours.ledger.reverseTitle'),
      content: <Input.TextArea autoFocus maxLength={200} placeholder={t('honours.field.reason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => reverse.mutateAsync({ entryId: entry.id, reason: reason.trim() || '更正' }),
    });
  };
  const data = ledger.data;
  return (
    <Drawer open={worker !== null} onClose={onClose} size={720} title={worker ? t('honours.ledger.title', { name: worker.name }) : undefined} destroyOnHidden>
      {worker && (
        <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('honours.field.title')}>{worker.title}</Descriptions.Item>
          <Descriptions.Item label={t('honours.field.level')}>{t(`honours.level.${worker.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('honours.field.monthly')}>{t('honours.mw.perMonth', { amount: yuan(worker.monthlyAllowanceFen) })}</Descriptions.Item>
          <Descriptions.Item label={t('honours.ledger.balance')}>
            <Typography.Text strong>{data ? yuan(data.balanceFen) : '…'}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Alert type="info" showIcon title={t('honours.ledger.note')} style={{ marginBottom: 16 }} />
      <Typography.Title level={5}>{t('honours.ledger.verifications')}</Typography.Title>
      {data && data.verifications.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('honours.ledger.noVerification')}</Typography.Paragraph>
      ) : (
        <Space wrap style={{ marginBottom: 16 }}>
          {data?.verifications.map((v) => (
            <Tag key={v.year} color={v.alive && v.inPost ? 'green' : 'default'}>
              {v.year} · {t('honours.field.alive')} {v.alive ? t('honours.yes') : t('honours.no')} · {t('honours.field.inPost')} {v.inPost ? t('honours.yes') : t('honours.no')}
            </Tag>
          ))}
        </Space>
      )}
      <Table<LedgerEntry>
        rowKey="id"
        size="small"
        loading={ledger.isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honours.ledger.empty')} /> }}
        columns={[
          { title: t('honours.field.month'), dataIndex: 'month', width: 90 },
          { title: t('honours.field.entryKind'), dataIndex: 'kind', width: 100, render: (k: LedgerEntry['kind'], e) => (k === 'reversal' ? <Tag color="red">{t('honours.ledger.reversal')}</Tag> : <Space size={4}>{t('honours.ledger.allowance')}{e.reversed && <Tag>{t('honours.ledger.reversed')}</Tag>}</Space>) },
          { title: t('honours.field.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => <span style={{ color: v < 0 ? '#c8161d' : undefined }}>{yuan(v)}</span> },
          { title: t('honours.field.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('honours.field.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
          {
            title: '',
            key: 'reverse',
            width: 70,
            render: (_, e) =>
              writable && e.kind === 'allowance' && !e.reversed ? (
                <Button type="link" size="small" danger onClick={() => askReverse(e)}>
                  {t('honours.ledger.reverse')}
                </Button>
              ) : null,
          },
        ]}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('honours.ledger.entries', { count: data.items.length })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{yuan(data.balanceFen)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={3} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Drawer>
  );
}
