import {
  Role,
  type CoverageResponse,
  type PointsStatsResponse,
  type RegionNode,
  type ReportStatsResponse,
  type VisitStatsResponse,
  type VolunteerStatsResponse,
} from '@yizhan/contracts';
import type { FakeApi } from './fake-api';
import { ADMIN_REGION_ID } from './render';

/** Contract-shaped answers of the statistics routes, for the dashboard and coverage tests. */
export const STREET_ID = '00000000-0000-4000-8000-000000000002';

export const regionTree: RegionNode[] = [
  {
    id: ADMIN_REGION_ID,
    code: '430181',
    name: '浏阳市',
    level: 'district',
    parentId: null,
    timeZone: 'Asia/Shanghai',
    children: [
      {
        id: STREET_ID,
        code: '430181001',
        name: '淮川街道',
        level: 'street',
        parentId: ADMIN_REGION_ID,
        timeZone: 'Asia/Shanghai',
        children: [],
      },
    ],
  },
];

/** Answers /me as a district admin of ADMIN_REGION_ID and /regions with its tree. */
export function signInAdmin(fake: FakeApi): void {
  fake.on('GET /me', {
    status: 200,
    body: {
      id: 'u-1',
      username: 'district_admin@liuyang',
      nickname: '浏阳管理员',
      roles: [{ role: Role.DistrictAdmin, regionId: ADMIN_REGION_ID }],
    },
  });
  fake.on('GET /regions', { status: 200, body: regionTree });
}

export const visitStats = (nextCursor: string | null = null): VisitStatsResponse => ({
  regionId: ADMIN_REGION_ID,
  granularity: 'month',
  from: '2025-12-01',
  to: '2026-11-24',
  totals: [
    { period: '2026-06', visits: 7300, uniqueWorkers: 1100, flagged: 2 },
    { period: '2026-07', visits: 8100, uniqueWorkers: 1300, flagged: 4 },
  ],
  // Workers seen in both months count once: 1,100 + 1,300 − 400 returning.
  rangeTotal: { visits: 15400, uniqueWorkers: 2000, flagged: 6 },
  items: [
    {
      stationId: 's-1',
      stationName: '才常广场驿站',
      period: '2026-07',
      visits: 4100,
      uniqueWorkers: 700,
      flagged: 1,
    },
    {
      stationId: 's-2',
      stationName: '朝阳社区驿站',
      period: '2026-07',
      visits: 4000,
      uniqueWorkers: 650,
      flagged: 3,
    },
  ],
  nextCursor,
});

const noStatus = {
  submitted: 0,
  accepted: 0,
  dispatched: 0,
  resolved: 0,
  rejected: 0,
  duplicate: 0,
  closed: 0,
};

export const reportStats: ReportStatsResponse = {
  regionId: ADMIN_REGION_ID,
  from: '2025-12-01',
  to: '2026-11-24',
  total: 120,
  byStatus: { ...noStatus, submitted: 10, dispatched: 20, resolved: 85, rejected: 5 },
  byCategory: [
    {
      category: 'road_damage',
      categoryName: '道路破损',
      total: 70,
      byStatus: { ...noStatus, dispatched: 15, resolved: 55 },
    },
    {
      category: 'fire_hazard',
      categoryName: '消防隐患',
      total: 50,
      byStatus: { ...noStatus, submitted: 10, dispatched: 5, resolved: 30, rejected: 5 },
    },
  ],
  byDepartment: [
    {
      departmentId: 'd-1',
      departmentName: '市政园林维护中心',
      dispatched: 60,
      resolved: 52,
      medianResolveHours: 4.5,
      overdue: 6,
      overdueShare: 0.1,
    },
  ],
  medianResolveHours: 4.5,
  overdueShare: 0.125,
};

export const pointsStats: PointsStatsResponse = {
  regionId: ADMIN_REGION_ID,
  from: '2025-12-01',
  to: '2026-11-24',
  months: [{ period: '2026-07', issued: 24000, redeemed: 9000, expired: 500 }],
  totals: { issued: 24000, redeemed: 9000, expired: 500 },
  outstanding: 14500,
  pending: 120,
  holders: 1200,
};

export const volunteerStats: VolunteerStatsResponse = {
  regionId: ADMIN_REGION_ID,
  year: 2026,
  items: [
    {
      rank: 1,
      userId: 'w-1',
      displayName: '胡爽',
      pointsEarned: 1860,
      reportsResolved: 104,
      checkins: 210,
    },
    {
      rank: 2,
      userId: 'w-2',
      displayName: '138****0002',
      pointsEarned: 990,
      reportsResolved: 41,
      checkins: 97,
    },
  ],
};

export const coverage = (overrides: Partial<CoverageResponse> = {}): CoverageResponse => ({
  regionId: ADMIN_REGION_ID,
  from: '2025-12-01',
  to: '2026-11-24',
  rideMinutes: 5,
  radiusM: 1154,
  stations: [
    { id: 's-1', name: '才常广场驿站', lat: 28.151, lng: 113.634 },
    { id: 's-2', name: '朝阳社区驿站', lat: 28.16, lng: 113.65 },
  ],
  reports: { total: 24, farther: 3, fartherShare: 0.125 },
  points: [
    { lat: 28.152, lng: 113.635, nearestStationM: 150, covered: true },
    { lat: 28.25, lng: 113.8, nearestStationM: 19000, covered: false },
  ],
  ...overrides,
});

/** Stops the calendar at `instant` while timers, animations and promises keep running. */
export function freezeDate(instant: string): void {
  jest.useFakeTimers({
    now: new Date(instant),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'hrtime',
      'performance',
    ],
  });
}
