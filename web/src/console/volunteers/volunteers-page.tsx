import { useState } from 'react';
import { App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
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

type Json<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer J } } } } } ? J : never;
type Volunteer = Json<'/api/volunteers'>['items'][number];
type Team = Json<'/api/volunteer-teams'>['items'][number];
type Service = Json<'/api/volunteer-services'>['items'][number];
type Goods = Json<'/api/shop-goods'>['items'][number];
type Redemption = Json<'/api/shop-redemptions'>['items'][number];
type Ranked = Json<'/api/love-points/rankings'>['items'][number];
const skills = ['first_aid', 'teaching', 'medical', 'legal', 'repair', 'photography', 'performance', 'driving', 'translation', 'companionship', 'other'] as const;
const teamKinds: Team['kind'][] = ['party_member', 'union', 'youth', 'women', 'community'];
const tabs = ['volunteers', 'teams', 'services', 'shop', 'rankings'] as const;
const keys = { all: ['volunteers'] as const };

/** 志愿服务: volunteers, teams, service hours, love points per member, the points shop and the yearly ranking, in tabs (`?tab=shop`). */
export function VolunteersPage() {
  const { t } = useTranslation();
  const initial = new URLSearchParams(window.location.search).get('tab');
  const [tab, setTab] = useState<string>(tabs.includes(initial as 'shop') ? initial! : 'volunteers');
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.volunteers')}</h1>}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyInactiveTabPane
        items={[
          { key: 'volunteers', label: t('volunteers.tab.volunteers'), children: <VolunteersTab /> },
          { key: 'teams', label: t('volunteers.tab.teams'), children: <TeamsTab /> },
          { key: 'services', label: t('volunteers.tab.services'), children: <ServicesTab /> },
          { key: 'shop', label: t('volunteers.tab.shop'), children: <ShopTab /> },
          { key: 'rankings', label: t('volunteers.tab.rankings'), children: <RankingsTab /> },
        ]}
      />
    </Card>
  );
}

