import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Flex, Form, Image, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';

type Wish = paths['/api/wishes']['get']['responses'][200]['content']['application/json']['items'][number];
type Status = Wish['status'];
const statuses: Status[] = ['pending', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected'];
const colors: Record<Status, string> = { pending: 'orange', rejected: 'default', open: 'blue', claimed: 'cyan', fulfilled: 'gold', confirmed: 'green' };
const keys = { all: ['wishes'] as const };

interface Filters {
  orgId?: number;
  status?: Status;
  page: number;
  pageSize: number;
}

/** 微心愿: the moderation queue (approve, or reject with a reason), the wall, claims and proofs; export. */
export function WishesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'wish.write');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 }, ['status', 'orgId']);
  const [rejecting, setRejecting] = useState<Wish | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...keys.all, filters], queryFn: () => unwrap(api.GET('/api/wishes', { params: { query: filters } })), placeholderData: keepPreviousData });
  const detail = useQuery({ queryKey: [...keys.all, 'one', viewing], enabled: viewing !== null, queryFn: () => unwrap(api.GET('/api/wishes/{id}', { params: { path: { id: viewing! } } })) });
  const refresh = () => void client.invalidateQueries({ queryKey: keys.all });
  const approve = useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/wishes/{id}/moderation', { params: { path: { id } }, body: { approve: true } })),
    onSuccess: () => {
      message.success(t('wishes.approved'));
      refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const w = detail.data;
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.wishes')}</h1>}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('wishes.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<Status>
          allowClear
          placeholder={t('wishes.allStatuses')}
          style={{ width: 160 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={statuses.map((s) => ({ value: s, label: t(`wishes.status.${s}`) }))}
        />
        <ExportButton url="/api/wishes/export" filters={filters} />
      </Flex>
      <Table<Wish>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('wishes.empty') }}
        scroll={{ x: 1000 }}
        pagination={pagination(list.data, (total) => t('wishes.total', { total }))}
        columns={[
          {
            title: t('wishes.field.title'),
            key: 'title',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <a onClick={() => setViewing(r.id)}>{r.title}</a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.wisherName} · {r.orgName}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('wishes.field.value'), key: 'value', width: 100, align: 'right', render: (_, r) => (r.valueFen / 100).toFixed(2) },
          {
            title: t('wishes.field.status'),
            key: 'status',
            width: 200,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={colors[r.status]}>{t(`wishes.status.${r.status}`)}</Tag>
                {r.rejectReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.rejectReason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('wishes.field.claimer'), key: 'claimer', width: 160, render: (_, r) => r.claimerName ?? '—' },
          { title: t('wishes.field.createdAt'), key: 'createdAt', width: 170, render: (_, r) => formatTime(r.createdAt) },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => setViewing(r.id)}>
                  {t('wishes.view')}
                </Button>
                {writable && r.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" loading={approve.isPending && approve.variables === r.id} onClick={() => approve.mutate(r.id)}>
                      {t('wishes.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setRejecting(r)}>
                      {t('wishes.reject')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={viewing !== null} title={t('wishes.detail')} width={520} onClose={() => setViewing(null)} loading={detail.isFetching}>
        {w && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('wishes.field.title')}>{w.title}</Descriptions.Item>
            <Descriptions.Item label={t('wishes.field.wisher')}>
              {w.wisherName} · {w.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('wishes.field.description')}>{w.description}</Descriptions.Item>
            <Descriptions.Item label={t('wishes.field.value')}>{(w.valueFen / 100).toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t('wishes.field.status')}>
              <Tag color={colors[w.status]}>{t(`wishes.status.${w.status}`)}</Tag>
            </Descriptions.Item>
            {w.rejectReason && <Descriptions.Item label={t('wishes.field.reason')}>{w.rejectReason}</Descriptions.Item>}
            <Descriptions.Item label={t('wishes.field.createdAt')}>{formatTime(w.createdAt)}</Descriptions.Item>
            {w.claimerName && <Descriptions.Item label={t('wishes.field.claimer')}>{w.claimerName}</Descriptions.Item>}
            {w.claimedAt && <Descriptions.Item label={t('wishes.field.claimedAt')}>{formatTime(w.claimedAt)}</Descriptions.Item>}
            {w.claimedAt && (
              <Descriptions.Item label={t('wishes.field.proof')}>
                {w.proofUrl ? <Image src={w.proofUrl} alt={w.title} width={200} /> : t('wishes.noProof')}
                {w.proofNote && <div>{w.proofNote}</div>}
              </Descriptions.Item>
            )}
            {w.fulfilledAt && <Descriptions.Item label={t('wishes.field.fulfilledAt')}>{formatTime(w.fulfilledAt)}</Descriptions.Item>}
            {w.confirmedAt && <Descriptions.Item label={t('wishes.field.confirmedAt')}>{formatTime(w.confirmedAt)}</Descriptions.Item>}
          </Descriptions>
        )}
      </Drawer>
      <FormModal
        open={rejecting !== null}
        title={`${t('wishes.rejectTitle')}：${rejecting?.title ?? ''}`}
        form={form}
        submit={(v: { reason: string }) => unwrap(api.POST('/api/wishes/{id}/moderation', { params: { path: { id: rejecting!.id } }, body: { approve: false, reason: v.reason } }))}
        onDone={() => {
          message.success(t('wishes.rejected'));
          refresh();
        }}
        onClose={() => setRejecting(null)}
      >
        <Form.Item name="reason" label={t('wishes.field.reason')} rules={[{ required: true, whitespace: true, message: t('wishes.reasonRequired') }]}>
          <Input.TextArea maxLength={200} rows={3} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
