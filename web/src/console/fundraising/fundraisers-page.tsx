import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Drawer, Flex, Form, Input, InputNumber, Progress, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { TitleCell } from '../shared/title-cell';
import { postFile } from '../articles/post-file';
import { fundraisingKeys, partyKinds, yuan, type Entry, type Fundraiser, type PartyKind } from './types';

interface Filters {
  orgId?: number;
  page: number;
  pageSize: number;
}

const toFen = (yuanValue?: number | null) => (yuanValue ? Math.round(yuanValue * 100) : undefined);

/** 爱心募捐: fundraisers in scope with raised, spent and balance; a drawer with each one's ledger. */
export function FundraisersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'fundraiser.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...fundraisingKeys.list, filters], queryFn: () => unwrap(api.GET('/api/fundraisers', { params: { query: filters } })), placeholderData: keepPreviousData });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.fundraising')}</h1>}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('fundraising.create')}
            </Button>
          )
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('fundraising.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          <ExportButton url="/api/fundraisers/export" filters={filters} />
        </Flex>
        <Table<Fundraiser>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('fundraising.empty') }}
          scroll={{ x: 1000 }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          pagination={pagination(list.data, (total) => t('fundraising.total', { total }))}
          columns={[
            {
              title: t('fundraising.field.title'),
              key: 'title',
              render: (_, r) => <TitleCell title={r.title} orgName={r.orgName} />,
            },
            {
              title: t('fundraising.field.raised'),
              key: 'raised',
              width: 220,
              render: (_, r) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <span>
                    {yuan(r.raisedFen)} / {yuan(r.goalFen)}
                  </span>
                  {r.goalFen > 0 && <Progress size="small" percent={Math.min(100, Math.round((r.raisedFen / r.goalFen) * 100))} />}
                </Space>
              ),
            },
            { title: t('fundraising.field.spent'), dataIndex: 'spentFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
            { title: t('fundraising.field.balance'), dataIndex: 'balanceFen', width: 130, align: 'right', render: (v: number) => yuan(v) },
            {
              title: t('fundraising.field.goods'),
              key: 'goods',
              width: 220,
              render: (_, r) =>
                r.goods.map((g) => (
                  <div key={g.id}>
                    {g.name} {g.raised}/{g.goal} {g.unit}
                  </div>
                )),
            },
          ]}
        />
      </Card>
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <LedgerDrawer id={open} writable={writable} onClose={() => setOpen(null)} />
    </Space>
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
      title={t('fundraising.create')}
      form={form}
      width={640}
      initialValues={{ goods: [] }}
      submit={(v: { orgId: number; title: string; description?: string; goalYuan?: number; goods: { name: string; unit: string; goal: number }[] }) =>
        unwrap(api.POST('/api/fundraisers', { body: { orgId: v.orgId, title: v.title, description: v.description, goalFen: toFen(v.goalYuan) ?? 0, goods: v.goods ?? [] } }))
      }
      onDone={() => {
        message.success(t('fundraising.created'));
        void client.invalidateQueries({ queryKey: fundraisingKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('fundraising.field.title')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="orgId" label={t('fundraising.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="description" label={t('fundraising.field.description')}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Form.Item name="goalYuan" label={t('fundraising.field.goal')}>
        <InputNumber min={0} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <GoodsList goalField />
    </FormModal>
  );
}

/** The goods lines of a form: name, unit and goal (a fundraiser) or name and quantity (an entry). */
function GoodsList({ goalField = false, names = [] }: { goalField?: boolean; names?: { name: string; unit: string }[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="goods">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="baseline">
              <Form.Item name={[field.name, 'name']} label={t('fundraising.field.goodsName')} rules={[{ required: true }]} style={{ flex: 1 }}>
                {goalField ? <Input maxLength={50} /> : <Select options={names.map((n) => ({ value: n.name, label: `${n.name}（${n.unit}）` }))} />}
              </Form.Item>
              {goalField && (
                <Form.Item name={[field.name, 'unit']} label={t('fundraising.field.unit')} rules={[{ required: true }]} style={{ width: 90 }}>
                  <Input maxLength={10} />
                </Form.Item>
              )}
              <Form.Item name={[field.name, goalField ? 'goal' : 'quantity']} label={goalField ? t('fundraising.field.goodsGoal') : t('fundraising.field.quantity')} rules={[{ required: true }]}>
                <InputNumber min={1} precision={0} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(field.name)} />
            </Flex>
          ))}
          {(goalField || names.length > 0) && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('fundraising.addGoods')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

function LedgerDrawer({ id, writable, onClose }: { id: number | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [donating, setDonating] = useState(false);
  const [disbursing, setDisbursing] = useState(false);
  const [donateForm] = Form.useForm();
  const [disburseForm] = Form.useForm();
  const input = useRef<HTMLInputElement>(null);
  const [proofFor, setProofFor] = useState<number | null>(null);
  const detail = useQuery({ queryKey: fundraisingKeys.one(id ?? 0), queryFn: () => unwrap(api.GET('/api/fundraisers/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
  const entries = useQuery({
    queryKey: fundraisingKeys.entries(id ?? 0),
    queryFn: () => unwrap(api.GET('/api/fundraisers/{id}/entries', { params: { path: { id: id! }, query: { page: 1, pageSize: 200 } } })),
    enabled: id !== null,
  });
  const d = detail.data;
  const refresh = () => client.invalidateQueries({ queryKey: fundraisingKeys.all });
  const names = d?.goods.map((g) => ({ name: g.name, unit: g.unit })) ?? [];

  const upload = async (file: File) => {
    try {
      await postFile(`/api/fundraiser-entries/${proofFor}/proofs`, file, {}, me.csrfToken, t('fundraising.uploadFailed'));
      message.success(t('fundraising.proofUploaded'));
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={900}
      title={d?.title}
      destroyOnHidden
      extra={
        <Space>
          {id !== null && (
            <a href={`/m/fundraisers/${id}`} target="_blank" rel="noreferrer">
              {t('fundraising.publicLedger')}
            </a>
          )}
          {id !== null && <ExportButton url={`/api/fundraisers/${id}/entries/export`} />}
          {writable && <Button onClick={() => setDisbursing(true)}>{t('fundraising.disburse')}</Button>}
          {writable && (
            <Button type="primary" onClick={() => setDonating(true)}>
              {t('fundraising.donate')}
            </Button>
          )}
        </Space>
      }
    >
      {d && (
        <>
          <Flex gap={32} wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('fundraising.field.goalShort')} value={yuan(d.goalFen)} />
            <Statistic title={t('fundraising.field.raised')} value={yuan(d.raisedFen)} />
            <Statistic title={t('fundraising.field.spent')} value={yuan(d.spentFen)} />
            <Statistic title={t('fundraising.field.balance')} value={yuan(d.balanceFen)} />
            {d.goods.map((g) => (
              <Statistic key={g.id} title={`${g.name}（${g.unit}）`} value={`${g.raised} / ${g.goal}`} suffix={g.spent ? `−${g.spent}` : undefined} />
            ))}
          </Flex>
          <Alert type="info" showIcon message={t('fundraising.ledgerNote')} style={{ marginBottom: 12 }} />
        </>
      )}
      <input
        ref={input}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        columns={[
          { title: t('fundraising.field.time'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
          { title: t('fundraising.field.kind'), dataIndex: 'kind', width: 70, render: (k: Entry['kind']) => <Tag color={k === 'donation' ? 'green' : 'orange'}>{t(`fundraising.kind.${k}`)}</Tag> },
          {
            title: t('fundraising.field.party'),
            key: 'party',
            render: (_, e) => (
              <Space direction="vertical" size={0}>
                <span>{e.partyName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`fundraising.party.${e.partyKind}`)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('fundraising.field.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number, e) => (v ? `${e.kind === 'disbursement' ? '−' : ''}${yuan(v)}` : '') },
          { title: t('fundraising.field.goods'), key: 'goods', width: 140, render: (_, e) => e.goods.map((g) => `${g.name} ${g.quantity}${g.unit}`).join('、') },
          {
            title: `${t('fundraising.field.receiptNo')} / ${t('fundraising.proof')}`,
            key: 'doc',
            width: 190,
            render: (_, e) =>
              e.kind === 'donation' ? (
                <Link to={`/fundraising/receipts/${e.id}`}>{e.receiptNo}</Link>
              ) : (
                <Space wrap size={4}>
                  {e.proofs.map((p) => (
                    <a key={p.id} href={`/api/fundraiser-proofs/${p.id}`}>
                      {p.fileName}
                    </a>
                  ))}
                  {e.proofs.length === 0 && <Tag color="warning">{t('fundraising.noProof')}</Tag>}
                  {writable && (
                    <Button
                      size="small"
                      icon={<UploadOutlined />}
                      onClick={() => {
                        setProofFor(e.id);
                        input.current?.click();
                      }}
                    >
                      {t('fundraising.uploadProof')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={donating}
        title={t('fundraising.donate')}
        form={donateForm}
        initialValues={{ donorKind: 'public', showName: false, goods: [] }}
        submit={(v: { donorName: string; donorKind: PartyKind; memberId?: number; amountYuan?: number; goods?: { name: string; quantity: number }[]; showName: boolean; note?: string }) =>
          unwrap(
            api.POST('/api/fundraisers/{id}/donations', {
              params: { path: { id: id! } },
              body: { donorName: v.donorName, donorKind: v.donorKind, memberId: v.memberId, amountFen: toFen(v.amountYuan), goods: v.goods ?? [], showName: v.showName, note: v.note },
            }),
          )
        }
        onDone={(r) => {
          message.success(t('fundraising.donated', { receiptNo: r.receiptNo }));
          void refresh();
        }}
        onClose={() => setDonating(false)}
      >
        <Flex gap={12}>
          <Form.Item name="donorName" label={t('fundraising.field.donorName')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="donorKind" label={t('fundraising.field.donorKind')} style={{ width: 160 }}>
            <Select options={partyKinds.map((k) => ({ value: k, label: t(`fundraising.party.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item noStyle shouldUpdate={(a, b) => a.donorKind !== b.donorKind}>
          {({ getFieldValue }) =>
            getFieldValue('donorKind') === 'member' && (
              <Form.Item name="memberId" label={t('fundraising.field.memberId')}>
                <InputNumber min={1} precision={0} style={{ width: 200 }} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="amountYuan" label={t('fundraising.field.amount')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <GoodsList names={names} />
        <Form.Item name="showName" valuePropName="checked">
          <Checkbox>{t('fundraising.field.showName')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('fundraising.field.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={disbursing}
        title={t('fundraising.disburse')}
        form={disburseForm}
        initialValues={{ recipientKind: 'member', goods: [] }}
        submit={(v: { recipientName: string; recipientKind: PartyKind; hardshipFileId?: number; amountYuan?: number; goods?: { name: string; quantity: number }[]; note?: string }) =>
          unwrap(
            api.POST('/api/fundraisers/{id}/disbursements', {
              params: { path: { id: id! } },
              body: { recipientName: v.recipientName, recipientKind: v.recipientKind, hardshipFileId: v.hardshipFileId, amountFen: toFen(v.amountYuan), goods: v.goods ?? [], note: v.note },
            }),
          )
        }
        onDone={() => {
          message.success(t('fundraising.disbursed'));
          void refresh();
        }}
        onClose={() => setDisbursing(false)}
      >
        <Flex gap={12}>
          <Form.Item name="recipientName" label={t('fundraising.field.recipientName')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="recipientKind" label={t('fundraising.field.recipientKind')} style={{ width: 160 }}>
            <Select options={partyKinds.map((k) => ({ value: k, label: t(`fundraising.party.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="hardshipFileId" label={t('fundraising.field.hardshipFileId')}>
          <InputNumber min={1} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('fundraising.field.amount')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <GoodsList names={names} />
        <Form.Item name="note" label={t('fundraising.field.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
