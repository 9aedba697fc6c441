import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { UNION_RED } from '../theme';
import type { MemberStatus, OrgStats } from './types';

// Only the parts these two charts draw: the page's chunk stays a fraction of full ECharts.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const statusColor: Record<MemberStatus, string> = { member: UNION_RED, transferring: '#1677ff', retained: '#faad14', left: '#bfbfbf' };

/** New members per month over the last 12 months. */
export function GrowthChart({ growth }: { growth: OrgStats['growth'] }) {
  const { t } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        color: [UNION_RED],
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: growth.map((g) => g.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: t('members.coverage.joined'), data: growth.map((g) => g.joined), barMaxWidth: 28 }],
      }}
    />
  );
}

/** Members by status, left ones included so the roll's whole history shows. */
export function StatusPie({ byStatus }: { byStatus: OrgStats['membersByStatus'] }) {
  const { t } = useTranslation();
  const statuses = Object.keys(statusColor) as MemberStatus[];
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            center: ['50%', '45%'],
            label: { formatter: '{b} {c}' },
            data: statuses.map((s) => ({ name: t(`members.memberStatus.${s}`), value: byStatus[s], itemStyle: { color: statusColor[s] } })),
          },
        ],
      }}
    />
  );
}
