import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { UNION_RED } from '../theme';

// The console's one ECharts setup, tree-shaken to what its charts draw, so every chart page
// shares a single lazily loaded chunk.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Where a chart hangs: on a console page (light, 300 px high), or on the data screen's dark wall,
 * filling its panel, with type large enough to read across a room.
 */
export type ChartTone = 'page' | 'wall';

interface Look {
  tone?: ChartTone;
  /** The chart's colour (bars). */
  color?: string;
}

const wallText = { color: '#d6e4ff', fontSize: 20 };
const wallLine = { lineStyle: { color: 'rgba(214, 228, 255, 0.15)' } };

function Chart({ option, tone = 'page' }: { option: object; tone?: ChartTone }) {
  return <ReactEChartsCore echarts={echarts} style={{ height: tone === 'wall' ? '100%' : 300 }} notMerge option={option} />;
}

/**
 * Counts per category as bars; `rotate` tilts long category labels; `horizontal` lays them as a
 * ranking, the first category on top.
 */
export function CountBars(props: { categories: string[]; values: number[]; name: string; rotate?: number; showValues?: boolean; horizontal?: boolean } & Look) {
  const wall = props.tone === 'wall';
  const categoryAxis = {
    type: 'category',
    data: props.categories,
    inverse: !!props.horizontal,
    axisLabel: { ...(props.rotate ? { interval: 0, rotate: props.rotate } : {}), ...(wall ? wallText : {}) },
    ...(wall ? { axisLine: wallLine } : {}),
  };
  const valueAxis = { type: 'value', minInterval: 1, ...(wall ? { axisLabel: { ...wallText, fontSize: 16 }, splitLine: wallLine } : {}) };
  const margin = wall ? 24 : 16;
  return (
    <Chart
      tone={props.tone}
      option={{
        color: [props.color ?? UNION_RED],
        tooltip: { trigger: 'axis' },
        grid: props.horizontal
          ? { left: margin, right: wall ? 64 : 40, top: margin / 2, bottom: margin / 2, containLabel: true }
          : { left: wall ? 64 : 48, right: margin, top: wall ? 40 : 24, bottom: props.rotate ? 56 : wall ? 40 : 32 },
        xAxis: props.horizontal ? { ...valueAxis, show: !wall } : categoryAxis,
        yAxis: props.horizontal ? categoryAxis : valueAxis,
        series: [
          {
            type: 'bar',
            name: props.name,
            data: props.values,
            barMaxWidth: wall ? 40 : 32,
            label: { show: !!props.showValues, position: props.horizontal ? 'right' : 'top', ...(wall ? { ...wallText, color: '#ffffff' } : {}) },
          },
        ],
      }}
    />
  );
}

/** Shares of a whole as a ring, with a legend underneath. */
export function ShareRing({ slices, tone }: { slices: { name: string; value: number; color: string }[] } & Look) {
  const wall = tone === 'wall';
  return (
    <Chart
      tone={tone}
      option={{
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: { bottom: 0, ...(wall ? { textStyle: wallText, itemWidth: 20, itemHeight: 14 } : {}) },
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            center: ['50%', '45%'],
            label: { formatter: '{b} {c}', ...(wall ? { ...wallText, color: '#ffffff' } : {}) },
            data: slices.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
          },
        ],
      }}
    />
  );
}
