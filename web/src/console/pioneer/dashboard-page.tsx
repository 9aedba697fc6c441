import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Flex, Result, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { pioneerKeys } from './queries';
import { CampaignStatusTag } from './tags';
import { levels, type Dashboard } from './types';

// ECharts loads only when the dashboard draws.
const LevelBars = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.LevelBars })));
const TypePie = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.TypePie })));

/** 工人先锋号概览: titles by level and type, and each campaign's reach, over the caller's subtree. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number>();
  const dashboard = useQuery({
    queryKey: pioneerKeys.dashboard(orgId),
    queryFn: () => unwrap(api.GET('/api/pioneer/dashboard', { params: { query: { orgId } } })),
  });

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={12} wrap>
          <h1 style={{ fontSize: 16, margin: 0 }}>{t('pioneer.dashboard.title')}</h1>
          <Typography.Text type="secondary">{t('pioneer.dashboard.scope')}</Typography.Text>
          <OrgTreeSelect allowClear includeClosed value={orgId} onChange={setOrgId} placeholder={t('pioneer.dashboard.wholeScope')} style={{ width: 320 }} />
        </Flex>
      </Card>
      {dashboard.isError && <Result status="error" title={t('error.loadFailed')} subTitle={dashboard.error.message} />}
      {dashboard.isPending && <Skeleton active />}
      {dashboard.data && <DashboardView data={dashboard.data} />}
    </Flex>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={[16, 16]}>
        {levels.map((level) => (
          <Col key={level} xs={12} lg={6}>
            <Card size="small" data-testid={`titles-${level}`}>
              <Statistic title={t('pioneer.dashboard.levelTitles', { level: t(`pioneer.level.${level}`) })} value={data.byLevel[level]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('pioneer.dashboard.byLevel')} extra={t('pioneer.dashboard.activeCount', { count: data.activeTitles })}>
            <Suspense fallback={<Skeleton active />}>
              <LevelBars byLevel={data.byLevel} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('pioneer.dashboard.byType')}>
            <Suspense fallback={<Skeleton active />}>
              <TypePie byType={data.byType} />
            </Suspense>
          </Card>
        </Col>
      </Row>
      <Card title={t('pioneer.dashboard.campaigns')}>
        <Table
          rowKey="id"
          size="middle"
          dataSource={data.campaigns}
          pagination={false}
          locale={{ emptyText: t('pioneer.dashboard.noCampaigns') }}
          columns={[
            { title: t('pioneer.campaigns.field.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/pioneer/campaigns/${c.id}`}>{name}</Link> },
            { title: t('pioneer.campaigns.field.year'), dataIndex: 'year', width: 80 },
            { title: t('pioneer.campaigns.field.status'), dataIndex: 'status', width: 110, render: (s) => <CampaignStatusTag status={s} /> },
            { title: t('pioneer.dashboard.candidates'), dataIndex: 'candidates', align: 'right', width: 100 },
            { title: t('pioneer.dashboard.teams'), dataIndex: 'teams', align: 'right', width: 100 },
            { title: t('pioneer.dashboard.workers'), dataIndex: 'workers', align: 'right', width: 100 },
            { title: t('pioneer.dashboard.named'), dataIndex: 'named', align: 'right', width: 90 },
          ]}
        />
      </Card>
    </>
  );
}
