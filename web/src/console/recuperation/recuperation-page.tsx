import { useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import type { dayjs } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { reportError } from '../shared/errors';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;
type Batch = Items<Json<paths['/api/recuperation/batches']['get']['responses'][200]>>;
type Product = Items<Json<paths['/api/recuperation/products']['get']['responses'][200]>>;
type Agreement = Items<Json<paths['/api/recuperation/agreements']['get']['responses'][200]>>;
type Application = Items<Json<paths['/api/recuperation/applications']['get']['responses'][200]>>;
type Status = Application['status'];

const keys = { all: ['recuperation'] as const };
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const statusColor: Record<Status, string> = { pending: 'processing', waitlisted: 'warning', approved: 'success', rejected: 'default' };
const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** 职工疗休养: batches with their quotas down the tree, products, agreements with partners, and the applications to decide. */
export function RecuperationPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.endsWith('/applications') ? 'applications' : (new URLSearchParams(location.search).get('tab') ?? 'batches');
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.recuperation')}</h1>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(k === 'applications' ? '/recuperation/applications' : `/recuperation?tab=${k}`)}
        items={[
          { key: 'batches', label: t('recuperation.tabs.batches'), children: <Batches /> },
          { key: 'products', label: t('recuperation.tabs.products'), children: <Products /> },
          { key: 'agreements', label: t('recuperation.tabs.agreements'), children: <Agreements /> },
          { key: 'applications', label: t('recuperation.tabs.applications'), children: <Applications /> },
        ]}
      />
    </Card>
  );
}

function useDone() {
  const { message } = App.useApp();
  const client = useQueryClient();
  return (text: string) => {
    message.success(text);
    void client.invalidateQueries({ queryKey: keys.all });
  };
}

