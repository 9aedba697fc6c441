import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Flex, Form, Image, Input, Rate, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { UploadFile } from 'antd';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { reportError } from '../shared/errors';
import { postFile } from '../articles/post-file';

type Item = paths['/api/list-items']['get']['responses'][200]['content']['application/json']['items'][number];
type Partner = paths['/api/partners']['get']['responses'][200]['content']['application/json']['items'][number];
type ListKind = Item['list'];
type Status = Item['status'];
type Kind = Partner['kind'];
const lists: ListKind[] = ['need', 'resource', 'project', 'service'];
const statuses: Status[] = ['open', 'claimed', 'in_progress', 'done', 'rated'];
const kinds: Kind[] = ['bank', 'hospital', 'mall', 'public_body', 'enterprise', 'school', 'social_org', 'other'];
const statusColor: Record<Status, string> = { open: 'blue', claimed: 'gold', in_progress: 'processing', done: 'green', rated: 'default' };
const keys = { all: ['cobuilding'] as const };
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 共建: the four lists with two-way claiming, the partner units, and the figures per scope. */
export function CobuildingPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = new URLSearchParams(location.search).get('tab') ?? 'items';
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.cobuilding')}</h1>}>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(k) => navigate(`/cobuilding?tab=${k}`)}
        items={[
          { key: 'items', label: t('cobuilding.tabs.items'), children: <Items /> },
          { key: 'partners', label: t('cobuilding.tabs.partners'), children: <Partners /> },
          { key: 'stats', label: t('cobuilding.tabs.stats'), children: <Stats /> },
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

interface ItemFilters {
  orgId?: number;
  list?: ListKind;
  side?: 'union' | 'partner';
  status?: Status;
  page: number;
  pageSize: number;
}

function Items() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'cobuilding.write');
  const { message } = App.useApp();
  const done = useDone();
  const { filters, set, pagination } = usePagedFilters<ItemFilters>({ page: 1, pageSize: 20 }, ['list', 'side', 'status', 'orgId']);
  const [publishing, setPublishing] = useState(false);
  const [finishing, setFinishing] = useState<Item | null>(null);
  const [rating, setRating] = useState<Item | null>(null);
  const [form] = Form.useForm();
  const [finishForm] = Form.useForm();
  const [rateForm] = Form.useForm();
  const list = useQuery({ queryKey: [...keys.all, 'items', filters], queryFn: () => unwrap(api.GET('/api/list-items', { params: { query: filters } })), placeholderData: keepPreviousData });
  const partners = useQuery({ queryKey: [...keys.all, 'partners', 'all'], queryFn: () => unwrap(api.GET('/api/partners', { params: { query: { page: 1, pageSize: 200 } } })), enabled: publishing });
  const move = useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'claim' | 'start' | 'withdraw' }) =>
      action === 'claim'
        ? unwrap(api.POST('/api/list-items/{id}/claims', { params: { path: { id } } }))
        : action === 'start'
          ? unwrap(api.POST('/api/list-items/{id}/start', { params: { path: { id } } }))
          : unwrap(api.POST('/api/list-items/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => done(t('cobuilding.moved')),
    onError: (e) => reportError(message, e),
  });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('cobuilding.allOrgs')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select allowClear placeholder={t('cobuilding.allLists')} style={{ width: 140 }} value={filters.list} onChange={(l) => set({ list: l })} options={lists.map((l) => ({ value: l, label: t(`cobuilding.list.${l}`) }))} />
        <Select allowClear placeholder={t('cobuilding.allSides')} style={{ width: 160 }} value={filters.side} onChange={(s) => set({ side: s })} options={(['union', 'partner'] as const).map((s) => ({ value: s, label: t(`cobuilding.side.${s}`) }))} />
        <Select allowClear placeholder={t('cobuilding.allStatuses')} style={{ width: 130 }} value={filters.status} onChange={(s) => set({ status: s })} options={statuses.map((s) => ({ value: s, label: t(`cobuilding.status.${s}`) }))} />
        <ExportButton url="/api/list-items/export" filters={filters} />
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)} style={{ marginLeft: 'auto' }}>
            {t('cobuilding.publish')}
          </Button>
        )}
      </Flex>
      <Table<Item>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('cobuilding.emptyItems') }}
        scroll={{ x: 1000 }}
        pagination={pagination(list.data, (total) => t('cobuilding.totalItems', { total }))}
        expandable={{
          rowExpandable: (r) => !!r.claim?.note || !!r.claim?.photoUrl || !!r.claim?.ratingComment,
          expandedRowRender: (r) => (
            <Space align="start" size={16}>
              {r.claim?.photoUrl && <Image width={120} src={r.claim.photoUrl} alt={t('cobuilding.field.photo')} />}
              <Space direction="vertical" size={4}>
                {r.claim?.note && (
                  <span>
                    {t('cobuilding.field.note')}：{r.claim.note}
                  </span>
                )}
                {r.claim?.ratingComment && (
                  <span>
                    {t('cobuilding.field.comment')}：{r.claim.ratingComment}
                  </span>
                )}
              </Space>
            </Space>
          ),
        }}
        columns={[
          {
            title: t('cobuilding.field.title'),
            key: 'title',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  {r.title} <Tag bordered={false}>{t(`cobuilding.list.${r.list}`)}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName} · {formatTime(r.createdAt)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('cobuilding.field.publisher'), key: 'publisher', width: 180, render: (_, r) => r.partnerName ?? t('cobuilding.union') },
          { title: t('cobuilding.field.claimer'), key: 'claimer', width: 180, render: (_, r) => (r.claim ? (r.claim.partnerName ?? t('cobuilding.union')) : '—') },
          { title: t('cobuilding.field.status'), key: 'status', width: 100, render: (_, r) => <Tag color={statusColor[r.status]}>{t(`cobuilding.status.${r.status}`)}</Tag> },
          { title: t('cobuilding.field.rating'), key: 'rating', width: 150, render: (_, r) => (r.claim?.rating ? <Rate disabled value={r.claim.rating} style={{ fontSize: 14 }} /> : '—') },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_, r) => (
              <Space size={0} wrap>
                {r.actions.map((a) => (
                  <Button
                    key={a}
                    type="link"
                    size="small"
                    loading={move.isPending && move.variables?.id === r.id && move.variables.action === a}
                    onClick={() => (a === 'finish' ? setFinishing(r) : a === 'rate' ? setRating(r) : move.mutate({ id: r.id, action: a }))}
                  >
                    {t(`cobuilding.action.${a}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={publishing}
        title={t('cobuilding.publish')}
        form={form}
        initialValues={{ list: 'need' }}
        submit={(v: { orgId: number; list: ListKind; title: string; description: string; partnerId?: number }) => unwrap(api.POST('/api/list-items', { body: { ...v, partnerId: v.partnerId ?? null } }))}
        onDone={() => done(t('cobuilding.published'))}
        onClose={() => setPublishing(false)}
      >
        <Form.Item name="title" label={t('cobuilding.field.title')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="orgId" label={t('cobuilding.field.org')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="list" label={t('cobuilding.field.list')} style={{ width: 150 }}>
            <Select options={lists.map((l) => ({ value: l, label: t(`cobuilding.list.${l}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="partnerId" label={t('cobuilding.field.publisher')}>
          <Select allowClear placeholder={t('cobuilding.union')} options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="description" label={t('cobuilding.field.description')} rules={[{ required: true }]}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={finishing !== null}
        title={`${t('cobuilding.action.finish')}：${finishing?.title ?? ''}`}
        form={finishForm}
        submit={(v: { note?: string; photo?: UploadFile[] }) => {
          const file = v.photo?.[0]?.originFileObj;
          if (!file) return Promise.reject(new Error(t('cobuilding.photoRequired')));
          return postFile(`/api/list-items/${finishing!.id}/finish`, file, { note: v.note ?? '' }, me.csrfToken, t('cobuilding.finishFailed'));
        }}
        onDone={() => done(t('cobuilding.moved'))}
        onClose={() => setFinishing(null)}
      >
        <Form.Item name="photo" label={t('cobuilding.field.photo')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)} rules={[{ required: true, message: t('cobuilding.photoRequired') }]}>
          <Upload accept="image/jpeg,image/png,image/webp" listType="picture" maxCount={1} beforeUpload={() => false}>
            <Button icon={<UploadOutlined />}>{t('cobuilding.field.photo')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="note" label={t('cobuilding.field.note')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={rating !== null}
        title={`${t('cobuilding.action.rate')}：${rating?.title ?? ''}`}
        form={rateForm}
        initialValues={{ rating: 5 }}
        submit={(v: { rating: number; comment?: string }) => unwrap(api.POST('/api/list-items/{id}/rating', { params: { path: { id: rating!.id } }, body: { rating: v.rating, comment: v.comment ?? null } }))}
        onDone={() => done(t('cobuilding.moved'))}
        onClose={() => setRating(null)}
      >
        {rating?.claim?.photoUrl && <Image width={160} src={rating.claim.photoUrl} style={{ marginBottom: 12 }} />}
        {rating?.claim?.note && <Typography.Paragraph>{rating.claim.note}</Typography.Paragraph>}
        <Form.Item name="rating" label={t('cobuilding.field.rating')} rules={[{ required: true }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="comment" label={t('cobuilding.field.comment')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}

interface PartnerFilters {
  orgId?: number;
  kind?: Kind;
  q?: string;
  page: number;
  pageSize: number;
}
interface PartnerForm {
  orgId: number;
  name: string;
  kind: Kind;
  uscc?: string;
  contactName?: string;
  contactPhone?: string;
  agreement?: [Dayjs | null, Dayjs | null];
}

function Partners() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'cobuilding.write');
  const done = useDone();
  const { filters, set, pagination } = usePagedFilters<PartnerFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: [...keys.all, 'partners', filters], queryFn: () => unwrap(api.GET('/api/partners', { params: { query: filters } })), placeholderData: keepPreviousData });
  const current = editing !== 'new' ? editing : null;
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('cobuilding.allOrgs')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select allowClear placeholder={t('cobuilding.field.kind')} style={{ width: 150 }} value={filters.kind} onChange={(k) => set({ kind: k })} options={kinds.map((k) => ({ value: k, label: t(`cobuilding.kind.${k}`) }))} />
        <Input.Search allowClear placeholder={t('cobuilding.field.name')} style={{ width: 200 }} onSearch={(q) => set({ q: q || undefined })} />
        <ExportButton url="/api/partners/export" filters={filters} pii />
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginLeft: 'auto' }}>
            {t('cobuilding.addPartner')}
          </Button>
        )}
      </Flex>
      <Table<Partner>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('cobuilding.emptyPartners') }}
        scroll={{ x: 1100 }}
        pagination={pagination(list.data, (total) => t('cobuilding.totalPartners', { total }))}
        columns={[
          {
            title: t('cobuilding.field.name'),
            key: 'name',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  {r.name} <Tag bordered={false}>{t(`cobuilding.kind.${r.kind}`)}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName}
                  {r.uscc && ` · ${r.uscc}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('cobuilding.field.contactName'), key: 'contact', width: 170, render: (_, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—' },
          { title: t('cobuilding.field.agreement'), key: 'agreement', width: 200, render: (_, r) => [r.agreementFrom, r.agreementUntil].filter(Boolean).join(' ~ ') || '—' },
          { title: t('cobuilding.field.published'), dataIndex: 'published', width: 70, align: 'right' },
          { title: t('cobuilding.field.claimed'), dataIndex: 'claimed', width: 70, align: 'right' },
          { title: t('cobuilding.field.done'), dataIndex: 'done', width: 70, align: 'right' },
          { title: t('cobuilding.field.averageRating'), key: 'rating', width: 100, align: 'right', render: (_, r) => r.averageRating ?? '—' },
          ...(writable
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, r: Partner) => (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      {t('cobuilding.action.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={editing !== null}
        title={current ? t('cobuilding.editPartner') : t('cobuilding.addPartner')}
        form={form}
        initialValues={
          current
            ? {
                orgId: current.orgId,
                name: current.name,
                kind: current.kind,
                uscc: current.uscc ?? undefined,
                contactName: current.contactName ?? undefined,
                agreement: [current.agreementFrom ? dayjs(current.agreementFrom) : null, current.agreementUntil ? dayjs(current.agreementUntil) : null],
              }
            : { kind: 'bank' }
        }
        submit={(v: PartnerForm) => {
          const common = { name: v.name, kind: v.kind, uscc: v.uscc || null, contactName: v.contactName || null, agreementFrom: day(v.agreement?.[0]), agreementUntil: day(v.agreement?.[1]) };
          const phone = v.contactPhone ? { contactPhone: v.contactPhone } : {};
          return current
            ? unwrap(api.PATCH('/api/partners/{id}', { params: { path: { id: current.id } }, body: { ...common, ...phone } }))
            : unwrap(api.POST('/api/partners', { body: { orgId: v.orgId, ...common, ...phone } }));
        }}
        onDone={() => done(t('cobuilding.saved'))}
        onClose={() => setEditing(null)}
        width={620}
      >
        <Form.Item name="name" label={t('cobuilding.field.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          {!current && (
            <Form.Item name="orgId" label={t('cobuilding.field.org')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <OrgTreeSelect />
            </Form.Item>
          )}
          <Form.Item name="kind" label={t('cobuilding.field.kind')} style={current ? { flex: 1 } : { width: 170 }}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`cobuilding.kind.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="uscc" label={t('cobuilding.field.uscc')}>
          <Input maxLength={18} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="contactName" label={t('cobuilding.field.contactName')} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('cobuilding.field.contactPhone')} style={{ flex: 1 }}>
            <Input maxLength={11} placeholder={current?.contactPhone ?? undefined} />
          </Form.Item>
        </Flex>
        <Form.Item name="agreement" label={t('cobuilding.field.agreement')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function Stats() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number | undefined>();
  const stats = useQuery({ queryKey: [...keys.all, 'stats', orgId], queryFn: () => unwrap(api.GET('/api/list-items/stats', { params: { query: { orgId } } })) });
  const s = stats.data;
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('cobuilding.allOrgs')} style={{ width: 260 }} value={orgId} onChange={setOrgId} />
      </Flex>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('cobuilding.field.partners')} value={s?.partners ?? 0} loading={stats.isPending} />
        </Col>
        <Col span={6}>
          <Statistic title={t('cobuilding.field.total')} value={s?.byList.reduce((a, l) => a + l.total, 0) ?? 0} loading={stats.isPending} />
        </Col>
        <Col span={6}>
          <Statistic title={t('cobuilding.field.done')} value={s?.byList.reduce((a, l) => a + l.done, 0) ?? 0} loading={stats.isPending} />
        </Col>
        <Col span={6}>
          <Statistic title={t('cobuilding.field.averageRating')} value={s?.averageRating ?? '—'} loading={stats.isPending} />
        </Col>
      </Row>
      <Table
        rowKey="list"
        pagination={false}
        loading={stats.isFetching}
        dataSource={s?.byList ?? []}
        columns={[
          { title: t('cobuilding.field.list'), key: 'list', render: (_, r) => t(`cobuilding.list.${r.list}`) },
          { title: t('cobuilding.field.total'), dataIndex: 'total', align: 'right' },
          { title: t('cobuilding.field.open'), dataIndex: 'open', align: 'right' },
          { title: t('cobuilding.field.claimed'), dataIndex: 'claimed', align: 'right' },
          { title: t('cobuilding.field.done'), dataIndex: 'done', align: 'right' },
        ]}
      />
    </>
  );
}
