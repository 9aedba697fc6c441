import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Col, Descriptions, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
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
import { ExportButton } from '../shared/export-button';
import { reportError } from '../shared/errors';
import { gradeText, ratingKeys, type Rating, type RatingDetail } from './types';

const statusColor: Record<Rating['status'], string> = { self_assessed: 'blue', reviewed: 'cyan', publicity: 'orange', named: 'green', not_named: 'default', revoked: 'red' };
const dimensions = ['organization', 'democratic_management', 'rights', 'services', 'own_building'] as const;
type Filters = { orgId?: number; kind?: Rating['kind']; page: number; pageSize: number };

/** 星级评定: ratings in scope, their figures per org, and each rating's lifecycle in a drawer. */
export function RatingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'rating.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const statsOrg = filters.orgId ?? me.grants.find((g) => g.orgId !== null)?.orgId ?? null;
  const list = useQuery({ queryKey: [...ratingKeys.list, filters], queryFn: () => unwrap(api.GET('/api/ratings', { params: { query: filters } })), placeholderData: keepPreviousData });
  const stats = useQuery({
    queryKey: ratingKeys.stats(statsOrg ?? 0),
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/rating-stats', { params: { path: { id: statsOrg! } } })),
    enabled: statsOrg !== null,
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {stats.data && (
        <Card size="small" title={t('ratings.statsTitle')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Typography.Text type="secondary">{t('ratings.byStars')}</Typography.Text>
              <Flex gap={24}>
                {(['5', '4', '3', '2', '1'] as const).map((n) => (
                  <Statistic key={n} title={t('ratings.stars', { n })} value={stats.data.byStars[n]} />
                ))}
              </Flex>
            </Col>
            <Col xs={24} md={12}>
              <Typography.Text type="secondary">{t('ratings.workersHomes')}</Typography.Text>
              <Flex gap={24}>
                {(['national', 'province', 'city', 'county'] as const).map((l) => (
                  <Statistic key={l} title={t(`ratings.level.${l}`)} value={stats.data.workersHomes[l]} />
                ))}
              </Flex>
            </Col>
          </Row>
        </Card>
      )}
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.ratings')}</h1>}
        extra={
          <Space>
            <ExportButton url="/api/ratings/export" filters={filters} />
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('ratings.create')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear placeholder={t('ratings.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
          <Select
            allowClear
            placeholder={t('ratings.allKinds')}
            style={{ width: 160 }}
            value={filters.kind}
            onChange={(kind) => set({ kind })}
            options={(['star_rating', 'workers_home_rating'] as const).map((k) => ({ value: k, label: t(`ratings.kind.${k}`) }))}
          />
        </Flex>
        <Table<Rating>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('ratings.empty') }}
          pagination={pagination(list.data)}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('ratings.field.org'), dataIndex: 'orgName', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
            { title: t('ratings.field.kind'), dataIndex: 'kind', width: 110, render: (k: Rating['kind']) => t(`ratings.kind.${k}`) },
            { title: t('ratings.field.level'), dataIndex: 'level', width: 80, render: (l: Rating['level']) => t(`ratings.level.${l}`) },
            { title: t('ratings.field.year'), dataIndex: 'year', width: 70 },
            { title: t('ratings.field.score'), dataIndex: 'score', width: 80, align: 'right', render: (s: number | null, r) => s ?? <Typography.Text type="secondary">{r.selfScore}</Typography.Text> },
            { title: t('ratings.field.grade'), key: 'grade', width: 130, render: (_, r) => gradeText(r, t) },
            { title: t('ratings.field.validUntil'), dataIndex: 'validUntil', width: 110 },
            { title: t('ratings.field.status'), dataIndex: 'status', width: 100, render: (s: Rating['status']) => <Tag color={statusColor[s]}>{t(`ratings.status.${s}`)}</Tag> },
          ]}
        />
      </Card>
      <CreateRatingModal open={creating} onClose={() => setCreating(false)} />
      <RatingDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}

function ScoreInputs({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  const max = { organization: 25, democratic_management: 20, rights: 20, services: 20, own_building: 15 };
  return (
    <Flex gap={8} wrap>
      {dimensions.map((d) => (
        <Form.Item key={d} name={[prefix, d]} label={`${t(`ratings.dimension.${d}`)}（/${max[d]}）`} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} />
        </Form.Item>
      ))}
    </Flex>
  );
}
const toScores = (v: Record<string, number>) => dimensions.map((dimension) => ({ dimension, value: v[dimension] }));

function CreateRatingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  return (
    <FormModal
      open={open}
      title={t('ratings.create')}
      form={form}
      width={680}
      initialValues={{ kind: 'star_rating', level: 'county', year: dayjs().year() }}
      submit={(v: { orgId: number; kind: Rating['kind']; level: Rating['level']; year: number; self: Record<string, number>; evidence?: string }) =>
        unwrap(
          api.POST('/api/ratings', {
            body: { orgId: v.orgId, kind: v.kind, level: v.level, year: v.year, selfScores: toScores(v.self), evidence: (v.evidence ?? '').split('\n').map((s) => s.trim()).filter(Boolean) },
          }),
        )
      }
      onDone={() => {
        message.success(t('ratings.created'));
        void client.invalidateQueries({ queryKey: ratingKeys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={t('ratings.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="kind" label={t('ratings.field.kind')}>
          <Select style={{ width: 140 }} options={(['star_rating', 'workers_home_rating'] as const).map((k) => ({ value: k, label: t(`ratings.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('ratings.field.level')}>
          <Select style={{ width: 100 }} options={(['county', 'city', 'province', 'national'] as const).map((l) => ({ value: l, label: t(`ratings.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('ratings.field.year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Flex>
      <ScoreInputs prefix="self" />
      <Form.Item name="evidence" label={t('ratings.field.evidence')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function RatingDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const detail = useQuery({ queryKey: ratingKeys.rating(id ?? 0), queryFn: () => unwrap(api.GET('/api/ratings/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
  const act = useMutation({
    mutationFn: async (step: () => Promise<unknown>) => step(),
    onSuccess: () => void client.invalidateQueries({ queryKey: ratingKeys.all }),
    onError: (e) => reportError(message, e),
  });
  const r: RatingDetail | undefined = detail.data;
  const path = { params: { path: { id: id ?? 0 } } };
  const reviews = r?.actions.includes('review');
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={r ? `${r.orgName} · ${t(`ratings.kind.${r.kind}`)}` : ''}>
      {r && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ratings.field.status')}>
              <Tag color={statusColor[r.status]}>{t(`ratings.status.${r.status}`)}</Tag>
              {r.status === 'publicity' && r.publicityLastDay && t('ratings.publicityEnds', { at: r.publicityLastDay })}
            </Descriptions.Item>
            <Descriptions.Item label={t('ratings.field.grade')}>{gradeText(r, t)}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.field.level')}>{t(`ratings.level.${r.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.field.reviewer')}>{r.reviewerOrgName}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.field.validUntil')}>{r.validUntil ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.field.recheckDueOn')}>{r.recheckDueOn ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="dimension"
            pagination={false}
            title={() => t('ratings.scorecard')}
            dataSource={r.scorecard.criteria}
            columns={[
              { title: '', dataIndex: 'dimension', render: (d: string) => t(`ratings.dimension.${d}`) },
              { title: t('ratings.field.max'), dataIndex: 'max', width: 70, align: 'right' },
              { title: t('ratings.field.selfScore'), key: 'self', width: 80, align: 'right', render: (_, c) => r.selfScores.find((s) => s.dimension === c.dimension)?.value },
              { title: t('ratings.field.score'), key: 'review', width: 80, align: 'right', render: (_, c) => r.reviewScores?.find((s) => s.dimension === c.dimension)?.value ?? '' },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('ratings.bands')}：{r.scorecard.bands.map((b) => `≥${b.min} ${typeof b.grade === 'number' ? t('ratings.stars', { n: b.grade }) : t(`ratings.homeGrade.${b.grade}`)}`).join('，')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2} align="right">{r.selfScore}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{r.score ?? ''}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {r.evidence.length > 0 && (
            <ul style={{ margin: 0 }}>
              {r.evidence.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
          {reviews && (r.status === 'self_assessed' || r.status === 'reviewed') && (
            <Card size="small" title={t('ratings.review')}>
              <Form form={form} layout="vertical" onFinish={(v: { review: Record<string, number>; comment?: string }) => act.mutate(() => unwrap(api.POST('/api/ratings/{id}/review', { ...path, body: { scores: toScores(v.review), comment: v.comment } })))}>
                <ScoreInputs prefix="review" />
                <Form.Item name="comment" label={t('ratings.field.comment')}>
                  <Input maxLength={1000} />
                </Form.Item>
                <Button htmlType="submit" type="primary" loading={act.isPending}>
                  {t('ratings.review')}
                </Button>
              </Form>
            </Card>
          )}
          <Flex gap={8} wrap>
            {reviews && r.status === 'reviewed' && <Button onClick={() => act.mutate(() => unwrap(api.POST('/api/ratings/{id}/publicity', path)))}>{t('ratings.publicize')}</Button>}
            {reviews && r.status === 'publicity' && (
              <Button type="primary" onClick={() => act.mutate(() => unwrap(api.POST('/api/ratings/{id}/naming', path)))}>
                {t('ratings.name')}
              </Button>
            )}
            {reviews && r.status === 'named' && (
              <>
                <Button onClick={() => act.mutate(() => unwrap(api.POST('/api/ratings/{id}/recheck', { ...path, body: { passed: true } })))}>{t('ratings.recheckPassed')}</Button>
                <Popconfirm title={t('ratings.revoke')} onConfirm={() => act.mutate(() => unwrap(api.POST('/api/ratings/{id}/recheck', { ...path, body: { passed: false, reason: t('ratings.revoke') } })))}>
                  <Button danger>{t('ratings.revoke')}</Button>
                </Popconfirm>
              </>
            )}
            {(r.status === 'named' || r.status === 'revoked') && (
              <Link to={`/ratings/${r.id}/certificate`}>
                <Button>{t('ratings.certificate')}</Button>
              </Link>
            )}
          </Flex>
        </Space>
      )}
    </Drawer>
  );
}