function VolunteersTab() {
  const { t } = useTranslation();
  const { filters, set, pagination } = usePagedFilters<{ orgId?: number; skill?: (typeof skills)[number]; q?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [ledgerOf, setLedgerOf] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...keys.all, 'list', filters], queryFn: () => unwrap(api.GET('/api/volunteers', { params: { query: filters } })), placeholderData: keepPreviousData });
  const ledger = useQuery({ queryKey: [...keys.all, 'ledger', ledgerOf], enabled: ledgerOf !== null, queryFn: () => unwrap(api.GET('/api/love-points/members/{id}', { params: { path: { id: ledgerOf! } } })) });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('volunteers.allOrgs')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select allowClear placeholder={t('volunteers.allSkills')} style={{ width: 140 }} value={filters.skill} onChange={(skill) => set({ skill })} options={skills.map((s) => ({ value: s, label: t(`volunteers.skill.${s}`) }))} />
        <Input.Search allowClear placeholder={t('volunteers.search')} style={{ width: 200 }} onSearch={(q) => set({ q: q || undefined })} />
        <ExportButton url="/api/volunteers/export" filters={filters} />
      </Flex>
      <Table<Volunteer>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('volunteers.empty') }}
        scroll={{ x: 900 }}
        pagination={pagination(list.data, (total) => t('volunteers.total', { total }))}
        columns={[
          {
            title: t('volunteers.field.name'),
            key: 'name',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName}
                  {r.team && ` · ${r.team}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('volunteers.field.skills'), key: 'skills', render: (_, r) => r.skills.map((s) => <Tag key={s} bordered={false}>{t(`volunteers.skill.${s as 'other'}`)}</Tag>) },
          { title: t('volunteers.field.availability'), key: 'availability', render: (_, r) => r.availability.map((a) => t(`volunteers.availability.${a as 'weekend'}`)).join('、') },
          { title: t('volunteers.field.hours'), dataIndex: 'hoursThisYear', width: 120, align: 'right' },
          { title: t('volunteers.field.balance'), key: 'balance', width: 110, align: 'right', render: (_, r) => <a onClick={() => setLedgerOf(r.memberId)}>{r.balance}</a> },
        ]}
      />
      <Drawer open={ledgerOf !== null} title={`${t('volunteers.ledger')}${ledger.data ? `：${ledger.data.name}` : ''}`} width={520} onClose={() => setLedgerOf(null)} loading={ledger.isFetching}>
        {ledger.data && (
          <>
            <Typography.Title level={5}>
              {t('volunteers.balance')}：{ledger.data.balance}
            </Typography.Title>
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={ledger.data.entries}
              columns={[
                { title: t('volunteers.field.at'), key: 'at', width: 150, render: (_, e) => formatTime(e.at) },
                { title: t('volunteers.field.reason'), dataIndex: 'reason' },
                { title: t('volunteers.field.pointsChange'), key: 'points', width: 70, align: 'right', render: (_, e) => <Typography.Text type={e.points < 0 ? 'danger' : 'success'}>{e.points > 0 ? `+${e.points}` : e.points}</Typography.Text> },
              ]}
            />
          </>
        )}
      </Drawer>
    </>
  );
}

function TeamsTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [memberForm] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<Team | null>(null);
  const { filters, set, pagination } = usePagedFilters<{ orgId?: number; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: [...keys.all, 'teams', filters], queryFn: () => unwrap(api.GET('/api/volunteer-teams', { params: { query: filters } })), placeholderData: keepPreviousData });
  const candidates = useQuery({ queryKey: [...keys.all, 'candidates', adding?.orgId], enabled: adding !== null, queryFn: () => unwrap(api.GET('/api/volunteers', { params: { query: { orgId: adding!.orgId, pageSize: 100 } } })) });
  const writable = can(me, 'volunteer.write');
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('volunteers.allOrgs')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('volunteers.createTeam')}
          </Button>
        )}
      </Flex>
      <Table<Team>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('volunteers.empty') }}
        pagination={pagination(list.data, (total) => t('volunteers.total', { total }))}
        columns={[
          { title: t('volunteers.field.teamName'), dataIndex: 'name' },
          { title: t('volunteers.field.kind'), key: 'kind', width: 140, render: (_, r) => t(`volunteers.kind.${r.kind}`) },
          { title: t('volunteers.field.org'), dataIndex: 'orgName' },
          { title: t('volunteers.field.members'), dataIndex: 'members', width: 90, align: 'right' },
          { title: '', key: 'add', width: 120, render: (_, r) => writable && <Button size="small" onClick={() => setAdding(r)}>{t('volunteers.addMember')}</Button> },
        ]}
      />
      <FormModal
        open={creating}
        title={t('volunteers.createTeam')}
        form={form}
        initialValues={{ kind: 'union' }}
        submit={(v: { orgId: number; name: string; kind: Team['kind'] }) => unwrap(api.POST('/api/volunteer-teams', { body: v }))}
        onDone={() => {
          message.success(t('volunteers.teamCreated'));
          void client.invalidateQueries({ queryKey: keys.all });
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="name" label={t('volunteers.field.teamName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="orgId" label={t('volunteers.field.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('volunteers.field.kind')}>
          <Select options={teamKinds.map((k) => ({ value: k, label: t(`volunteers.kind.${k}`) }))} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={adding !== null}
        title={`${t('volunteers.addMember')}：${adding?.name ?? ''}`}
        form={memberForm}
        submit={(v: { volunteerId: number }) => unwrap(api.POST('/api/volunteer-teams/{id}/members', { params: { path: { id: adding!.id } }, body: v }))}
        onDone={() => {
          message.success(t('volunteers.memberAdded'));
          void client.invalidateQueries({ queryKey: keys.all });
        }}
        onClose={() => setAdding(null)}
      >
        <Form.Item name="volunteerId" label={t('volunteers.pickVolunteer')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={candidates.isFetching} options={(candidates.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.orgName}）` }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function ServicesTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const { filters, pagination } = usePagedFilters<{ page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: [...keys.all, 'services', filters], queryFn: () => unwrap(api.GET('/api/volunteer-services', { params: { query: filters } })), placeholderData: keepPreviousData });
  const activities = useQuery({ queryKey: [...keys.all, 'activities'], enabled: creating, queryFn: () => unwrap(api.GET('/api/activities', { params: { query: { pageSize: 100, status: 'published' } } })) });
  const teams = useQuery({ queryKey: [...keys.all, 'teams', 'all'], enabled: creating, queryFn: () => unwrap(api.GET('/api/volunteer-teams', { params: { query: { pageSize: 100 } } })) });
  return (
    <>
      {can(me, 'volunteer.write') && (
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('volunteers.createService')}
          </Button>
        </Flex>
      )}
      <Table<Service>
        rowKey="activityId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('volunteers.empty') }}
        pagination={pagination(list.data, (total) => t('volunteers.total', { total }))}
        columns={[
          { title: t('volunteers.field.activity'), dataIndex: 'title' },
          { title: t('volunteers.field.startsAt'), key: 'startsAt', width: 170, render: (_, r) => formatTime(r.startsAt) },
          { title: t('volunteers.field.team'), key: 'team', render: (_, r) => r.teamName ?? '—' },
          { title: t('volunteers.field.serviceHours'), dataIndex: 'hours', width: 140, align: 'right' },
          { title: t('volunteers.field.served'), dataIndex: 'served', width: 110, align: 'right' },
        ]}
      />
      <FormModal
        open={creating}
        title={t('volunteers.createService')}
        form={form}
        initialValues={{ hours: 2 }}
        submit={(v: { activityId: number; hours: number; volunteerTeamId?: number }) => unwrap(api.POST('/api/volunteer-services', { body: { ...v, volunteerTeamId: v.volunteerTeamId ?? null } }))}
        onDone={() => {
          message.success(t('volunteers.serviceCreated'));
          void client.invalidateQueries({ queryKey: keys.all });
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="activityId" label={t('volunteers.pickActivity')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={activities.isFetching} options={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="hours" label={t('volunteers.field.serviceHours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={12} precision={0} />
          </Form.Item>
          <Form.Item name="volunteerTeamId" label={t('volunteers.field.team')} style={{ flex: 1 }}>
            <Select allowClear options={(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} />
          </Form.Item>
        </Flex>
      </FormModal>
    </>
  );
}

function ShopTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'volunteer.write');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const { filters, set, pagination } = usePagedFilters<{ orgId?: number; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const goods = useQuery({ queryKey: [...keys.all, 'goods', filters], queryFn: () => unwrap(api.GET('/api/shop-goods', { params: { query: filters } })), placeholderData: keepPreviousData });
  const redemptions = useQuery({ queryKey: [...keys.all, 'redemptions'], queryFn: () => unwrap(api.GET('/api/shop-redemptions', { params: { query: { pageSize: 50 } } })) });
  const deliver = useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/shop-redemptions/{id}/delivery', { params: { path: { id } } })),
    onSuccess: () => {
      message.success(t('volunteers.delivered'));
      void client.invalidateQueries({ queryKey: keys.all });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('volunteers.allOrgs')} style={{ width: 240 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <ExportButton url="/api/shop-goods/export" filters={filters} />
        {writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('volunteers.createGoods')}
          </Button>
        )}
      </Flex>
      <Table<Goods>
        rowKey="id"
        loading={goods.isFetching}
        dataSource={goods.data?.items ?? []}
        locale={{ emptyText: t('volunteers.empty') }}
        pagination={pagination(goods.data, (total) => t('volunteers.total', { total }))}
        columns={[
          {
            title: t('volunteers.field.goods'),
            key: 'name',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName}
                  {r.description && ` · ${r.description}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('volunteers.field.points'), dataIndex: 'points', width: 100, align: 'right' },
          { title: t('volunteers.field.stock'), dataIndex: 'stock', width: 80, align: 'right' },
          { title: t('volunteers.field.redeemed'), dataIndex: 'redeemed', width: 90, align: 'right' },
          { title: t('volunteers.field.stockLeft'), dataIndex: 'stockLeft', width: 80, align: 'right' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('volunteers.redemptions')}
      </Typography.Title>
      <Table<Redemption>
        rowKey="id"
        size="small"
        loading={redemptions.isFetching}
        dataSource={redemptions.data?.items ?? []}
        locale={{ emptyText: t('volunteers.empty') }}
        pagination={false}
        columns={[
          { title: t('volunteers.field.goods'), dataIndex: 'goodsName' },
          { title: t('volunteers.field.member'), dataIndex: 'memberName', width: 120 },
          { title: t('volunteers.field.points'), dataIndex: 'points', width: 90, align: 'right' },
          { title: t('volunteers.field.at'), key: 'at', width: 170, render: (_, r) => formatTime(r.createdAt) },
          {
            title: t('volunteers.field.status'),
            key: 'status',
            width: 160,
            render: (_, r) =>
              r.status === 'pending' && writable ? (
                <Button size="small" type="primary" loading={deliver.isPending && deliver.variables === r.id} onClick={() => deliver.mutate(r.id)}>
                  {t('volunteers.deliver')}
                </Button>
              ) : (
                <Tag color={r.status === 'delivered' ? 'green' : 'orange'}>{t(`volunteers.redemptionStatus.${r.status}`)}</Tag>
              ),
          },
        ]}
      />
      <FormModal
        open={creating}
        title={t('volunteers.createGoods')}
        form={form}
        submit={(v: { orgId: number; name: string; description?: string; points: number; stock: number }) => unwrap(api.POST('/api/shop-goods', { body: v }))}
        onDone={() => {
          message.success(t('volunteers.goodsCreated'));
          void client.invalidateQueries({ queryKey: keys.all });
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="name" label={t('volunteers.field.goods')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="orgId" label={t('volunteers.field.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="description" label={t('volunteers.field.description')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="points" label={t('volunteers.field.points')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} precision={0} />
          </Form.Item>
          <Form.Item name="stock" label={t('volunteers.field.stock')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Flex>
      </FormModal>
    </>
  );
}

function RankingsTab() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [year, setYear] = useState(thisYear);
  const ranking = useQuery({ queryKey: [...keys.all, 'ranking', orgId, year], queryFn: () => unwrap(api.GET('/api/love-points/rankings', { params: { query: { orgId, year } } })) });
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('volunteers.allOrgs')} style={{ width: 240 }} value={orgId} onChange={setOrgId} />
        <Select value={year} style={{ width: 120 }} onChange={setYear} options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: `${thisYear - d}` }))} aria-label={t('volunteers.year')} />
      </Flex>
      <Table<Ranked>
        rowKey="memberId"
        loading={ranking.isFetching}
        dataSource={ranking.data?.items ?? []}
        locale={{ emptyText: t('volunteers.empty') }}
        pagination={false}
        columns={[
          { title: t('volunteers.field.rank'), dataIndex: 'rank', width: 70 },
          { title: t('volunteers.field.name'), dataIndex: 'name' },
          { title: t('volunteers.field.org'), dataIndex: 'orgName' },
          { title: t('volunteers.field.points'), dataIndex: 'points', width: 100, align: 'right' },
          { title: t('volunteers.field.hours'), dataIndex: 'hours', width: 120, align: 'right' },
        ]}
      />
    </>
  );
}
