import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option shape of the charts `Chart` registers (types only: no echarts code here). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** The console's series colours: the brand red first, then calm companions. */
export const CHART_COLORS = [
  '#D9381E',
  '#1677FF',
  '#52C41A',
  '#FAAD14',
  '#722ED1',
  '#13C2C2',
  '#8C8C8C',
];