function Batches() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'recuperation.write');
  const { filters, set, pagination } = usePagedFilters<{ orgId?: number; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const done = useDone();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: [...keys.all, 'batches', filters], queryFn: () => unwrap(api.GET('/api/recuperation/batches', { params: { query: filters } })), placeholderData: keepPreviousData });
  const products = useQuery({ queryKey: [...keys.all, 'products', 'all'], queryFn: () => unwrap(api.GET('/api/recuperation/products', { params: { query: { page: 1, pageSize: 200 } } })), enabled: creating });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('recuperation.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('recuperation.createBatch')}
          </Button>
        )}
      </Flex>
      <Table<Batch>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('recuperation.empty') }}
        pagination={pagination(list.data)}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('recuperation.field.product'), key: 'title', render: (_, r) => <a>{r.title}</a> },
          { title: t('recuperation.field.provider'), dataIndex: 'providerName' },
          { title: t('recuperation.field.dates'), key: 'dates', render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
          { title: t('recuperation.field.places'), dataIndex: 'places', align: 'right' },
          { title: t('recuperation.field.approved'), dataIndex: 'approved', align: 'right' },
          { title: t('recuperation.field.waiting'), dataIndex: 'waiting', align: 'right' },
          { title: t('recuperation.field.openToPartners'), dataIndex: 'openToPartners', render: (v: boolean) => (v ? <Tag color="blue">{t('recuperation.openYes')}</Tag> : '—') },
        ]}
      />
      <FormModal
        open={creating}
        title={t('recuperation.createBatch')}
        form={form}
        initialValues={{ openToPartners: false }}
        submit={(v: { startsOn: dayjs.Dayjs; endsOn: dayjs.Dayjs; productId: number; places: number; openToPartners: boolean }) =>
          unwrap(api.POST('/api/recuperation/batches', { body: { ...v, startsOn: day(v.startsOn), endsOn: day(v.endsOn) } }))
        }
        onDone={() => done(t('recuperation.batchCreated'))}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="productId" label={t('recuperation.field.product')} rules={[{ required: true }]}>
          <Select options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} · ${p.providerName}` }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="startsOn" label={t('recuperation.field.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('recuperation.field.endsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="places" label={t('recuperation.field.places')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
        </Flex>
        <Form.Item name="openToPartners" label={t('recuperation.field.openToPartners')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
      <BatchDrawer id={open} writable={writable} onClose={() => setOpen(null)} />
    </>
  );
}

function BatchDrawer({ id, writable, onClose }: { id: number | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const done = useDone();
  const [giving, setGiving] = useState(false);
  const [form] = Form.useForm();
  const detail = useQuery({ queryKey: [...keys.all, 'batch', id], queryFn: () => unwrap(api.GET('/api/recuperation/batches/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
  const d = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title={d ? `${d.title} · ${d.startsOn} ~ ${d.endsOn}` : ''} destroyOnHidden extra={writable && <Button type="primary" onClick={() => setGiving(true)}>{t('recuperation.giveQuota')}</Button>}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d?.quotas ?? []}
        title={() => t('recuperation.quotas')}
        columns={[
          { title: t('recuperation.field.org'), key: 'org', render: (_, q) => <Space>{q.orgName}{q.partner && <Tag color="blue">{t('recuperation.partnerQuota')}</Tag>}</Space> },
          { title: t('recuperation.field.places'), dataIndex: 'places', align: 'right' },
          { title: t('recuperation.field.taken'), dataIndex: 'taken', align: 'right' },
          { title: t('recuperation.field.approved'), dataIndex: 'approved', align: 'right' },
        ]}
      />
      <FormModal
        open={giving}
        title={t('recuperation.giveQuota')}
        form={form}
        submit={(v: { orgId: number; places: number }) => unwrap(api.POST('/api/recuperation/quotas', { body: { ...v, batchId: id! } }))}
        onDone={() => done(t('recuperation.quotaCreated'))}
        onClose={() => setGiving(false)}
      >
        <Form.Item name="orgId" label={t('recuperation.field.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="places" label={t('recuperation.field.places')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}

function Products() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { filters, pagination } = usePagedFilters<{ page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const done = useDone();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: [...keys.all, 'products', filters], queryFn: () => unwrap(api.GET('/api/recuperation/products', { params: { query: filters } })), placeholderData: keepPreviousData });
  return (
    <>
      {can(me, 'recuperation.write') && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setCreating(true)}>
          {t('recuperation.createProduct')}
        </Button>
      )}
      <Table<Product>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('recuperation.empty') }}
        pagination={pagination(list.data)}
        columns={[
          { title: t('recuperation.field.product'), dataIndex: 'title' },
          { title: t('recuperation.field.centerName'), key: 'c', render: (_, p) => p.centerName ?? p.providerName },
          { title: t('recuperation.field.destination'), dataIndex: 'destination' },
          { title: t('recuperation.field.region'), dataIndex: 'region', render: (r: Product['region']) => t(`recuperation.region.${r}`) },
          { title: t('recuperation.field.days'), dataIndex: 'days', align: 'right' },
          { title: t('recuperation.field.price'), dataIndex: 'priceFen', align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
      <FormModal
        open={creating}
        title={t('recuperation.createProduct')}
        form={form}
        initialValues={{ destinationRegion: 'province', days: 3 }}
        submit={(v: { price: number } & Record<string, unknown>) => {
          const { price, ...rest } = v;
          return unwrap(api.POST('/api/recuperation/products', { body: { ...rest, priceFen: Math.round(price * 100) } as never }));
        }}
        onDone={() => done(t('recuperation.productCreated'))}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="providerOrgId" label={t('recuperation.field.provider')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="centerName" label={t('recuperation.field.centerName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('recuperation.field.product')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="destination" label={t('recuperation.field.destination')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="destinationRegion" label={t('recuperation.field.region')}>
            <Select style={{ width: 140 }} options={(['province', 'partner'] as const).map((r) => ({ value: r, label: t(`recuperation.region.${r}`) }))} />
          </Form.Item>
          <Form.Item name="days" label={t('recuperation.field.days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="price" label={t('recuperation.field.price')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
        </Flex>
        <Form.Item name="includes" label={t('recuperation.field.includes')}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function Agreements() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { filters, pagination } = usePagedFilters<{ page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const done = useDone();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: [...keys.all, 'agreements', filters], queryFn: () => unwrap(api.GET('/api/recuperation/agreements', { params: { query: filters } })), placeholderData: keepPreviousData });
  return (
    <>
      {can(me, 'recuperation.write') && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setCreating(true)}>
          {t('recuperation.createAgreement')}
        </Button>
      )}
      <Table<Agreement>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('recuperation.empty') }}
        pagination={pagination(list.data)}
        columns={[
          { title: t('recuperation.field.org'), dataIndex: 'orgName' },
          { title: t('recuperation.field.partner'), dataIndex: 'partnerName' },
          { title: t('recuperation.field.signedOn'), dataIndex: 'signedOn' },
          { title: t('recuperation.field.validUntil'), dataIndex: 'validUntil' },
          { title: t('recuperation.field.valid'), dataIndex: 'valid', render: (v: boolean) => (v ? <Tag color="success">{t('recuperation.valid')}</Tag> : <Tag>{t('recuperation.expired')}</Tag>) },
        ]}
      />
      <FormModal
        open={creating}
        title={t('recuperation.createAgreement')}
        form={form}
        submit={(v: { orgId: number; partnerOrgId: number; signedOn: dayjs.Dayjs; validUntil: dayjs.Dayjs }) =>
          unwrap(api.POST('/api/recuperation/agreements', { body: { ...v, signedOn: day(v.signedOn), validUntil: day(v.validUntil) } }))
        }
        onDone={() => done(t('recuperation.agreementCreated'))}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="orgId" label={t('recuperation.field.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="partnerOrgId" label={t('recuperation.field.partner')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="signedOn" label={t('recuperation.field.signedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t('recuperation.field.validUntil')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
      </FormModal>
    </>
  );
}

function Applications() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const done = useDone();
  const { filters, set, pagination } = usePagedFilters<{ orgId?: number; status?: Status; page: number; pageSize: number }>({ page: 1, pageSize: 20 }, ['status']);
  const list = useQuery({ queryKey: [...keys.all, 'applications', filters], queryFn: () => unwrap(api.GET('/api/recuperation/applications', { params: { query: filters } })), placeholderData: keepPreviousData });
  const approve = useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/recuperation/applications/{id}/approve', { params: { path: { id } } })),
    onSuccess: () => done(t('recuperation.approved')),
    onError: (e) => reportError(message, e),
  });
  const reject = (id: number) => {
    let reason = '';
    modal.confirm({
      title: t('recuperation.reject'),
      content: <Input.TextArea placeholder={t('recuperation.field.reason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () =>
        unwrap(api.POST('/api/recuperation/applications/{id}/reject', { params: { path: { id } }, body: { reason } }))
          .then(() => done(t('recuperation.rejected')))
          .catch((e) => reportError(message, e)),
    });
  };
  const statuses: Status[] = ['pending', 'waitlisted', 'approved', 'rejected'];
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('recuperation.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<Status> allowClear placeholder={t('recuperation.allStatuses')} style={{ width: 140 }} value={filters.status} onChange={(status) => set({ status })} options={statuses.map((s) => ({ value: s, label: t(`recuperation.status.${s}`) }))} />
        <ExportButton url="/api/recuperation/applications/export" filters={filters} />
      </Flex>
      <Table<Application>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('recuperation.empty') }}
        scroll={{ x: 1000 }}
        pagination={pagination(list.data)}
        columns={[
          { title: t('recuperation.field.member'), dataIndex: 'memberName' },
          { title: t('recuperation.field.union'), dataIndex: 'orgName' },
          { title: t('recuperation.field.product'), key: 'p', render: (_, r) => `${r.title} · ${r.startsOn}` },
          { title: t('recuperation.field.workingYears'), dataIndex: 'workingYears', align: 'right' },
          { title: t('recuperation.field.priority'), dataIndex: 'priority', render: (p: Application['priority']) => (p ? <Tag color="red">{t(`recuperation.priority.${p}`)}</Tag> : '—') },
          { title: t('recuperation.field.status'), dataIndex: 'status', render: (s: Status) => <Tag color={statusColor[s]}>{t(`recuperation.status.${s}`)}</Tag> },
          {
            key: 'actions',
            render: (_, r) => (
              <Space>
                {r.actions.includes('approve') && (
                  <Button size="small" type="primary" loading={approve.isPending && approve.variables === r.id} onClick={() => approve.mutate(r.id)}>
                    {t('recuperation.approve')}
                  </Button>
                )}
                {r.actions.includes('reject') && (
                  <Button size="small" danger onClick={() => reject(r.id)}>
                    {t('recuperation.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
