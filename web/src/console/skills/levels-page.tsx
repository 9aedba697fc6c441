import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, Progress, Radio, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { MemberSelect } from '../shared/search-select';
import { can } from '../access';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { ReasonAction } from '../shared/reason-action';
import { SpreadsheetImport } from '../shared/spreadsheet-import';
import { useTopOrg } from '../shared/top-org';
import { skillKeys, skillLevels, type IssuerKind, type SkillLevel, type SkillRecord, type SkillStats } from './types';

interface Filters {
  q?: string;
  occupation?: string;
  level?: SkillLevel;
  history?: boolean;
  page: number;
  pageSize: number;
}

/** 技能等级: the stats by level over a scope, the records of its members, and the Excel import. */
export function LevelsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const top = useTopOrg(me);
  const [chosen, setChosen] = useState<number>();
  const orgId = chosen ?? top;
  const writes = can(me, 'skill.write');
  const queryClient = useQueryClient();

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={12} wrap>
          <h1 style={{ fontSize: 16, margin: 0 }}>{t('skills.title')}</h1>
          <Typography.Text type="secondary">{t('skills.stats.scope')}</Typography.Text>
          <OrgTreeSelect includeClosed value={orgId} onChange={setChosen} style={{ width: 320 }} />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('skills.intro')}
        </Typography.Paragraph>
      </Card>
      {orgId !== undefined && <StatsCard orgId={orgId} />}
      <Card>
        <Tabs
          items={[
            { key: 'records', label: t('skills.tabs.records'), children: orgId !== undefined && <Records orgId={orgId} writes={writes} /> },
            ...(writes
              ? [
                  {
                    key: 'import',
                    label: t('skills.tabs.import'),
                    children: (
                      <SpreadsheetImport
                        ns="skills.files"
                        templateUrl="/api/skill-levels/import-template"
                        templateName="技能等级导入模板.xlsx"
                        importUrl="/api/skill-levels/import"
                        onImported={() => queryClient.invalidateQueries({ queryKey: skillKeys.all })}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}

function StatsCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: skillKeys.stats(orgId), queryFn: () => unwrap(api.GET('/api/orgs/{id}/skill-stats', { params: { path: { id: orgId } } })) });
  const data: SkillStats | undefined = stats.data;
  const percent = (n: number) => (data && data.total ? Math.round((n / data.total) * 1000) / 10 : 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card loading={stats.isPending} style={{ height: '100%' }}>
          <Flex vertical gap={16}>
            <Statistic title={t('skills.stats.total')} value={data?.total ?? 0} data-testid="skill-total" />
            <Statistic
              title={t('skills.stats.advanced')}
              value={data?.advancedOrAbove ?? 0}
              suffix={<Typography.Text type="secondary" style={{ fontSize: 14 }}>{t('skills.stats.share', { percent: percent(data?.advancedOrAbove ?? 0) })}</Typography.Text>}
              data-testid="skill-advanced"
            />
            <Typography.Text type="secondary">{t('skills.stats.advancedHint')}</Typography.Text>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card title={t('skills.stats.byLevel')} loading={stats.isPending} style={{ height: '100%' }}>
          <Flex vertical gap={10}>
            {skillLevels.map((level) => (
              <Flex key={level} align="center" gap={12} data-testid={`skill-level-${level}`}>
                <span style={{ width: 120, flex: 'none' }}>{t(`skills.level.${level}`)}</span>
                <Progress percent={percent(data?.byLevel[level] ?? 0)} showInfo={false} strokeColor={level <= 3 ? '#c41d1d' : '#d89614'} style={{ flex: 1, margin: 0 }} />
                <span style={{ width: 64, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{data?.byLevel[level] ?? 0}</span>
              </Flex>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

const LevelTag = ({ level }: { level: number }) => {
  const { t } = useTranslation();
  return <Tag color={level <= 3 ? 'red' : 'gold'}>{t(`skills.level.${level}`)}</Tag>;
};

function Records({ orgId, writes }: { orgId: number; writes: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [correcting, setCorrecting] = useState<SkillRecord | null>(null);
  const query = { ...filters, orgId, q: filters.q || undefined, occupation: filters.occupation || undefined, history: filters.history || undefined };
  const list = useQuery({
    queryKey: skillKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/skill-levels', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: skillKeys.all });

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('skills.list.search')} aria-label={t('skills.list.search')} style={{ width: 260 }} onSearch={(q) => set({ q: q.trim() })} />
        <Input.Search allowClear placeholder={t('skills.list.occupation')} aria-label={t('skills.list.occupation')} style={{ width: 180 }} onSearch={(occupation) => set({ occupation: occupation.trim() })} />
        <Select<SkillLevel | 0>
          style={{ width: 150 }}
          aria-label={t('skills.field.level')}
          value={filters.level ?? 0}
          onChange={(v) => set({ level: v === 0 ? undefined : v })}
          options={[{ value: 0, label: t('skills.list.allLevels') }, ...skillLevels.map((l) => ({ value: l, label: t(`skills.level.${l}`) }))]}
        />
        <Checkbox checked={!!filters.history} onChange={(e) => set({ history: e.target.checked })}>
          {t('skills.list.history')}
        </Checkbox>
        <ExportButton url="/api/skill-levels/export" filters={query} />
        {writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('skills.create.button')}
          </Button>
        )}
      </Flex>
      <Table<SkillRecord>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('skills.list.empty') }}
        scroll={{ x: 1150 }}
        pagination={pagination(list.data, (total) => t('skills.list.total', { total }))}
        columns={[
          {
            title: t('skills.field.memberName'),
            dataIndex: 'memberName',
            width: 130,
            render: (name: string, r) => (
              <Flex vertical>
                <span>{name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.memberNo}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('skills.field.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('skills.field.occupation'), dataIndex: 'occupation', width: 100 },
          { title: t('skills.field.level'), dataIndex: 'level', width: 140, render: (level: number) => <LevelTag level={level} /> },
          { title: t('skills.field.certificateNo'), dataIndex: 'certificateNo', width: 180 },
          { title: t('skills.field.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          {
            title: t('skills.field.issuer'),
            dataIndex: 'issuer',
            ellipsis: true,
            render: (issuer: string, r) => (
              <Space size={4}>
                <span>{issuer}</span>
                <Typography.Text type="secondary">（{t(`skills.issuerKind.${r.issuerKind}`)}）</Typography.Text>
              </Space>
            ),
          },
          ...(filters.history ? [{ title: t('skills.field.status'), dataIndex: 'status', width: 90, render: (s: SkillRecord['status']) => <Tag>{t(`skills.status.${s}`)}</Tag> }] : []),
          ...(writes
            ? [
                {
                  title: t('skills.list.actions'),
                  key: 'actions',
                  width: 130,
                  fixed: 'right' as const,
                  render: (_: unknown, r: SkillRecord) =>
                    r.status === 'valid' && (
                      <Space size={0}>
                        <Button type="link" onClick={() => setCorrecting(r)}>
                          {t('skills.correct.button')}
                        </Button>
                        <ReasonAction
                          label={t('skills.void.button')}
                          title={t('skills.void.title', { name: r.memberName, occupation: r.occupation })}
                          submit={(reason) => unwrap(api.POST('/api/skill-levels/{id}/void', { params: { path: { id: r.id } }, body: { reason } }))}
                          done={t('skills.void.done')}
                          onDone={refresh}
                        />
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <RecordModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          message.success(t('skills.create.done'));
          refresh();
        }}
      />
      <RecordModal
        open={correcting !== null}
        record={correcting ?? undefined}
        onClose={() => setCorrecting(null)}
        onDone={() => {
          message.success(t('skills.correct.done'));
          refresh();
        }}
      />
    </>
  );
}

interface RecordValues {
  memberId?: number;
  occupation: string;
  level: SkillLevel;
  certificateNo: string;
  issuedOn: string;
  issuer: string;
  issuerKind: IssuerKind;
  reason?: string;
}

/** Records a level (no `record`) or corrects one (`record`: the form starts from it and asks why). */
function RecordModal({ open, record, onClose, onDone }: { open: boolean; record?: SkillRecord; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordValues>();
  const submit = ({ memberId, reason, ...fields }: RecordValues) =>
    record
      ? unwrap(api.POST('/api/skill-levels/{id}/correct', { params: { path: { id: record.id } }, body: { ...fields, reason: reason ?? '' } }))
      : unwrap(api.POST('/api/skill-levels', { body: { ...fields, memberId: memberId! } }));
  const required = { required: true, whitespace: true };
  return (
    <FormModal<RecordValues, { id: number }>
      open={open}
      title={record ? t('skills.correct.title') : t('skills.create.title')}
      form={form}
      initialValues={
        record
          ? { occupation: record.occupation, level: record.level as SkillLevel, certificateNo: record.certificateNo, issuedOn: record.issuedOn, issuer: record.issuer, issuerKind: record.issuerKind }
          : { issuerKind: 'enterprise' }
      }
      submit={submit}
      onDone={onDone}
      onClose={onClose}
      width={560}
    >
      {record ? (
        <Form.Item label={t('skills.field.member')}>
          <Typography.Text>
            {record.memberName}（{record.memberNo}）
          </Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="memberId" label={t('skills.field.member')} rules={[{ required: true }]}>
          <MemberSelect placeholder={t('skills.create.memberPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item name="occupation" label={t('skills.field.occupation')} rules={[required, { max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="level" label={t('skills.field.level')} rules={[{ required: true }]}>
        <Select options={skillLevels.map((l) => ({ value: l, label: t(`skills.level.${l}`) }))} />
      </Form.Item>
      <Form.Item name="certificateNo" label={t('skills.field.certificateNo')} rules={[required, { min: 4, max: 40 }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="issuedOn" label={t('skills.field.issuedOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="issuer" label={t('skills.field.issuer')} rules={[required, { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="issuerKind" label={t('skills.field.issuerKind')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['enterprise', 'agency'] as const).map((k) => ({ value: k, label: t(`skills.issuerKind.${k}`) }))}
          optionType="button"
        />
      </Form.Item>
      {record && (
        <Form.Item name="reason" label={t('skills.field.reason')} rules={[required, { max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder={t('skills.correct.reasonPlaceholder')} />
        </Form.Item>
      )}
    </FormModal>
  );
}

