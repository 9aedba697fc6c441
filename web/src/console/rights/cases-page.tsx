import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select, Space, Statistic, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { reportError } from '../shared/errors';
import { ReasonAction } from '../shared/reason-action';
import { UserSelect } from '../shared/search-select';
import { useTopOrg } from '../shared/top-org';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type CaseItem = Json<paths['/api/rights-cases']['get']['responses'][200]>['items'][number];
type CaseDetail = Json<paths['/api/rights-cases/{id}']['get']['responses'][200]>;
type Status = CaseItem['status'];
type Category = CaseItem['category'];
type Channel = CaseItem['channel'];

const statuses: Status[] = ['submitted', 'accepted', 'in_progress', 'closed', 'declined'];
const categories: Category[] = ['wage_arrears', 'labour_contract', 'social_insurance', 'work_injury', 'dismissal', 'overtime', 'other'];
const stepKinds = ['consultation', 'mediation', 'legal_aid_referral', 'arbitration', 'litigation_support', 'internal_note'] as const;
const slaColor = { overdue: 'red', due_soon: 'orange', on_time: 'green', none: 'default' } as const;
const statusColor: Record<Status, string> = { submitted: 'gold', accepted: 'blue', in_progress: 'processing', closed: 'green', declined: 'default' };
const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`);
const keys = { all: ['rights'] as const };

interface Filters {
  orgId?: number;
  status?: Status;
  category?: Category;
  channel?: Channel;
  overdue?: 'true';
  q?: string;
  page: number;
  pageSize: number;
}

/** 维权案件: the queue in scope with SLA colours, filters, export, intake, and each case in a drawer. */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'rights.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 }, ['overdue', 'status', 'q']);
  const [intake, setIntake] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...keys.all, 'list', filters], queryFn: () => unwrap(api.GET('/api/rights-cases', { params: { query: filters } })), placeholderData: keepPreviousData });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <StatsCard />
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.rightsCases')}</h1>}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)}>
              {t('rights.intake')}
            </Button>
          )
        }
      >
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('rights.field.org')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          <Select<Status> allowClear placeholder={t('rights.allStatuses')} style={{ width: 130 }} value={filters.status} onChange={(status) => set({ status })} options={statuses.map((s) => ({ value: s, label: t(`rights.status.${s}`) }))} />
          <Select<Category> allowClear placeholder={t('rights.allCategories')} style={{ width: 140 }} value={filters.category} onChange={(category) => set({ category })} options={categories.map((c) => ({ value: c, label: t(`rights.category.${c}`) }))} />
          <Select<Channel> allowClear placeholder={t('rights.allChannels')} style={{ width: 130 }} value={filters.channel} onChange={(channel) => set({ channel })} options={(['portal', 'walk_in', 'hotline'] as const).map((c) => ({ value: c, label: t(`rights.channel.${c}`) }))} />
          <Input.Search allowClear placeholder={t('rights.field.caseNo')} style={{ width: 180 }} defaultValue={filters.q} onSearch={(q) => set({ q: q || undefined })} />
          <Space>
            <Switch size="small" aria-label={t('rights.overdueOnly')} checked={filters.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} />
            <span>{t('rights.overdueOnly')}</span>
          </Space>
          <ExportButton url="/api/rights-cases/export" filters={filters} />
        </Flex>
        <Table<CaseItem>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('rights.empty') }}
          scroll={{ x: 1100 }}
          pagination={pagination(list.data, (total) => t('rights.total', { total }))}
          onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('rights.field.caseNo'), dataIndex: 'caseNo', width: 140, render: (no: string) => <Typography.Link>{no}</Typography.Link> },
            { title: t('rights.field.applicant'), dataIndex: 'applicantName', width: 100 },
            { title: t('rights.field.category'), dataIndex: 'category', width: 110, render: (c: Category) => t(`rights.category.${c}`) },
            { title: t('rights.field.channel'), dataIndex: 'channel', width: 100, render: (c: Channel) => t(`rights.channel.${c}`) },
            { title: t('rights.field.org'), dataIndex: 'orgName', ellipsis: { showTitle: true } },
            { title: t('rights.field.status'), dataIndex: 'status', width: 100, render: (s: Status) => <Tag color={statusColor[s]}>{t(`rights.status.${s}`)}</Tag> },
            {
              title: t('rights.field.due'),
              key: 'sla',
              width: 250,
              render: (_, c) => (
                <Space size={4} data-testid="sla">
                  {c.sla !== 'none' && <Tag color={slaColor[c.sla]}>{t(`rights.sla.${c.sla}`)}</Tag>}
                  {c.due && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(c.due)}</Typography.Text>}
                  {c.escalated && <Tag color="volcano">{t('rights.escalated')}</Tag>}
                </Space>
              ),
            },
            { title: t('rights.field.assignee'), dataIndex: 'assigneeName', width: 110, render: (n: string | null) => n ?? '—' },
            { title: t('rights.field.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
          ]}
        />
      </Card>
      <IntakeModal open={intake} onClose={() => setIntake(false)} />
      <CaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}

function StatsCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const top = useTopOrg(me);
  const stats = useQuery({ queryKey: [...keys.all, 'stats', top], enabled: top !== undefined, queryFn: () => unwrap(api.GET('/api/orgs/{id}/rights-stats', { params: { path: { id: top! } } })) });
  const s = stats.data;
  return (
    <Card size="small" title={t('rights.statsTitle')}>
      <Flex gap={48} wrap>
        <Statistic title={t('rights.statsTotal')} value={s?.total ?? '—'} />
        <Statistic title={t('rights.statsOpen')} value={s ? s.byStatus.submitted + s.byStatus.accepted + s.byStatus.in_progress : '—'} />
        <Statistic title={t('rights.statsOverdue')} value={s?.overdue ?? '—'} valueStyle={{ color: s?.overdue ? '#cf1322' : undefined }} />
        <Statistic title={t('rights.statsRecovered')} value={s ? yuan(s.recoveredFen) : '—'} />
        <Statistic title={t('rights.statsRating')} value={s?.meanRating ?? '—'} suffix={s?.meanRating ? '/ 5' : undefined} />
      </Flex>
    </Card>
  );
}

function IntakeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  return (
    <FormModal
      open={open}
      title={t('rights.intake')}
      form={form}
      initialValues={{ channel: 'hotline', category: 'wage_arrears' }}
      submit={(v: Record<string, unknown>) => unwrap(api.POST('/api/rights-cases/intake', { body: { ...v, amountFen: typeof v.amountYuan === 'number' ? Math.round(v.amountYuan * 100) : null, amountYuan: undefined, consent: v.consent === true } as never }))}
      onDone={(r) => {
        message.success(t('rights.intakeDone', { caseNo: r.caseNo }));
        void client.invalidateQueries({ queryKey: keys.all });
      }}
      onClose={onClose}
    >
      <Flex gap={12}>
        <Form.Item name="channel" label={t('rights.field.channel')} style={{ flex: 1 }}>
          <Select options={(['hotline', 'walk_in'] as const).map((c) => ({ value: c, label: t(`rights.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('rights.field.category')} style={{ flex: 1 }}>
          <Select options={categories.map((c) => ({ value: c, label: t(`rights.category.${c}`) }))} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="applicantName" label={t('rights.field.applicant')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('rights.field.phone')} style={{ flex: 1 }}>
          <Input maxLength={11} />
        </Form.Item>
      </Flex>
      <Form.Item name="orgId" label={t('rights.field.street')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="employerName" label={t('rights.field.employer')} rules={[{ required: true }]} style={{ flex: 2 }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('rights.field.amount')} style={{ flex: 1 }}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="narrative" label={t('rights.field.narrative')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('rights.field.consent')))) }]}>
        <Checkbox>{t('rights.field.consent')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function CaseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: [...keys.all, 'case', id], enabled: id !== null, queryFn: () => unwrap(api.GET('/api/rights-cases/{id}', { params: { path: { id: id! } } })) });
  const refresh = () => void client.invalidateQueries({ queryKey: keys.all });
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST('/api/rights-cases/{id}/accept', { params: { path: { id: id! } } })),
    onSuccess: () => {
      message.success(t('rights.accepted'));
      refresh();
    },
    onError: (e) => reportError(message, e),
  });
  const c = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={c ? `${c.caseNo} · ${c.applicantName}` : ''} destroyOnHidden>
      {c && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('rights.readAudited')} />
          <Space wrap>
            {c.actions.includes('accept') && (
              <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
                {t('rights.accept')}
              </Button>
            )}
            {c.actions.includes('decline') && (
              <ReasonAction
                label={t('rights.decline')}
                title={t('rights.declineTitle')}
                button={{ type: 'default' }}
                submit={(reason) => unwrap(api.POST('/api/rights-cases/{id}/decline', { params: { path: { id: c.id } }, body: { reason } }))}
                done={t('rights.declined')}
                onDone={refresh}
              />
            )}
            {c.actions.includes('assign') && <AssignButton id={c.id} onDone={refresh} />}
          </Space>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('rights.field.status')}>
              <Tag color={statusColor[c.status]}>{t(`rights.status.${c.status}`)}</Tag>
              <Tag color={slaColor[c.sla]}>{t(`rights.sla.${c.sla}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('rights.field.due')}>{c.due ? formatTime(c.due) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.category')}>{t(`rights.category.${c.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.channel')}>{t(`rights.channel.${c.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.org')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.employer')}>{c.employer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.amount')}>{yuan(c.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.phone')}>{c.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.assignee')}>{c.assigneeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.field.rating')}>{c.rating ? `${'★'.repeat(c.rating)} ${c.ratingComment ?? ''}` : '—'}</Descriptions.Item>
            {c.outcome && <Descriptions.Item label={t('rights.field.outcome')}>{t(`rights.outcome.${c.outcome}`)}</Descriptions.Item>}
            {c.outcome === 'resolved' && <Descriptions.Item label={t('rights.field.recovered')}>{yuan(c.recoveredFen)}</Descriptions.Item>}
            {c.declineReason && (
              <Descriptions.Item label={t('rights.field.reason')} span={2}>
                {c.declineReason}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('rights.field.narrative')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="narrative">
                {c.narrative}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('rights.field.attachments')} span={2}>
              {c.attachments.length === 0
                ? '—'
                : c.attachments.map((a) => (
                    <div key={a.id}>
                      <a href={`/api/rights-case-attachments/${a.id}`}>{a.fileName}</a>
                    </div>
                  ))}
            </Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('rights.field.steps')}>
            <Timeline
              items={c.steps.map((s) => ({
                color: s.internal ? 'gray' : 'blue',
                children: (
                  <div>
                    <strong>{t(`rights.step.${s.kind}`)}</strong> {s.internal && <Tag>{t('rights.internal')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                      {formatTime(s.createdAt)} {s.byName ?? ''}
                    </Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{s.note}</div>
                  </div>
                ),
              }))}
            />
            {c.actions.includes('step') && <StepForm id={c.id} onDone={refresh} />}
          </Card>
          {c.actions.includes('close') && <CloseForm id={c.id} onDone={refresh} />}
        </Space>
      )}
    </Drawer>
  );
}

