import { lazy, Suspense, useState } from 'react';
import { Card, Col, Flex, Progress, Result, Row, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs, ZONE } from '../../ui/time';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { useTopOrg } from '../shared/top-org';
import { activityKeys } from './queries';
import type { ActivityStats } from './types';

// ECharts is big: its chunk loads only when this page shows the chart.
const KindChart = lazy(() => import('./stats-chart').then((m) => ({ default: m.KindChart })));

/** The years offered: this one and the four before it. */
const thisYear = dayjs().tz(ZONE).year();
const years = Array.from({ length: 5 }, (_, i) => thisYear - i);

/** 活动统计: a year of activities over one org's subtree, and which of its sub-organisations were reached. */
export function ActivityStatsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const topOrg = useTopOrg(me);
  const [chosen, setChosen] = useState<number>();
  const [year, setYear] = useState(thisYear);
  const orgId = chosen ?? topOrg;

  const stats = useQuery({
    queryKey: activityKeys.stats(orgId ?? 0, year),
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/activity-stats', { params: { path: { id: orgId! }, query: { year } } })),
    enabled: orgId !== undefined,
  });

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={12} wrap>
          <h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.activityStats')}</h1>
          <Typography.Text type="secondary">{t('activities.stats.org')}</Typography.Text>
          <OrgTreeSelect includeClosed value={orgId} onChange={(id) => id && setChosen(id)} style={{ width: 320 }} />
          <Select aria-label={t('activities.stats.year')} value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: String(y) }))} />
        </Flex>
      </Card>
      {stats.isError && <Result status="error" title={t('error.loadFailed')} subTitle={stats.error.message} />}
      {stats.isPending && <Skeleton active />}
      {stats.data && <StatsView stats={stats.data} onPick={setChosen} />}
    </Flex>
  );
}

function StatsView({ stats, onPick }: { stats: ActivityStats; onPick: (orgId: number) => void }) {
  const { t } = useTranslation();
  const total = stats.children.length;
  const cards = [
    { key: 'activities', title: t('activities.stats.activities'), value: stats.activities },
    { key: 'confirmed', title: t('activities.stats.confirmed'), value: stats.confirmed },
    { key: 'checkedIn', title: t('activities.stats.checkedIn'), value: stats.checkedIn },
    { key: 'noShows', title: t('activities.stats.noShows'), value: stats.noShows, note: t('activities.stats.noShowsNote') },
  ];
  return (
    <>
      <Row gutter={[16, 16]}>
        {cards.map(({ key, title, value, note }) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic title={title} value={value} />
              {note && <div style={{ marginTop: 4, fontSize: 12, color: '#8c8c8c' }}>{note}</div>}
            </Card>
          </Col>
        ))}
        <Col xs={24} md={16} xl={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('activities.stats.reached')} value={stats.childrenReached} suffix={`/ ${total}`} />
            <Progress percent={total ? Math.round((stats.childrenReached / total) * 100) : 0} size="small" />
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('activities.stats.reachedNote', { reached: stats.childrenReached, total })}</div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('activities.stats.byKind')} size="small">
            {stats.activities > 0 ? (
              <Suspense fallback={<Skeleton active style={{ height: 300 }} />}>
                <KindChart byKind={stats.byKind} />
              </Suspense>
            ) : (
              <Result status="info" title={t('activities.stats.noActivities')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('activities.stats.children')} size="small">
            <Table<ActivityStats['children'][number]>
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={stats.children}
              locale={{ emptyText: t('activities.stats.noChildren') }}
              columns={[
                { title: t('activities.field.org'), dataIndex: 'name', render: (name: string, c) => <Typography.Link onClick={() => onPick(c.orgId)}>{name}</Typography.Link> },
                {
                  title: t('activities.stats.childActivities'),
                  dataIndex: 'activities',
                  align: 'right',
                  sorter: (a, b) => a.activities - b.activities,
                  render: (v: number) => (v > 0 ? v : <Typography.Text type="danger">{t('activities.stats.notReached')}</Typography.Text>),
                },
                { title: t('activities.stats.childCheckedIn'), dataIndex: 'checkedIn', align: 'right', sorter: (a, b) => a.checkedIn - b.checkedIn },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
