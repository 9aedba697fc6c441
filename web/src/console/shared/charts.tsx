import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { UNION_RED } from '../theme';

// The console's one ECharts setup, tree-shaken to what its charts draw, so every chart page
// shares a single lazily loaded chunk.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option }: { option: object }) {
  return <ReactEChartsCore echarts={echarts} style={{ height: 300 }} notMerge option={option} />;
}

/** Counts per category as bars; `rotate` tilts long category labels. */
export function CountBars(props: { categories: string[]; values: number[]; name: string; rotate?: number; showValues?: boolean }) {
  return (
    <Chart
      option={{
        color: [UNION_RED],
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: props.rotate ? 56 : 32 },
        xAxis: { type: 'category', data: props.categories, axisLabel: props.rotate ? { interval: 0, rotate: props.rotate } : {} },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: props.name, data: props.values, barMaxWidth: 32, label: { show: !!props.showValues, position: 'top' } }],
      }}
    />
  );
}

/** Shares of a whole as a ring, with a legend underneath. */
export function ShareRing({ slices }: { slices: { name: string; value: number; color: string }[] }) {
  return (
    <Chart
      option={{
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            center: ['50%', '45%'],
            label: { formatter: '{b} {c}' },
            data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
          },
        ],
      }}
    />
  );
}
