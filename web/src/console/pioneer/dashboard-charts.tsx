import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { UNION_RED } from '../theme';
import { levels, pioneerTypes, type PioneerStats } from './types';

// The same tree-shaken parts as the coverage charts, so both pages share one ECharts chunk.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const typeColors = [UNION_RED, '#1677ff', '#faad14', '#13a8a8', '#722ed1'];

/** Active titles per level, national first. */
export function LevelBars({ byLevel }: { byLevel: PioneerStats['byLevel'] }) {
  const { t } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        color: [UNION_RED],
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: 32 },
        xAxis: { type: 'category', data: levels.map((l) => t(`pioneer.level.${l}`)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: t('pioneer.dashboard.activeTitles'), data: levels.map((l) => byLevel[l]), barMaxWidth: 40, label: { show: true, position: 'top' } }],
      }}
    />
  );
}

/** Active titles per type of the five. */
export function TypePie({ byType }: { byType: PioneerStats['byType'] }) {
  const { t } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        color: typeColors,
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            center: ['50%', '45%'],
            label: { formatter: '{b} {c}' },
            data: pioneerTypes.map((p) => ({ name: t(`pioneer.type.${p}`), value: byType[p] })),
          },
        ],
      }}
    />
  );
}
