import {
  PointsStatsResponse,
  ReportStatsResponse,
  VolunteerStatsResponse,
} from '@yizhan/contracts';
import { parseCsv } from '../../../test/support/csv';
import {
  pointsCsv,
  reportsByCategoryCsv,
  reportsByDepartmentCsv,
  STATS_CSV_HEADERS,
  volunteersCsv,
} from './stats-csv';

const counts = (resolved: number, rejected: number) => ({
  submitted: 0,
  accepted: 0,
  dispatched: 0,
  resolved,
  rejected,
  duplicate: 0,
  closed: 0,
});

const reportStats: ReportStatsResponse = {
  regionId: 'r',
  from: '2026-11-01',
  to: '2026-11-30',
  total: 3,
  byStatus: counts(2, 1),
  byCategory: [
    { category: 'road_damage', categoryName: '=HYPERLINK("x")', total: 3, byStatus: counts(2, 1) },
  ],
  byDepartment: [
    {
      departmentId: 'd1',
      departmentName: '城管局, "一科"',
      dispatched: 2,
      resolved: 0,
      medianResolveHours: null,
      overdue: 1,
      overdueShare: 0.5,
    },
  ],
  medianResolveHours: 4,
  overdueShare: 0.5,
};

describe('stats CSV', () => {
  it('writes categories with every status column and a TOTAL row, formulas neutralised', () => {
    const rows = parseCsv(reportsByCategoryCsv(reportStats));
    expect(rows[0]).toEqual([...STATS_CSV_HEADERS['reports-by-category']]);
    expect(rows[1]).toEqual([
      'road_damage',
      `'=HYPERLINK("x")`,
      '3',
      '0',
      '0',
      '0',
      '2',
      '1',
      '0',
      '0',
    ]);
    expect(rows[2].slice(0, 3)).toEqual(['TOTAL', '合计 all categories', '3']);
    expect(rows).toHaveLength(3);
  });

  it('quotes commas and quotes, and leaves an unknown median empty', () => {
    const text = reportsByDepartmentCsv(reportStats);
    expect(text).toContain('"城管局, ""一科"""');
    expect(parseCsv(text)[1]).toEqual(['d1', '城管局, "一科"', '2', '0', '', '1', '0.5']);
  });

  it('writes points per month and the totals', () => {
    const stats: PointsStatsResponse = {
      regionId: 'r',
      from: '2026-10-01',
      to: '2026-11-30',
      months: [
        { period: '2026-10', issued: 10, redeemed: 0, expired: 0 },
        { period: '2026-11', issued: 5, redeemed: 8, expired: 2 },
      ],
      totals: { issued: 15, redeemed: 8, expired: 2 },
      outstanding: 5,
      pending: 0,
      holders: 1,
    };
    expect(parseCsv(pointsCsv(stats))).toEqual([
      [...STATS_CSV_HEADERS.points],
      ['2026-10', '10', '0', '0'],
      ['2026-11', '5', '8', '2'],
      ['TOTAL', '15', '8', '2'],
    ]);
  });

  it('neutralises a nickname that starts with + - or @', () => {
    const stats: VolunteerStatsResponse = {
      regionId: 'r',
      year: 2026,
      items: ['+1', '-2', '@SUM(A1)'].map((displayName, index) => ({
        rank: index + 1,
        userId: `u${index}`,
        displayName,
        pointsEarned: 10 - index,
        reportsResolved: 0,
        checkins: 0,
      })),
    };
    expect(parseCsv(volunteersCsv(stats)).map((row) => row[2])).toEqual([
      '昵称 display_name',
      "'+1",
      "'-2",
      "'@SUM(A1)",
    ]);
  });
});
