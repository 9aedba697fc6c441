import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
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
import { MemberSelect } from '../shared/search-select';
import { reportError } from '../shared/errors';
import { useTopOrg } from '../shared/top-org';
import { aidKinds, causes, hardshipKeys, tierColor, tiers, yuan, type HardshipFile, type Tier } from './types';

interface Filters {
  orgId?: number;
  tier?: Tier;
  status?: 'active' | 'exited';
  recheckDue?: 'true';
  page: number;
  pageSize: number;
}

/** 困难职工档案: the register with computed tiers, re-checks due, and each household's file and ledger in a drawer. */
export function FilesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'hardship.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 }, ['recheckDue', 'tier']);
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...hardshipKeys.all, 'files', filters], queryFn: () => unwrap(api.GET('/api/hardship-files', { params: { query: filters } })), placeholderData: keepPreviousData });
  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.hardshipFiles')}</h1>}
      extra={
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => setSettings(true)}>
            {t('hardship.settings')}
          </Button>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('hardship.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('hardship.field.org')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<Tier> allowClear placeholder={t('hardship.allTiers')} style={{ width: 140 }} value={filters.tier} onChange={(tier) => set({ tier })} options={tiers.map((x) => ({ value: x, label: t(`hardship.tier.${x}`) }))} />
        <Select<'active' | 'exited'> allowClear placeholder={t('hardship.field.status')} style={{ width: 120 }} value={filters.status} onChange={(status) => set({ status })} options={(['active', 'exited'] as const).map((x) => ({ value: x, label: t(`hardship.status.${x}`) }))} />
        <Space>
          <Switch size="small" aria-label={t('hardship.recheckDue')} checked={filters.recheckDue === 'true'} onChange={(on) => set({ recheckDue: on ? 'true' : undefined })} />
          <span>{t('hardship.recheckDue')}</span>
        </Space>
        <ExportButton url="/api/hardship-files/export" filters={filters} />
      </Flex>
      <Table<HardshipFile>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('hardship.empty') }}
        pagination={pagination(list.data, (total) => t('hardship.total', { total }))}
        onRow={(f) => ({ onClick: () => writable && setOpenId(f.id), style: { cursor: writable ? 'pointer' : undefined } })}
        columns={[
          { title: t('hardship.field.name'), dataIndex: 'memberName', width: 110, render: (n: string) => (writable ? <Typography.Link>{n}</Typography.Link> : n) },
          { title: t('hardship.field.org'), dataIndex: 'orgName', ellipsis: { showTitle: true } },
          { title: t('hardship.field.tier'), dataIndex: 'tier', width: 110, render: (x: Tier) => <Tag color={tierColor[x]}>{t(`hardship.tier.${x}`)}</Tag> },
          { title: t('hardship.field.household'), dataIndex: 'householdSize', width: 90, align: 'right' },
          { title: t('hardship.field.causes'), dataIndex: 'causes', render: (cs: string[]) => cs.map((c) => t(`hardship.cause.${c}`)).join('、') || '—' },
          { title: t('hardship.field.status'), dataIndex: 'status', width: 90, render: (s: 'active' | 'exited') => <Tag color={s === 'active' ? 'blue' : 'default'}>{t(`hardship.status.${s}`)}</Tag> },
          { title: t('hardship.field.nextCheck'), key: 'next', width: 120, render: (_, f) => <span style={{ color: f.recheckDue ? '#cf1322' : undefined }}>{f.nextCheckDue}</span> },
          { title: t('hardship.field.aid'), dataIndex: 'aidFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <SettingsModal open={settings} writable={writable} onClose={() => setSettings(false)} />
      <FileDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  return (
    <FormModal
      open={open}
      title={t('hardship.create')}
      form={form}
      initialValues={{ householdSize: 3, causes: [] }}
      submit={(v: { memberId: number; householdSize: number; incomeYuan: number; causes: (typeof causes)[number][]; consent?: boolean }) =>
        unwrap(api.POST('/api/hardship-files', { body: { memberId: v.memberId, householdSize: v.householdSize, monthlyIncomeFen: Math.round((v.incomeYuan ?? 0) * 100), causes: v.causes, consent: (v.consent === true) as true } }))
      }
      onDone={(r) => {
        message.success(t('hardship.created', { tier: t(`hardship.tier.${r.tier}`) }));
        void client.invalidateQueries({ queryKey: hardshipKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="memberId" label={t('hardship.field.member')} rules={[{ required: true }]}>
        <MemberSelect />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="householdSize" label={t('hardship.field.household')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={1} max={20} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="incomeYuan" label={t('hardship.field.income')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="causes" label={t('hardship.field.causes')}>
        <Checkbox.Group options={causes.map((c) => ({ value: c, label: t(`hardship.cause.${c}`) }))} />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('hardship.field.consent')))) }]}>
        <Checkbox>{t('hardship.field.consent')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function SettingsModal({ open, writable, onClose }: { open: boolean; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const top = useTopOrg(me);
  const [form] = Form.useForm();
  const orgId = (Form.useWatch('orgId', form) as number | undefined) ?? top;
  const current = useQuery({ queryKey: [...hardshipKeys.all, 'settings', orgId], enabled: open && orgId !== undefined, queryFn: () => unwrap(api.GET('/api/orgs/{id}/hardship-settings', { params: { path: { id: orgId! } } })) });
  return (
    <FormModal
      open={open}
      title={t('hardship.settings')}
      form={form}
      initialValues={{ orgId: top, lineYuan: 1160, multiple: 1.5, effectiveFrom: dayjs() }}
      submit={(v: { orgId: number; lineYuan: number; multiple: number; effectiveFrom: ReturnType<typeof dayjs> }) =>
        writable
          ? unwrap(api.PUT('/api/orgs/{id}/hardship-settings', { params: { path: { id: v.orgId } }, body: { lowIncomeLineFen: Math.round(v.lineYuan * 100), relativeMultiple: v.multiple, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') } }))
          : Promise.resolve(null)
      }
      onDone={() => message.success(t('hardship.settingsSaved'))}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={t('hardship.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      {current.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          message={`${current.data.own ? '' : t('hardship.inherited')}${yuan(current.data.lowIncomeLineFen)} × ${current.data.relativeMultiple} · ${t('hardship.field.effectiveFrom')} ${current.data.effectiveFrom}`}
        />
      )}
      <Flex gap={12}>
        <Form.Item name="lineYuan" label={t('hardship.field.lowIncomeLine')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={1} precision={2} style={{ width: '100%' }} disabled={!writable} />
        </Form.Item>
        <Form.Item name="multiple" label={t('hardship.field.multiple')} rules={[{ required: true }]} style={{ width: 130 }}>
          <InputNumber min={1} max={5} step={0.1} style={{ width: '100%' }} disabled={!writable} />
        </Form.Item>
      </Flex>
      <Form.Item name="effectiveFrom" label={t('hardship.field.effectiveFrom')} rules={[{ required: true }]}>
        <DatePicker disabled={!writable} />
      </Form.Item>
    </FormModal>
  );
}

function FileDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: [...hardshipKeys.all, 'file', id], enabled: id !== null, queryFn: () => unwrap(api.GET('/api/hardship-files/{id}', { params: { path: { id: id! } } })) });
  const campaigns = useQuery({ queryKey: [...hardshipKeys.all, 'campaigns'], enabled: id !== null, queryFn: () => unwrap(api.GET('/api/hardship-campaigns', { params: { query: { page: 1, pageSize: 100 } } })) });
  const refresh = () => void client.invalidateQueries({ queryKey: hardshipKeys.all });
  const [payForm] = Form.useForm();
  const [recheckForm] = Form.useForm();
  const [exitForm] = Form.useForm();
  const f = detail.data;
  const run = async (fn: () => Promise<unknown>, done: string, form: ReturnType<typeof Form.useForm>[0]) => {
    try {
      await fn();
      message.success(done);
      form.resetFields();
      refresh();
    } catch (e) {
      reportError(message, e, form);
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={f ? `${f.memberName} · ${f.orgName}` : ''} destroyOnHidden>
      {f && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('hardship.readAudited')} />
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('hardship.field.tier')}>
              <Tag color={tierColor[f.tier]} data-testid="tier">
                {t(`hardship.tier.${f.tier}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.status')}>{t(`hardship.status.${f.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.household')}>{f.householdSize}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.income')}>{yuan(f.monthlyIncomeFen)}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.perHead')}>{yuan(f.incomePerHeadFen)}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.line')}>
              {yuan(f.line.lowIncomeLineFen)} × {f.line.relativeMultiple}（{f.line.effectiveFrom}）
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.causes')}>{f.causes.map((c) => t(`hardship.cause.${c}`)).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.field.nextCheck')}>{f.nextCheckDue}</Descriptions.Item>
            {f.exitReason && (
              <Descriptions.Item label={t('hardship.field.reason')} span={2}>
                {f.exitReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card size="small" title={`${t('hardship.ledger')} · ${yuan(f.aidTotalFen)}`}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={f.aids}
              columns={[
                { title: t('hardship.field.paidOn'), dataIndex: 'paidOn', width: 110 },
                { title: t('hardship.field.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`hardship.kind.${k}`) },
                { title: t('hardship.field.campaign'), dataIndex: 'campaignName', render: (n: string | null) => n ?? '—' },
                { title: t('hardship.field.payer'), dataIndex: 'orgName', ellipsis: true },
                { title: t('hardship.field.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
              ]}
            />
          </Card>
          {f.status === 'active' && (
            <>
              <Card size="small" title={t('hardship.pay')}>
                <Form
                  form={payForm}
                  layout="vertical"
                  initialValues={{ kind: 'warmth', paidOn: dayjs() }}
                  onFinish={(v: { kind: (typeof aidKinds)[number]; amountYuan: number; paidOn: ReturnType<typeof dayjs>; campaignId?: number; purpose?: string }) =>
                    run(
                      () => unwrap(api.POST('/api/hardship-files/{id}/aids', { params: { path: { id: f.id } }, body: { kind: v.kind, amountFen: Math.round(v.amountYuan * 100), paidOn: v.paidOn.format('YYYY-MM-DD'), campaignId: v.campaignId ?? null, purpose: v.purpose ?? null } })),
                      t('hardship.paid'),
                      payForm,
                    )
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item name="kind" label={t('hardship.field.kind')} style={{ width: 130 }}>
                      <Select options={aidKinds.map((k) => ({ value: k, label: t(`hardship.kind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name="campaignId" label={t('hardship.field.campaign')} style={{ width: 220 }}>
                      <Select allowClear placeholder={t('hardship.noCampaign')} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${yuan(c.budgetFen - c.spentFen)}）` }))} />
                    </Form.Item>
                    <Form.Item name="amountYuan" label={t('hardship.field.amount')} rules={[{ required: true }]} style={{ width: 130 }}>
                      <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name="paidOn" label={t('hardship.field.paidOn')} rules={[{ required: true }]}>
                      <DatePicker />
                    </Form.Item>
                  </Flex>
                  <Form.Item name="purpose" label={t('hardship.field.purpose')}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('hardship.pay')}
                  </Button>
                </Form>
              </Card>
              <Card size="small" title={t('hardship.recheck')}>
                <Form
                  form={recheckForm}
                  layout="inline"
                  initialValues={{ householdSize: f.householdSize, incomeYuan: f.monthlyIncomeFen / 100, causes: f.causes }}
                  onFinish={(v: { householdSize: number; incomeYuan: number; causes: (typeof causes)[number][] }) =>
                    run(
                      async () => {
                        const r = await unwrap(api.POST('/api/hardship-files/{id}/recheck', { params: { path: { id: f.id } }, body: { householdSize: v.householdSize, monthlyIncomeFen: Math.round(v.incomeYuan * 100), causes: v.causes } }));
                        message.info(t('hardship.rechecked', { tier: t(`hardship.tier.${r.tier}`) }));
                      },
                      t('hardship.recheck'),
                      recheckForm,
                    )
                  }
                  style={{ rowGap: 8 }}
                >
                  <Form.Item name="householdSize" label={t('hardship.field.household')}>
                    <InputNumber min={1} max={20} />
                  </Form.Item>
                  <Form.Item name="incomeYuan" label={t('hardship.field.income')}>
                    <InputNumber min={0} precision={2} />
                  </Form.Item>
                  <Form.Item name="causes">
                    <Checkbox.Group options={causes.map((c) => ({ value: c, label: t(`hardship.cause.${c}`) }))} />
                  </Form.Item>
                  <Button htmlType="submit">{t('hardship.recheck')}</Button>
                </Form>
              </Card>
              <Card size="small" title={t('hardship.exit')}>
                <Form form={exitForm} layout="inline" onFinish={(v: { reason: string }) => run(() => unwrap(api.POST('/api/hardship-files/{id}/exit', { params: { path: { id: f.id } }, body: v })), t('hardship.exited'), exitForm)}>
                  <Form.Item name="reason" rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('hardship.field.reason')} maxLength={200} />
                  </Form.Item>
                  <Button danger htmlType="submit">
                    {t('hardship.exit')}
                  </Button>
                </Form>
              </Card>
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
