import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Flex, Form, Input, Radio, Result, Select, Skeleton, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { useCurrentUser } from '../shared/me-context';
import { CandidateDrawer } from './candidate-drawer';
import { pioneerKeys } from './queries';
import { RegisterModal } from './register-modal';
import { CampaignStatusTag, CandidateStatusTag, TypeTag } from './tags';
import { TransitionModal } from './transition-modal';
import { pioneerTypes, type Campaign, type CandidateItem, type CandidateStatus, type Objection, type PioneerType, type TransitionName } from './types';

const path = ['registration', 'self_assessment', 'scoring', 'showcase', 'publicity', 'named'] as const;
const candidateStatuses: readonly CandidateStatus[] = ['registered', 'submitted', 'withdrawn', 'scored', 'nominated', 'named', 'not_named'];

/** One campaign: where it stands, the moves open from there, its candidates and objections. */
export function CampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().campaignId);
  const campaign = useQuery({
    queryKey: pioneerKeys.campaign(id),
    queryFn: () => unwrap(api.GET('/api/pioneer/campaigns/{id}', { params: { path: { id } } })),
  });
  if (campaign.isPending) return <Skeleton active />;
  if (campaign.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={campaign.error.message} />;
  const c = campaign.data;
  return (
    <Flex vertical gap={16}>
      <CampaignHeader campaign={c} />
      <Candidates campaign={c} />
      {(c.status === 'publicity' || c.status === 'named' || c.progress.openObjections > 0) && <Objections campaign={c} />}
    </Flex>
  );
}

