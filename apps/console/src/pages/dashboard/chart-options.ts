import {
  REPORT_STATUSES,
  type PointsMonthStat,
  type RegionVisitStat,
  type ReportCategoryStat,
  type ReportDepartmentStat,
} from '@yizhan/contracts';
import { CHART_COLORS, type ChartOption } from '../../components/chart-option';
import { formatCount, formatMonth, formatShare } from '../../components/stats/format';
import { statusLabel, t } from './messages';

/** Rows per month of the range, in order, with a zero row for each month the API left out. */
export function fillMonths<T extends { period: string }>(
  rows: readonly T[],
  months: readonly string[],
  zero: (period: string) => T,
): T[] {
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  return months.map((period) => byPeriod.get(period) ?? zero(period));
}

const zeroVisits = (period: string): RegionVisitStat => ({
  period,
  visits: 0,
  uniqueWorkers: 0,
  flagged: 0,
});

/** The scope's monthly totals, every month of the range present (0 when nothing was recorded). */
export function monthlyVisits(totals: readonly RegionVisitStat[], months: readonly string[]) {
  return fillMonths(totals, months, zeroVisits);
}

const countTooltip = {
  trigger: 'axis' as const,
  valueFormatter: (value: unknown) => (typeof value === 'number' ? formatCount(value) : '—'),
};

const countAxis = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { formatter: (value: number) => formatCount(value) },
};

/** Visits as bars and unique workers as a line, one point per month. */
export function visitsChartOption(months: readonly RegionVisitStat[]): ChartOption {
  return {
    color: CHART_COLORS,
    tooltip: countTooltip,
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((month) => formatMonth(month.period)) },
    yAxis: countAxis,
    series: [
      {
        name: t('visits.series.visits'),
        type: 'bar',
        barMaxWidth: 36,
        data: months.map((month) => month.visits),
      },
      {
        name: t('visits.series.workers'),
        type: 'line',
        data: months.map((month) => month.uniqueWorkers),
      },
    ],
  };
}

/** One bar per category, stacked by status; statuses no report is in are left out. */
export function reportsByCategoryOption(categories: readonly ReportCategoryStat[]): ChartOption {
  const statuses = REPORT_STATUSES.filter((status) =>
    categories.some((category) => category.byStatus[status] > 0),
  );
  return {
    color: CHART_COLORS,
    tooltip: { ...countTooltip, axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories.map((category) => category.categoryName),
      axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
    },
    yAxis: countAxis,
    series: statuses.map((status) => ({
      name: statusLabel(status),
      type: 'bar',
      stack: 'status',
      barMaxWidth: 48,
      emphasis: { focus: 'series' },
      data: categories.map((category) => category.byStatus[status]),
    })),
  };
}

/** Dispatched and resolved per department as bars, the overdue share as a line on its own axis. */
export function departmentsOption(departments: readonly ReportDepartmentStat[]): ChartOption {
  return {
    color: [CHART_COLORS[1], CHART_COLORS[2], CHART_COLORS[0]],
    tooltip: { ...countTooltip, axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: departments.map((department) => department.departmentName),
      axisLabel: { interval: 0, rotate: departments.length > 6 ? 30 : 0 },
    },
    yAxis: [
      countAxis,
      {
        type: 'value',
        min: 0,
        max: 1,
        axisLabel: { formatter: (value: number) => formatShare(value) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: t('departments.column.dispatched'),
        type: 'bar',
        barMaxWidth: 32,
        data: departments.map((department) => department.dispatched),
      },
      {
        name: t('departments.column.resolved'),
        type: 'bar',
        barMaxWidth: 32,
        data: departments.map((department) => department.resolved),
      },
      {
        name: t('departments.column.overdueShare'),
        type: 'line',
        yAxisIndex: 1,
        tooltip: {
          valueFormatter: (value: unknown) =>
            typeof value === 'number' ? formatShare(value) : formatShare(null),
        },
        data: departments.map((department) => department.overdueShare),
      },
    ],
  };
}

const zeroPoints = (period: string): PointsMonthStat => ({
  period,
  issued: 0,
  redeemed: 0,
  expired: 0,
});

/** The points flows of every month of the range (0 when nothing moved). */
export function monthlyPoints(rows: readonly PointsMonthStat[], months: readonly string[]) {
  return fillMonths(rows, months, zeroPoints);
}

/** Issued, redeemed and expired points side by side per month. */
export function pointsChartOption(months: readonly PointsMonthStat[]): ChartOption {
  const series = (['issued', 'redeemed', 'expired'] as const).map((key) => ({
    name: t(`points.column.${key}`),
    type: 'bar' as const,
    barMaxWidth: 24,
    data: months.map((month) => month[key]),
  }));
  return {
    color: [CHART_COLORS[0], CHART_COLORS[1], CHART_COLORS[6]],
    tooltip: { ...countTooltip, axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months.map((month) => formatMonth(month.period)) },
    yAxis: countAxis,
    series,
  };
}
