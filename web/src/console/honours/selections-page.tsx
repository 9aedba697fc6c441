import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { reportError } from '../shared/errors';
import { honourKeys } from './queries';
import { MemberSelect, UserSelect } from '../shared/search-select';
import { yuan, type Candidate, type Craftsman, type Selection } from './types';

const statusColor: Record<Selection['status'], string> = { open: 'blue', publicity: 'orange', named: 'green' };

/** 工匠评选: selections every three years per union, their ranking, publicity and naming; and the craftsmen they named. */
export function SelectionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'honour.write');
  const { filters, set, pagination } = usePagedFilters<{ orgId?: number; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...honourKeys.selections, filters], queryFn: () => unwrap(api.GET('/api/craftsman-selections', { params: { query: filters } })), placeholderData: keepPreviousData });
  const craftsmen = useQuery({ queryKey: [...honourKeys.craftsmen, filters.orgId], queryFn: () => unwrap(api.GET('/api/craftsmen', { params: { query: { orgId: filters.orgId, page: 1, pageSize: 100 } } })) });
  const settings = useQuery({
    queryKey: ['honours', 'settings', filters.orgId ?? me.grants.find((g) => g.orgId !== null)?.orgId ?? 0],
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/honour-settings', { params: { path: { id: filters.orgId ?? me.grants.find((g) => g.orgId !== null)!.orgId! } } })),
    enabled: filters.orgId !== undefined || me.grants.some((g) => g.orgId !== null),
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.selections')}</h1>}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('honours.sel.create')}
            </Button>
          )
        }
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('honours.sel.periodNote', { years: settings.data?.settings.selectionPeriodYears ?? 3 })} />
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('honours.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        </Flex>
        <Table<Selection>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('honours.sel.empty') }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          pagination={pagination(list.data)}
          columns={[
            { title: t('honours.field.selection'), dataIndex: 'title', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
            { title: t('honours.field.org'), dataIndex: 'orgName', width: 180 },
            { title: t('honours.field.year'), dataIndex: 'year', width: 80 },
            { title: t('honours.field.quota'), dataIndex: 'quota', width: 90, align: 'right' },
            { title: t('honours.field.candidates'), dataIndex: 'candidates', width: 90, align: 'right' },
            {
              title: t('honours.field.status'),
              key: 'status',
              width: 250,
              render: (_, s) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  <Tag color={statusColor[s.status]}>{t(`honours.selectionStatus.${s.status}`)}</Tag>
                  {s.status === 'publicity' && s.publicityLastDay && <Typography.Text type="secondary">{t('honours.sel.publicityEnds', { at: s.publicityLastDay })}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('honours.sel.craftsmen')} size="small">
        <Table<Craftsman>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={craftsmen.data?.items ?? []}
          locale={{ emptyText: t('honours.sel.noCraftsmen') }}
          columns={[
            { title: t('honours.field.name'), dataIndex: 'name', width: 120 },
            { title: t('honours.field.org'), dataIndex: 'orgName' },
            { title: t('honours.field.year'), dataIndex: 'year', width: 80 },
            { title: t('honours.field.validUntil'), dataIndex: 'validUntil', width: 100, render: (y: number) => `${y}-12-31` },
            { title: t('honours.field.status'), dataIndex: 'status', width: 90, render: (s: Craftsman['status']) => <Tag color={s === 'valid' ? 'green' : 'default'}>{t(`honours.titleStatus.${s}`)}</Tag> },
            { title: t('honours.field.renewed'), dataIndex: 'renewed', width: 80, render: (r: boolean) => (r ? t('honours.yes') : '') },
            { title: t('honours.field.balance'), dataIndex: 'balanceFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
          ]}
        />
      </Card>
      <CreateSelectionModal open={creating} onClose={() => setCreating(false)} />
      <SelectionDrawer id={open} writable={writable} onClose={() => setOpen(null)} />
    </Space>
  );
}

function CreateSelectionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const year = dayjs().year();
  return (
    <FormModal
      open={open}
      title={t('honours.sel.create')}
      form={form}
      initialValues={{ year, quota: 3, title: `${year}年度工匠评选` }}
      submit={(v) => unwrap(api.POST('/api/craftsman-selections', { body: v }))}
      onDone={() => {
        message.success(t('honours.sel.created'));
        void client.invalidateQueries({ queryKey: honourKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={t('honours.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="title" label={t('honours.field.selection')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="year" label={t('honours.field.year')}>
          <InputNumber min={1950} max={2100} />
        </Form.Item>
        <Form.Item name="quota" label={t('honours.field.quota')}>
          <InputNumber min={1} max={500} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}

function SelectionDrawer({ id, writable, onClose }: { id: number | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: honourKeys.selection(id ?? 0), queryFn: () => unwrap(api.GET('/api/craftsman-selections/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
  const d = detail.data;
  const act = useMutation({
    mutationFn: async (step: () => Promise<unknown>) => step(),
    onSuccess: () => void client.invalidateQueries({ queryKey: honourKeys.all }),
    onError: (e) => reportError(message, e),
  });
  const manage = writable && !!d?.actions.includes('manage');
  const [adding, setAdding] = useState<'candidate' | 'judge' | null>(null);
  const [pickForm] = Form.useForm<{ id: number }>();
  const object = (c: Candidate) => {
    let reason = '';
    modal.confirm({
      title: t('honours.sel.objectTitle', { name: c.name }),
      content: <Input.TextArea autoFocus maxLength={500} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => act.mutateAsync(() => unwrap(api.POST('/api/craftsman-candidates/{id}/objections', { params: { path: { id: c.id } }, body: { reason: reason.trim() || '—' } }))).then(() => message.success(t('honours.sel.objected'))),
    });
  };
  const decide = (objectionId: number, upheld: boolean) =>
    act.mutate(() => unwrap(api.POST('/api/craftsman-objections/{id}/decision', { params: { path: { id: objectionId } }, body: { upheld } })).then(() => message.success(t('honours.sel.decided'))));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={860}
      title={d?.title}
      destroyOnHidden
      extra={
        manage && (
          <Space>
            {d?.status === 'open' && (
              <>
                <Button onClick={() => setAdding('judge')}>{t('honours.sel.addJudge')}</Button>
                <Button onClick={() => setAdding('candidate')}>{t('honours.sel.addCandidate')}</Button>
              </>
            )}
            {d?.status === 'open' && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate(() => unwrap(api.POST('/api/craftsman-selections/{id}/publicity', { params: { path: { id: id! } } })).then(() => message.success(t('honours.sel.publicized'))))}>
                {t('honours.sel.publicize')}
              </Button>
            )}
            {d?.status === 'publicity' && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate(() => unwrap(api.POST('/api/craftsman-selections/{id}/naming', { params: { path: { id: id! } } })).then(() => message.success(t('honours.sel.named'))))}>
                {t('honours.sel.name')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {d && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={statusColor[d.status]}>{t(`honours.selectionStatus.${d.status}`)}</Tag>
            <span>{d.orgName}</span>
            <span>
              {t('honours.field.quota')}：{d.quota}
            </span>
            {d.publicityLastDay && <span>{t('honours.sel.publicityEnds', { at: d.publicityLastDay })}</span>}
            <span>
              {t('honours.field.judges')}：{d.judges.length ? d.judges.map((j) => j.name).join('、') : t('honours.sel.noJudges')}
            </span>
          </Space>
          <Typography.Paragraph type="secondary">{t('honours.sel.ranking')}</Typography.Paragraph>
          <Table<Candidate>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.ranking}
            columns={[
              { title: t('honours.field.rank'), dataIndex: 'rank', width: 60, render: (r: number | null) => r ?? '—' },
              { title: t('honours.field.name'), dataIndex: 'name', width: 100 },
              { title: t('honours.field.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
              { title: t('honours.field.marks'), dataIndex: 'marks', width: 70, align: 'right' },
              { title: t('honours.field.score'), dataIndex: 'score', width: 80, align: 'right', render: (s: number | null) => (s === null ? '—' : s.toFixed(2)) },
              { title: t('honours.field.status'), dataIndex: 'status', width: 80, render: (s: Candidate['status']) => <Tag color={s === 'named' ? 'green' : undefined}>{t(`honours.candidateStatus.${s}`)}</Tag> },
              {
                title: t('honours.field.objections'),
                key: 'objections',
                width: 260,
                render: (_, c) => (
                  <Space direction="vertical" size={2}>
                    {c.objections.map((o) => (
                      <Space key={o.id} size={4} wrap>
                        <Tag color={o.status === 'open' ? 'orange' : o.status === 'upheld' ? 'red' : 'default'}>{t(`honours.objectionStatus.${o.status}`)}</Tag>
                        <span>{o.reason}</span>
                        {manage && o.status === 'open' && (
                          <>
                            <Button size="small" type="link" danger onClick={() => decide(o.id, true)}>
                              {t('honours.sel.uphold')}
                            </Button>
                            <Button size="small" type="link" onClick={() => decide(o.id, false)}>
                              {t('honours.sel.dismiss')}
                            </Button>
                          </>
                        )}
                      </Space>
                    ))}
                    {manage && d.status === 'publicity' && (
                      <Button size="small" type="link" onClick={() => object(c)}>
                        {t('honours.sel.object')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      <FormModal
        open={adding !== null}
        title={adding === 'judge' ? t('honours.sel.addJudge') : t('honours.sel.addCandidate')}
        form={pickForm}
        submit={(v) =>
          adding === 'judge'
            ? unwrap(api.POST('/api/craftsman-selections/{id}/judges', { params: { path: { id: id! } }, body: { userId: v.id } }))
            : unwrap(api.POST('/api/craftsman-selections/{id}/candidates', { params: { path: { id: id! } }, body: { memberId: v.id } }))
        }
        onDone={() => void client.invalidateQueries({ queryKey: honourKeys.all })}
        onClose={() => setAdding(null)}
      >
        {adding === 'candidate' && <Typography.Paragraph type="secondary">{t('honours.sel.candidateNote')}</Typography.Paragraph>}
        {adding === 'judge' && <Typography.Paragraph type="secondary">{t('honours.sel.judgeNote')}</Typography.Paragraph>}
        <Form.Item name="id" label={adding === 'judge' ? t('honours.field.judges') : t('honours.field.candidates')} rules={[{ required: true }]}>
          {adding === 'judge' ? <UserSelect /> : <MemberSelect orgId={d?.orgId} />}
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
