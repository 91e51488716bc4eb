import type { ReportCategoryStat, ReportStatusCounts } from '@yizhan/contracts';
import {
  departmentsOption,
  monthlyPoints,
  monthlyVisits,
  pointsChartOption,
  reportsByCategoryOption,
  visitsChartOption,
} from './chart-options';

type Series = { name: string; type: string; data: unknown[]; stack?: string; yAxisIndex?: number };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];
const categoriesOf = (option: { xAxis?: unknown }) => (option.xAxis as { data: string[] }).data;

const noStatus: ReportStatusCounts = {
  submitted: 0,
  accepted: 0,
  dispatched: 0,
  resolved: 0,
  rejected: 0,
  duplicate: 0,
  closed: 0,
};

describe('dashboard chart options', () => {
  it('draws a bar and a line for every month of the range, zero where nothing was recorded', () => {
    const months = monthlyVisits(
      [
        { period: '2026-05', visits: 7200, uniqueWorkers: 900, flagged: 3 },
        { period: '2026-07', visits: 8100, uniqueWorkers: 1000, flagged: 0 },
      ],
      ['2026-05', '2026-06', '2026-07'],
    );
    const option = visitsChartOption(months);
    expect(categoriesOf(option)).toEqual(['2026年5月', '2026年6月', '2026年7月']);
    expect(seriesOf(option).map((s) => [s.name, s.type, s.data])).toEqual([
      ['到访人次', 'bar', [7200, 0, 8100]],
      ['到访人数', 'line', [900, 0, 1000]],
    ]);
  });

  it('stacks categories by status in Chinese, leaving out statuses nothing is in', () => {
    const categories: ReportCategoryStat[] = [
      {
        category: 'road_damage',
        categoryName: '道路破损',
        total: 5,
        byStatus: { ...noStatus, resolved: 3, dispatched: 2 },
      },
      {
        category: 'fire_hazard',
        categoryName: '消防隐患',
        total: 1,
        byStatus: { ...noStatus, submitted: 1 },
      },
    ];
    const option = reportsByCategoryOption(categories);
    expect(categoriesOf(option)).toEqual(['道路破损', '消防隐患']);
    expect(seriesOf(option).map((s) => [s.name, s.stack, s.data])).toEqual([
      ['待受理', 'status', [0, 1]],
      ['处理中', 'status', [2, 0]],
      ['已办结', 'status', [3, 0]],
    ]);
  });

  it('puts the overdue share of each department on its own percentage axis', () => {
    const option = departmentsOption([
      {
        departmentId: 'd1',
        departmentName: '市政园林维护中心',
        dispatched: 10,
        resolved: 8,
        medianResolveHours: 4.5,
        overdue: 2,
        overdueShare: 0.2,
      },
      {
        departmentId: 'd2',
        departmentName: '城管执法大队',
        dispatched: 0,
        resolved: 0,
        medianResolveHours: null,
        overdue: 0,
        overdueShare: null,
      },
    ]);
    expect(seriesOf(option).map((s) => [s.name, s.type, s.data, s.yAxisIndex])).toEqual([
      ['派单数', 'bar', [10, 0], undefined],
      ['办结数', 'bar', [8, 0], undefined],
      ['逾期率', 'line', [0.2, null], 1],
    ]);
    const axes = option.yAxis as { axisLabel: { formatter: (v: number) => string } }[];
    expect(axes[1].axisLabel.formatter(0.25)).toBe('25%');
  });

  it('groups issued, redeemed and expired points per month', () => {
    const months = monthlyPoints(
      [{ period: '2026-06', issued: 1200, redeemed: 300, expired: 20 }],
      ['2026-06', '2026-07'],
    );
    const option = pointsChartOption(months);
    expect(categoriesOf(option)).toEqual(['2026年6月', '2026年7月']);
    expect(seriesOf(option).map((s) => [s.name, s.type, s.data])).toEqual([
      ['发放', 'bar', [1200, 0]],
      ['兑换', 'bar', [300, 0]],
      ['过期', 'bar', [20, 0]],
    ]);
  });
});
