import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { UNION_RED } from '../theme';
import { activityKinds, type ActivityStats } from './types';

// Only what a bar chart draws: the page's chunk stays a fraction of full ECharts.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Activities of the year by kind, every kind listed so a gap shows as a gap. */
export function KindChart({ byKind }: { byKind: ActivityStats['byKind'] }) {
  const { t } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        color: [UNION_RED],
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 24, bottom: 56 },
        xAxis: { type: 'category', data: activityKinds.map((k) => t(`activities.kind.${k}`)), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: t('activities.stats.activities'), data: activityKinds.map((k) => byKind[k] ?? 0), barMaxWidth: 28 }],
      }}
    />
  );
}
