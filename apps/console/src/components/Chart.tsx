import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ES build: the CommonJS one (lib/) reaches Vite's bundle as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { ChartOption } from './chart-option';

// Only the charts and components the console draws: the full echarts build is ~1 MB.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the table beside it holds the numbers). */
  label: string;
  height?: number;
}

/** An echarts chart, redrawn from scratch when its option changes. */
export function Chart({ option, label, height = 320 }: ChartProps) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
      />
    </div>
  );
}
