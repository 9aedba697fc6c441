import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Button, Card, Col, Flex, Result, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { orgKindColor, orgKindLabel } from '../../ui/orgs';
import { useDownload } from '../shared/spreadsheet-import';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { useTopOrg } from '../shared/top-org';
import { memberKeys } from './queries';
import type { OrgStats } from './types';

// ECharts is big: its chunk loads only when this page shows a chart.
const GrowthChart = lazy(() => import('./coverage-charts').then((m) => ({ default: m.GrowthChart })));
const StatusPie = lazy(() => import('./coverage-charts').then((m) => ({ default: m.StatusPie })));

/** 覆盖统计: unions, enterprises and members over one org's whole subtree. */
export function CoveragePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const topOrg = useTopOrg(me);
  const [chosen, setChosen] = useState<number>();
  const orgId = chosen ?? topOrg;

  const { busy, download } = useDownload();

  const stats = useQuery({
    queryKey: memberKeys.stats(orgId ?? 0),
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/stats', { params: { path: { id: orgId! } } })),
    enabled: orgId !== undefined,
  });

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={12} wrap>
          <h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.coverage')}</h1>
          <Typography.Text type="secondary">{t('members.coverage.org')}</Typography.Text>
          <OrgTreeSelect includeClosed value={orgId} onChange={(id) => id && setChosen(id)} style={{ width: 320 }} />
          <Button
            icon={<DownloadOutlined />}
            style={{ marginLeft: 'auto' }}
            disabled={!stats.data}
            loading={busy === 'coverage'}
            onClick={() => download('coverage', `/api/orgs/${orgId}/stats/export`, '覆盖统计.xlsx')}
          >
            {t('members.coverage.export')}
          </Button>
        </Flex>
      </Card>
      {stats.isError && <Result status="error" title={t('error.loadFailed')} subTitle={stats.error.message} />}
      {stats.isPending && <Skeleton active />}
      {stats.data && <CoverageView stats={stats.data} onPick={setChosen} />}
    </Flex>
  );
}

/** A rate as the console shows it: percent with one decimal, "—" when there is nothing to divide by. */
const rateText = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);

function StatCard({ title, value, note, alert }: { title: string; value: number | string; note?: ReactNode; alert?: boolean }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={value} styles={{ content: alert && typeof value === 'number' && value > 0 ? { color: '#c8161d' } : undefined }} />
      {note && <div style={{ marginTop: 4, fontSize: 12, color: '#8c8c8c' }}>{note}</div>}
    </Card>
  );
}

/** The table's figures, in the order of the export's columns (server/modules/members/stats.ts). */
const coverageFigures = [
  'unions',
  'enterprises',
  'enterprisesWithoutUnion',
  'enterprisesNeedingUnion',
  'unionizationRate',
  'employees',
  'members',
  'membershipRate',
  'migrantWorkers',
  'newFormWorkers',
] as const;
const figureText = (field: (typeof coverageFigures)[number], value: number | null) =>
  field === 'unionizationRate' || field === 'membershipRate' ? rateText(value) : String(value ?? 0);

function CoverageView({ stats, onPick }: { stats: OrgStats; onPick: (orgId: number) => void }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'unions', title: t('members.coverage.unions'), value: stats.unions, note: t('members.coverage.unionsNote', { single: stats.singleUnions, branches: stats.branches }) },
    { key: 'joint', title: t('members.coverage.jointUnions'), value: stats.jointUnions },
    { key: 'enterprises', title: t('members.coverage.enterprises'), value: stats.enterprises, note: t('members.coverage.enterprisesNote', { count: stats.newEconomyEnterprises }) },
    { key: 'without', title: t('members.coverage.withoutUnion'), value: stats.enterprisesWithoutUnion, alert: true },
    {
      key: 'unionizationRate',
      title: t('members.coverage.unionizationRate'),
      value: rateText(stats.unionizationRate),
      note: t('members.coverage.unionizationNote', { count: stats.enterprisesNeedingUnion }),
    },
    { key: 'employees', title: t('members.coverage.employees'), value: stats.employees },
    { key: 'members', title: t('members.coverage.members'), value: stats.members },
    { key: 'membershipRate', title: t('members.coverage.membershipRate'), value: rateText(stats.membershipRate), note: t('members.coverage.membershipNote') },
    { key: 'migrant', title: t('members.coverage.migrantWorkers'), value: stats.migrantWorkers },
    { key: 'newForm', title: t('members.coverage.newFormWorkers'), value: stats.newFormWorkers, note: t('members.coverage.newFormNote') },
    {
      key: 'pending',
      title: t('members.coverage.pending'),
      value: stats.pendingApplications,
      note: stats.overdueApplications > 0 ? <Tag color="red">{t('members.coverage.overdue', { count: stats.overdueApplications })}</Tag> : undefined,
    },
  ];
  const chartFallback = <Skeleton active style={{ height: 300 }} />;
  return (
    <>
      <Row gutter={[16, 16]}>
        {cards.map(({ key, ...card }) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <StatCard {...card} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('members.coverage.growth')} size="small">
            <Suspense fallback={chartFallback}>
              <GrowthChart growth={stats.growth} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('members.coverage.byStatus')} size="small">
            <Suspense fallback={chartFallback}>
              <StatusPie byStatus={stats.membersByStatus} />
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Card title={t('members.coverage.children')} size="small">
        <Table<OrgStats['children'][number]>
          rowKey="orgId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={stats.children}
          summary={() =>
            stats.children.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('members.coverage.total')}</Table.Summary.Cell>
                {coverageFigures.map((field, i) => (
                  <Table.Summary.Cell key={field} index={i + 1} align="right">
                    {figureText(field, stats[field])}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          }
          locale={{ emptyText: t('members.coverage.noChildren') }}
          columns={[
            {
              title: t('members.field.org'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Space size={6}>
                  <Typography.Link onClick={() => onPick(c.orgId)}>{name}</Typography.Link>
                  <Tag bordered={false} color={orgKindColor[c.kind]}>
                    {orgKindLabel(t, c)}
                  </Tag>
                </Space>
              ),
            },
            ...coverageFigures.map((field) => ({
              title: t(`members.coverage.column.${field}`),
              dataIndex: field,
              align: 'right' as const,
              render: (v: number | null) =>
                field === 'enterprisesWithoutUnion' && v ? <Typography.Text type="danger">{v}</Typography.Text> : figureText(field, v),
            })),
          ]}
        />
      </Card>
    </>
  );
}
