import {
  CoverageResponse,
  COVERAGE_RADIUS_M,
  ReportStatsResponse,
  ReportView,
  Routes,
} from '@yizhan/contracts';
import { StatsService } from '../../src/modules/stats/stats.service';
import { STATS_CSV_HEADERS } from '../../src/modules/stats/stats-csv';
import { createUser } from '../support/accounts';
import { parseCsv } from '../support/csv';
import { createStation, northOf } from '../support/factories';
import { api, outcome } from '../support/http';
import {
  act,
  createReportingDistrict,
  newReporter,
  reportBody,
  ReportingDistrict,
  submitReport,
} from '../support/reports';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const HOUR = 3_600_000;
/** Filing time of the month's reports: 10 November 2026, 09:00 in Beijing. */
const FILED = new Date('2026-11-10T09:00:00+08:00');
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

describe(`${StatsService.name}: reports, coverage and who may read them (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: ReportingDistrict;
  let hanyang: ReportingDistrict;

  const get = <T>(path: string, token?: string) => api<T>(ctx.app, { path, token });

  /** A report filed at `at` by a fresh worker (reports are rate-limited per worker). */
  async function fileAt(
    district: ReportingDistrict,
    at: Date,
    place = district.origin,
    category = 'road_damage',
  ): Promise<ReportView> {
    ctx.setNow(at);
    const reporter = await newReporter(ctx.app);
    const response = await submitReport(ctx.app, reporter.token, reportBody(place, { category }));
    if (response.status !== 201) throw new Error(`submit answered ${response.status}`);
    return response.body;
  }

  async function step(
    district: ReportingDistrict,
    report: ReportView,
    action: string,
    at: Date,
    body: object = {},
  ) {
    ctx.setNow(at);
    const response = await act(ctx.app, district.tokens.handler, report.id, action, body);
    if (response.status !== 200) throw new Error(`${action} answered ${response.status}`);
  }

  /** Accepted and dispatched to the district's department at `at`. */
  async function dispatch(district: ReportingDistrict, report: ReportView, at: Date) {
    await step(district, report, 'accept', at);
    await step(district, report, 'dispatch', at, { departmentId: district.department.id });
  }

  beforeAll(async () => {
    liuyang = await createReportingDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createReportingDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    // A closed station 3 km north serves reports there (they land in liuyang) but covers nothing.
    await createStation(ctx.dataSource, {
      region: liuyang.street,
      ...northOf(liuyang.origin, 3_000),
      status: 'closed',
    });

    // Dispatched and resolved after 2 h and 6 h: the department's median is 4 h, on time.
    const quick = await fileAt(liuyang, FILED, northOf(liuyang.origin, 500));
    await dispatch(liuyang, quick, FILED);
    await step(liuyang, quick, 'resolve', new Date(FILED.getTime() + 2 * HOUR), { note: '已修' });
    const slow = await fileAt(liuyang, FILED, northOf(liuyang.origin, 3_000));
    await dispatch(liuyang, slow, FILED);
    await step(liuyang, slow, 'resolve', new Date(FILED.getTime() + 6 * HOUR), { note: '已修' });
    // A fire hazard (due in 4 h) dispatched and still open a day later: overdue.
    const fire = await fileAt(liuyang, FILED, liuyang.origin, 'fire_hazard');
    await dispatch(liuyang, fire, FILED);
    // Rejected: neither overdue nor counted in the overdue share.
    const refused = await fileAt(liuyang, FILED);
    await step(liuyang, refused, 'reject', FILED, { reason: '不属实' });
    // 00:30 on 1 November in Beijing is still 31 October in UTC: it counts in November. The one
    // at 23:30 on 31 October does not. The first stays submitted past its 72 h: overdue.
    await fileAt(liuyang, new Date('2026-11-01T00:30:00+08:00'));
    await fileAt(liuyang, new Date('2026-10-31T23:30:00+08:00'));
    // Another district's report, resolved in 1 h: never in liuyang's numbers.
    const foreign = await fileAt(hanyang, FILED);
    await dispatch(hanyang, foreign, FILED);
    await step(hanyang, foreign, 'resolve', new Date(FILED.getTime() + HOUR), { note: '已修' });

    ctx.setNow(new Date(FILED.getTime() + 24 * HOUR));
  });

  afterAll(() => ctx.restoreNow());

  it('counts November reports by status, category and department, with medians and overdue', async () => {
    const response = await get<ReportStatsResponse>(
      `${Routes.statsReports}?${NOVEMBER}`,
      liuyang.tokens.admin,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      regionId: liuyang.district.id,
      from: '2026-11-01',
      to: '2026-11-30',
      total: 5,
      byStatus: {
        submitted: 1,
        accepted: 0,
        dispatched: 1,
        resolved: 2,
        rejected: 1,
        duplicate: 0,
        closed: 0,
      },
      byCategory: [
        {
          category: 'road_damage',
          categoryName: '道路破损',
          total: 4,
          byStatus: {
            submitted: 1,
            accepted: 0,
            dispatched: 0,
            resolved: 2,
            rejected: 1,
            duplicate: 0,
            closed: 0,
          },
        },
        {
          category: 'fire_hazard',
          categoryName: '消防隐患',
          total: 1,
          byStatus: {
            submitted: 0,
            accepted: 0,
            dispatched: 1,
            resolved: 0,
            rejected: 0,
            duplicate: 0,
            closed: 0,
          },
        },
      ],
      byDepartment: [
        {
          departmentId: liuyang.department.id,
          departmentName: liuyang.department.name,
          dispatched: 3,
          resolved: 2,
          medianResolveHours: 4,
          overdue: 1,
          overdueShare: 0.3333,
        },
      ],
      medianResolveHours: 4,
      // The open fire hazard and the report left submitted, of 4 (the rejected one left out).
      overdueShare: 0.5,
    });
  });

  it('narrows to a street and reads local dates on the region clock', async () => {
    const oneDay = await get<ReportStatsResponse>(
      `${Routes.statsReports}?from=2026-10-31&to=2026-10-31&regionId=${liuyang.street.id}`,
      liuyang.tokens.admin,
    );
    expect(oneDay.status).toBe(200);
    expect(oneDay.body).toMatchObject({ regionId: liuyang.street.id, total: 1 });
    expect(oneDay.body.medianResolveHours).toBeNull();
    expect(oneDay.body.byDepartment).toEqual([]);
  });

  it('defaults to the twelve months up to today on the server clock', async () => {
    const response = await get<ReportStatsResponse>(Routes.statsReports, liuyang.tokens.admin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: '2025-12-01', to: '2026-11-11', total: 6 });
  });

  it('measures reports against open stations: 500 m covered, 3 km farther, closed ones ignored', async () => {
    const response = await get<CoverageResponse>(
      `${Routes.coverage}?${NOVEMBER}`,
      liuyang.tokens.admin,
    );
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({ rideMinutes: 5, radiusM: COVERAGE_RADIUS_M });
    expect(body.radiusM).toBe(1154);
    expect(body.stations).toEqual([
      {
        id: liuyang.station.id,
        name: liuyang.station.name,
        lat: liuyang.station.lat,
        lng: liuyang.station.lng,
      },
    ]);
    expect(body.reports).toEqual({ total: 5, farther: 1, fartherShare: 0.2 });
    expect(body.points).toHaveLength(5);
    const distances = body.points.map((point) => point.nearestStationM).sort((a, b) => a! - b!);
    expect(distances).toEqual([0, 0, 0, 500, 3_000]);
    // Positions are stored with 6 decimals (≈ 0.1 m).
    const far = northOf(liuyang.origin, 3_000);
    expect(body.points.filter((point) => !point.covered)).toEqual([
      {
        lat: expect.closeTo(far.lat, 5),
        lng: expect.closeTo(far.lng, 5),
        nearestStationM: 3_000,
        covered: false,
      },
    ]);
  });

  it('exports the tables as CSV with a BOM, Chinese headers and a download name', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1${Routes.statsExportCsv}?table=reports-by-department&${NOVEMBER}`,
      headers: { authorization: `Bearer ${liuyang.tokens.admin}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="stats-reports-by-department-2026-11-01-2026-11-30.csv"',
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(response.payload.slice(1))).toEqual([
      [...STATS_CSV_HEADERS['reports-by-department']],
      [liuyang.department.id, liuyang.department.name, '3', '2', '4', '1', '0.3333'],
    ]);

    const categories = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1${Routes.statsExportCsv}?table=reports-by-category&${NOVEMBER}`,
      headers: { authorization: `Bearer ${liuyang.tokens.admin}` },
    });
    const rows = parseCsv(categories.payload.slice(1));
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['分类代码 category', '分类名称 category_name', '报事总数 total'],
      ['road_damage', '道路破损', '4'],
      ['fire_hazard', '消防隐患', '1'],
      ['TOTAL', '合计 all categories', '5'],
    ]);
  });

  describe('who may read', () => {
    const routes = [
      `${Routes.statsReports}?${NOVEMBER}`,
      `${Routes.statsPoints}?${NOVEMBER}`,
      `${Routes.statsVolunteers}?year=2026`,
      `${Routes.statsExportCsv}?table=points&${NOVEMBER}`,
      `${Routes.coverage}?${NOVEMBER}`,
    ];

    it('refuses every other role (403) and callers without a token (401)', async () => {
      const others = {
        worker: liuyang.tokens.worker,
        handler: liuyang.tokens.handler,
        merchant: await tokenFor(ctx.app, liuyang.staff.merchant_staff),
        manager: await tokenFor(ctx.app, liuyang.staff.station_manager),
      };
      for (const route of routes) {
        for (const token of Object.values(others)) {
          expect(outcome(await get(route, token))).toEqual([403, 'FORBIDDEN']);
        }
        expect(outcome(await get(route))).toEqual([401, 'UNAUTHENTICATED']);
      }
    });

    it("answers 404 for another district's region and for the city above", async () => {
      for (const route of routes) {
        for (const region of [hanyang.district, hanyang.street, liuyang.city]) {
          expect(
            outcome(await get(`${route}&regionId=${region.id}`, liuyang.tokens.admin)),
          ).toEqual([404, 'NOT_FOUND']);
        }
      }
      // A street admin may not count the district above them either.
      const streetAdmin = await createUser(ctx.app, {
        grants: [{ role: 'district_admin', region: liuyang.street }],
      });
      const token = await tokenFor(ctx.app, streetAdmin);
      expect(outcome(await get(`${routes[0]}&regionId=${liuyang.district.id}`, token))).toEqual([
        404,
        'NOT_FOUND',
      ]);
      const own = await get<ReportStatsResponse>(routes[0], token);
      expect(own.body).toMatchObject({ regionId: liuyang.street.id, total: 5 });
    });

    it("never counts another district's reports in its own answer", async () => {
      const response = await get<ReportStatsResponse>(
        `${Routes.statsReports}?${NOVEMBER}`,
        hanyang.tokens.admin,
      );
      expect(response.body).toMatchObject({ total: 1, medianResolveHours: 1, overdueShare: 0 });
    });

    it('refuses bad dates with 400 naming the field', async () => {
      const cases: Array<[string, string]> = [
        ['from=2026-02-30&to=2026-03-01', 'from'],
        ['from=2026-13-01', 'from'],
        ['from=2026-11-30&to=2026-11-01', 'to'],
        ['from=2025-01-01&to=2026-11-01', 'to'],
        ['to=yesterday', 'to'],
      ];
      for (const route of [Routes.statsReports, Routes.statsPoints, Routes.coverage]) {
        for (const [query, field] of cases) {
          const response = await get<{ error: { code: string; details: { field: string }[] } }>(
            `${route}?${query}`,
            liuyang.tokens.admin,
          );
          expect([response.status, response.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
          expect(response.body.error.details.map((detail) => detail.field)).toEqual([field]);
        }
      }
      expect(outcome(await get(`${Routes.statsReports}?limit=5`, liuyang.tokens.admin))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect(
        outcome(await get(`${Routes.statsExportCsv}?table=everything`, liuyang.tokens.admin)),
      ).toEqual([400, 'VALIDATION_FAILED']);
      expect(
        outcome(await get(`${Routes.statsExportCsv}?table=points&year=2026`, liuyang.tokens.admin)),
      ).toEqual([400, 'VALIDATION_FAILED']);
    });
  });
});