function CampaignHeader({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState<TransitionName | null>(null);
  const f = (k: string) => t(`pioneer.campaigns.field.${k}`);
  const step = path.indexOf(c.status as (typeof path)[number]);
  // Only the moves the API offers this caller on this campaign (a street taking part gets none).
  const transitions = c.actions as TransitionName[];

  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <h1 style={{ fontSize: 17, margin: 0 }}>{c.name}</h1>
          <CampaignStatusTag status={c.status} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {(c.status === 'publicity' || c.status === 'named') && <Link to={`/pioneer/publicity/${c.id}`}>{t('pioneer.campaigns.publicityLink')}</Link>}
          {c.status === 'named' && <Link to={`/pioneer/titles?year=${c.year}`}>{t('pioneer.campaigns.titlesLink')}</Link>}
        </Flex>
      }
    >
      {c.status === 'cancelled' ? (
        <Typography.Paragraph type="secondary">
          {f('cancelReason')}：{c.cancelReason}
        </Typography.Paragraph>
      ) : (
        <Steps size="small" current={step} style={{ marginBottom: 20 }} items={path.map((s) => ({ title: t(`pioneer.campaignStatus.${s}`) }))} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={f('year')}>{c.year}</Descriptions.Item>
        <Descriptions.Item label={f('org')}>{c.orgName}</Descriptions.Item>
        <Descriptions.Item label={f('level')}>{t(`pioneer.level.${c.level}`)}</Descriptions.Item>
        <Descriptions.Item label={f('registrationDeadline')}>{c.registrationDeadline}</Descriptions.Item>
        <Descriptions.Item label={f('assessmentDeadline')}>{c.assessmentDeadline}</Descriptions.Item>
        <Descriptions.Item label={f('scoringDeadline')}>{c.scoringDeadline}</Descriptions.Item>
        <Descriptions.Item label={f('publicityDays')}>{t('pioneer.campaigns.days', { count: c.publicityDays })}</Descriptions.Item>
        <Descriptions.Item label={f('publicity')}>{c.publicityStart ? `${c.publicityStart} ~ ${c.publicityEnd}` : '—'}</Descriptions.Item>
        <Descriptions.Item label={f('quota')}>{c.quota}</Descriptions.Item>
        <Descriptions.Item label={f('scoringMethod')}>{t(`pioneer.scoringMethod.${c.scoringMethod}`)}</Descriptions.Item>
        <Descriptions.Item label={f('standards')} span={2}>
          <Flex gap={4} wrap>
            {pioneerTypes.map((type) => {
              const s = c.standards.find((x) => x.type === type);
              return s && <Tag key={type} bordered={false}>{t('pioneer.campaigns.standardVersion', { type: t(`pioneerType.${type}`), version: s.version })}</Tag>;
            })}
          </Flex>
        </Descriptions.Item>
        {c.namedOn && <Descriptions.Item label={f('namedOn')}>{c.namedOn}</Descriptions.Item>}
        {c.documentNo && <Descriptions.Item label={f('documentNo')}>{c.documentNo}</Descriptions.Item>}
      </Descriptions>
      <Flex gap={32} wrap style={{ margin: '12px 0' }}>
        <Statistic title={t('pioneer.campaigns.progress.candidates')} value={c.progress.candidates} />
        <Statistic title={t('pioneer.campaigns.progress.teams')} value={c.progress.teams} />
        <Statistic title={t('pioneer.campaigns.progress.workers')} value={c.progress.workers} />
        <Statistic title={t('pioneer.campaigns.progress.assignments')} value={c.progress.assignments} />
        <Statistic title={t('pioneer.campaigns.progress.marks')} value={c.progress.marksGiven} suffix={`/ ${c.progress.marksExpected}`} />
        <Statistic title={t('pioneer.campaigns.progress.openObjections')} value={c.progress.openObjections} />
      </Flex>
      {transitions.length > 0 && (
        <Flex gap={8} wrap data-testid="campaign-transitions">
          {transitions.map((name) => (
            <Button key={name} type={name === 'cancel' ? 'default' : 'primary'} danger={name === 'cancel'} onClick={() => setMoving(name)}>
              {t(`pioneer.transition.${name}`)}
            </Button>
          ))}
        </Flex>
      )}
      {moving && <TransitionModal campaign={c} transition={moving} onClose={() => setMoving(null)} />}
    </Card>
  );
}

function Candidates({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayWrite = can(me, 'pioneer.write');
  const [filter, setFilter] = useState<{ type?: PioneerType; status?: CandidateStatus; page: number }>({ page: 1 });
  const [registering, setRegistering] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const candidates = useQuery({
    queryKey: pioneerKeys.candidates(campaign.id, filter),
    queryFn: () => unwrap(api.GET('/api/pioneer/campaigns/{id}/candidates', { params: { path: { id: campaign.id }, query: { ...filter, pageSize: 20 } } })),
  });
  const f = (k: string) => t(`pioneer.candidates.field.${k}`);

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('pioneer.candidates.title')}</h2>}
      extra={
        mayWrite &&
        campaign.status === 'registration' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            {t('pioneer.candidates.register')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('pioneer.candidates.allTypes')}
          value={filter.type}
          onChange={(type) => setFilter({ ...filter, type, page: 1 })}
          options={pioneerTypes.map((p) => ({ value: p, label: t(`pioneerType.${p}`) }))}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          placeholder={t('pioneer.campaigns.allStatus')}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          options={candidateStatuses.map((s) => ({ value: s, label: t(`pioneer.candidateStatus.${s}`) }))}
          style={{ width: 160 }}
        />
        <ExportButton url={`/api/pioneer/campaigns/${campaign.id}/candidates/export`} filters={filter} />
      </Flex>
      <Table<CandidateItem>
        rowKey="id"
        size="middle"
        loading={candidates.isPending}
        dataSource={candidates.data?.items}
        locale={{ emptyText: candidates.isError ? candidates.error.message : t('pioneer.candidates.empty') }}
        pagination={{ current: filter.page, pageSize: 20, total: candidates.data?.total, hideOnSinglePage: true, onChange: (page) => setFilter({ ...filter, page }) }}
        scroll={{ x: 1000 }}
        columns={[
          { title: f('team'), dataIndex: 'teamName', render: (name: string, c) => <a onClick={() => setOpen(c.id)}>{name}</a> },
          { title: f('enterprise'), dataIndex: 'enterpriseName' },
          { title: f('union'), dataIndex: 'orgName' },
          { title: f('type'), dataIndex: 'type', width: 120, render: (type: PioneerType) => <TypeTag type={type} /> },
          { title: f('workerCount'), dataIndex: 'workerCount', width: 90, align: 'right' },
          { title: f('status'), dataIndex: 'status', width: 120, render: (s: CandidateStatus) => <CandidateStatusTag status={s} /> },
          { title: f('judges'), dataIndex: 'judges', width: 70, align: 'right' },
          { title: f('score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number | null) => v?.toFixed(2) ?? '—' },
          { title: f('rank'), dataIndex: 'rank', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
          { title: f('award'), dataIndex: 'award', width: 110, render: (a: CandidateItem['award']) => (a ? <Tag color="gold">{t(`pioneer.award.${a}`)}</Tag> : '—') },
          { title: '', key: 'open', width: 70, render: (_, c) => <a onClick={() => setOpen(c.id)}>{t('pioneer.candidates.open')}</a> },
        ]}
      />
      {registering && <RegisterModal campaignId={campaign.id} onClose={() => setRegistering(false)} />}
      {open !== null && <CandidateDrawer campaign={campaign} candidateId={open} mayWrite={mayWrite} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function Objections({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ outcome: 'upheld' | 'dismissed'; resolution: string }>();
  const [resolving, setResolving] = useState<Objection | null>(null);
  const objections = useQuery({
    queryKey: pioneerKeys.objections(campaign.id),
    queryFn: () => unwrap(api.GET('/api/pioneer/campaigns/{id}/objections', { params: { path: { id: campaign.id } } })),
  });
  const f = (k: string) => t(`pioneer.objections.field.${k}`);
  const mayResolve = can(me, 'pioneer.write') && campaign.status === 'publicity';

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('pioneer.objections.title')}</h2>}>
      <Table<Objection>
        rowKey="id"
        size="middle"
        loading={objections.isPending}
        dataSource={objections.data?.items}
        pagination={false}
        locale={{ emptyText: t('pioneer.objections.empty') }}
        columns={[
          { title: f('team'), dataIndex: 'teamName', width: 200 },
          { title: f('reason'), dataIndex: 'reason' },
          { title: f('createdAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
          {
            title: f('status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Objection['status']) => <Tag bordered={false} color={s === 'open' ? 'orange' : s === 'upheld' ? 'red' : 'default'}>{t(`pioneer.objections.status.${s}`)}</Tag>,
          },
          { title: f('resolution'), dataIndex: 'resolution', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'resolve',
            width: 70,
            render: (_, o) => mayResolve && o.status === 'open' && <a onClick={() => setResolving(o)}>{t('pioneer.objections.resolve')}</a>,
          },
        ]}
      />
      <FormModal
        open={resolving !== null}
        title={t('pioneer.objections.resolveTitle', { team: resolving?.teamName })}
        form={form}
        initialValues={{ outcome: 'dismissed' }}
        submit={(v) => unwrap(api.POST('/api/pioneer/objections/{id}/resolve', { params: { path: { id: resolving!.id } }, body: v }))}
        onDone={() => {
          message.success(t('pioneer.objections.resolved'));
          queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
        }}
        onClose={() => setResolving(null)}
      >
        <Form.Item name="outcome" label={t('pioneer.objections.outcome')} extra={t('pioneer.objections.outcomeHint')} rules={[{ required: true }]}>
          <Radio.Group options={(['dismissed', 'upheld'] as const).map((o) => ({ value: o, label: t(`pioneer.objections.status.${o}`) }))} />
        </Form.Item>
        <Form.Item name="resolution" label={f('resolution')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