function AssignButton({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ userId: number }>();
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('rights.assign')}</Button>
      <FormModal
        open={open}
        title={t('rights.assign')}
        form={form}
        submit={(v) => unwrap(api.POST('/api/rights-cases/{id}/assign', { params: { path: { id } }, body: v }))}
        onDone={() => {
          message.success(t('rights.assigned'));
          onDone();
        }}
        onClose={() => setOpen(false)}
      >
        <Form.Item name="userId" label={t('rights.field.user')} rules={[{ required: true }]}>
          <UserSelect />
        </Form.Item>
      </FormModal>
    </>
  );
}

function StepForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: (typeof stepKinds)[number]; note: string }>();
  const save = useMutation({
    mutationFn: (v: { kind: (typeof stepKinds)[number]; note: string }) => unwrap(api.POST('/api/rights-cases/{id}/steps', { params: { path: { id } }, body: v })),
    onSuccess: () => {
      message.success(t('rights.stepAdded'));
      form.resetFields();
      onDone();
    },
    onError: (e) => reportError(message, e, form),
  });
  return (
    <Form form={form} layout="inline" initialValues={{ kind: 'consultation' }} onFinish={(v) => save.mutate(v)} style={{ rowGap: 8 }}>
      <Form.Item name="kind">
        <Select style={{ width: 150 }} options={stepKinds.map((k) => ({ value: k, label: t(`rights.step.${k}`) }))} />
      </Form.Item>
      <Form.Item name="note" rules={[{ required: true }]} style={{ flex: 1, minWidth: 260 }}>
        <Input placeholder={t('rights.field.note')} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        {t('rights.addStep')}
      </Button>
    </Form>
  );
}

function CloseForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: 'resolved' | 'referred' | 'withdrawn'; recoveredYuan?: number }>();
  const outcome = Form.useWatch('outcome', form);
  const close = useMutation({
    mutationFn: (v: { outcome: 'resolved' | 'referred' | 'withdrawn'; recoveredYuan?: number }) =>
      unwrap(api.POST('/api/rights-cases/{id}/close', { params: { path: { id } }, body: { outcome: v.outcome, recoveredFen: v.outcome === 'resolved' ? Math.round((v.recoveredYuan ?? 0) * 100) : null } })),
    onSuccess: () => {
      message.success(t('rights.closed'));
      onDone();
    },
    onError: (e) => reportError(message, e, form),
  });
  return (
    <Card size="small" title={t('rights.close')}>
      <Form form={form} layout="inline" initialValues={{ outcome: 'resolved' }} onFinish={(v) => close.mutate(v)}>
        <Form.Item name="outcome" label={t('rights.field.outcome')}>
          <Select style={{ width: 130 }} options={(['resolved', 'referred', 'withdrawn'] as const).map((o) => ({ value: o, label: t(`rights.outcome.${o}`) }))} />
        </Form.Item>
        {outcome === 'resolved' && (
          <Form.Item name="recoveredYuan" label={t('rights.field.recovered')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 150 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={close.isPending}>
          {t('rights.close')}
        </Button>
      </Form>
    </Card>
  );
}

export type { CaseDetail };
