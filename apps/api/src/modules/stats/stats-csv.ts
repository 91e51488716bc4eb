import {
  PointsStatsResponse,
  REPORT_STATUSES,
  ReportStatsResponse,
  ReportStatus,
  StatsTable,
  VolunteerStatsResponse,
} from '@yizhan/contracts';
import { stringify } from 'csv-stringify/sync';

type Cell = string | number | null;

/** Status titles of the category table, in REPORT_STATUSES order. */
const STATUS_TITLES: Readonly<Record<ReportStatus, string>> = {
  submitted: '待受理 submitted',
  accepted: '已受理 accepted',
  dispatched: '已派单 dispatched',
  resolved: '已办结 resolved',
  rejected: '已驳回 rejected',
  duplicate: '重复 duplicate',
  closed: '已关闭 closed',
};

/**
 * Column titles in Chinese for the admins who open the files, English for scripts that read
 * them — as the visit statistics export does.
 */
export const STATS_CSV_HEADERS: Readonly<Record<StatsTable, readonly string[]>> = {
  'reports-by-category': [
    '分类代码 category',
    '分类名称 category_name',
    '报事总数 total',
    ...REPORT_STATUSES.map((status) => STATUS_TITLES[status]),
  ],
  'reports-by-department': [
    '部门编号 department_id',
    '部门名称 department_name',
    '派单数 dispatched',
    '办结数 resolved',
    '办结时长中位数(小时) median_resolve_hours',
    '超期数 overdue',
    '超期占比 overdue_share',
  ],
  points: ['月份 period', '发放积分 issued', '兑换积分 redeemed', '过期积分 expired'],
  volunteers: [
    '名次 rank',
    '用户编号 user_id',
    '昵称 display_name',
    '获得积分 points_earned',
    '办结报事 reports_resolved',
    '到访次数 checkins',
  ],
};

/** What the first column of a table's totals row holds. */
export const TOTAL_ROW_MARKER = 'TOTAL';

export function reportsByCategoryCsv(stats: ReportStatsResponse): string {
  const rows: Cell[][] = stats.byCategory.map((row) => [
    row.category,
    row.categoryName,
    row.total,
    ...REPORT_STATUSES.map((status) => row.byStatus[status]),
  ]);
  rows.push([
    TOTAL_ROW_MARKER,
    '合计 all categories',
    stats.total,
    ...REPORT_STATUSES.map((status) => stats.byStatus[status]),
  ]);
  return toCsv('reports-by-category', rows);
}

/**
 * One row per department. There is no totals row: a report dispatched to two departments in
 * turn counts for the last one only, and medians do not add up.
 */
export function reportsByDepartmentCsv(stats: ReportStatsResponse): string {
  return toCsv(
    'reports-by-department',
    stats.byDepartment.map((row) => [
      row.departmentId,
      row.departmentName,
      row.dispatched,
      row.resolved,
      row.medianResolveHours,
      row.overdue,
      row.overdueShare,
    ]),
  );
}

/** Months in order, then the range's totals. */
export function pointsCsv(stats: PointsStatsResponse): string {
  const rows: Cell[][] = stats.months.map((month) => [
    month.period,
    month.issued,
    month.redeemed,
    month.expired,
  ]);
  rows.push([TOTAL_ROW_MARKER, stats.totals.issued, stats.totals.redeemed, stats.totals.expired]);
  return toCsv('points', rows);
}

export function volunteersCsv(stats: VolunteerStatsResponse): string {
  return toCsv(
    'volunteers',
    stats.items.map((item) => [
      item.rank,
      item.userId,
      item.displayName,
      item.pointsEarned,
      item.reportsResolved,
      item.checkins,
    ]),
  );
}

export function statsFilename(table: StatsTable, period: string): string {
  return `stats-${table}-${period}.csv`;
}

/**
 * The table with its header (the caller adds the BOM). A name that a spreadsheet would run as
 * a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`; an empty
 * figure (no median yet) is an empty cell.
 */
function toCsv(table: StatsTable, rows: Cell[][]): string {
  const lines: Array<Array<string | number>> = [
    [...STATS_CSV_HEADERS[table]],
    ...rows.map((row) => row.map((cell) => cell ?? '')),
  ];
  return stringify(lines, { escape_formulas: true });
}
