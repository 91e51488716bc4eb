import {
  MAX_VISIT_STATS_DAYS,
  RegionVisitStat,
  Routes,
  StationVisitStat,
  VisitStatsResponse,
} from '@yizhan/contracts';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { VISIT_STATS_CSV_HEADER } from '../../src/modules/visits/visit-stats-csv';
import { VisitsService } from '../../src/modules/visits/visits.service';
import { createDistrict, createUser, District } from '../support/accounts';
import { recordVisit } from '../support/checkins';
import { parseCsv } from '../support/csv';
import { createRegion, createStation } from '../support/factories';
import { api, ApiResponse, outcome } from '../support/http';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';
/** The whole fixture: the last Monday of November 2026 to the end of the year. */
const ALL = 'from=2026-11-23&to=2026-12-31';

type Counts = [visits: number, uniqueWorkers: number, flagged: number];
const stat = (period: string, station: StationEntity, counts: Counts): StationVisitStat => ({
  stationId: station.id,
  stationName: station.name,
  period,
  visits: counts[0],
  uniqueWorkers: counts[1],
  flagged: counts[2],
});
const total = (period: string, counts: Counts): RegionVisitStat => ({
  period,
  visits: counts[0],
  uniqueWorkers: counts[1],
  flagged: counts[2],
});

describe(`${VisitsService.name}: GET /stations/visit-stats and .csv (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  /** A second street of liuyang. */
  let otherStreet: RegionEntity;
  /** Three stations of liuyang whose names sort "=…" < "A…" < "B…" on both databases. */
  let alpha: StationEntity;
  let beta: StationEntity;
  let formula: StationEntity;
  let tokens: Record<
    | 'admin'
    | 'manager'
    | 'handler'
    | 'merchantStaff'
    | 'worker'
    | 'hanyangAdmin'
    | 'hanyangManager'
    | 'streetAdmin',
    string
  >;

  const stats = (token: string, query: string) =>
    api<VisitStatsResponse>(ctx.app, { path: `${Routes.visitStats}?${query}`, token });
  const csv = (token: string, query: string) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/v1${Routes.visitStatsCsv}?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });

  /** Every station row of a query, page after page of `limit`, and each page's totals. */
  async function allPages(token: string, query: string, limit: number) {
    const pages: VisitStatsResponse[] = [];
    let cursor: string | null = null;
    do {
      const response: ApiResponse<VisitStatsResponse> = await stats(
        token,
        `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      if (response.status !== 200) throw new Error(`page answered ${response.status}`);
      pages.push(response.body);
      cursor = response.body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    otherStreet = await createRegion(ctx.dataSource, { level: 'street', parent: liuyang.district });
    alpha = liuyang.station;
    await ctx.dataSource
      .getRepository(StationEntity)
      .update({ id: alpha.id }, { name: 'A 集里驿站' });
    alpha.name = 'A 集里驿站';
    beta = await createStation(ctx.dataSource, {
      region: otherStreet,
      name: 'B 淮川驿站',
      lat: 28.15,
      lng: 113.62,
    });
    formula = await createStation(ctx.dataSource, {
      region: liuyang.street,
      name: FORMULA_NAME,
      lat: 28.17,
      lng: 113.65,
    });
    const streetAdmin = await createUser(ctx.app, {
      grants: [{ role: 'district_admin', region: otherStreet }],
    });
    const [w1, w2, w3, w4] = [
      await createUser(ctx.app, { nickname: '一' }),
      await createUser(ctx.app, { nickname: '二' }),
      await createUser(ctx.app, { nickname: '三' }),
      await createUser(ctx.app, { nickname: '四' }),
    ];
    tokens = {
      admin: await tokenFor(ctx.app, liuyang.staff.district_admin),
      manager: await tokenFor(ctx.app, liuyang.staff.station_manager),
      handler: await tokenFor(ctx.app, liuyang.staff.handler),
      merchantStaff: await tokenFor(ctx.app, liuyang.staff.merchant_staff),
      worker: await tokenFor(ctx.app, w1),
      hanyangAdmin: await tokenFor(ctx.app, hanyang.staff.district_admin),
      hanyangManager: await tokenFor(ctx.app, hanyang.staff.station_manager),
      streetAdmin: await tokenFor(ctx.app, streetAdmin),
    };
    const visit = (
      user: { id: string },
      station: StationEntity,
      at: string,
      flag: 'impossible_travel' | null = null,
    ) => recordVisit(ctx.dataSource, { user, station, at, flag });
    // 23:30 Monday and 00:30 Tuesday in Beijing: one UTC day, two local ones.
    await visit(w1, alpha, '2026-11-23T23:30:00+08:00');
    await visit(w1, alpha, '2026-11-24T00:30:00+08:00');
    await visit(w2, alpha, '2026-11-24T08:00:00+08:00');
    // w1 at a second station the same day: one unique worker in the totals, not two.
    await visit(w1, beta, '2026-11-24T09:00:00+08:00');
    await visit(w3, beta, '2026-11-24T10:00:00+08:00');
    await visit(w3, beta, '2026-11-24T11:00:00+08:00', 'impossible_travel');
    // Only a flagged visit: the station shows up with zero visits and one flagged.
    await visit(w4, formula, '2026-11-24T12:00:00+08:00', 'impossible_travel');
    // The last minute of November and the first of December (30 November in UTC).
    await visit(w2, alpha, '2026-11-30T23:59:00+08:00');
    await visit(w2, alpha, '2026-12-01T00:01:00+08:00');
    await visit(w1, formula, '2026-12-05T15:00:00+08:00');
    // Another district's, and before the range: never in these numbers.
    await visit(w1, hanyang.station, '2026-11-24T09:00:00+08:00');
    await visit(w2, alpha, '2026-11-22T12:00:00+08:00');
  });

  const DAY_ROWS = () => [
    stat('2026-11-23', alpha, [1, 1, 0]),
    stat('2026-11-24', formula, [0, 0, 1]),
    stat('2026-11-24', alpha, [2, 2, 0]),
    stat('2026-11-24', beta, [2, 2, 1]),
    stat('2026-11-30', alpha, [1, 1, 0]),
    stat('2026-12-01', alpha, [1, 1, 0]),
    stat('2026-12-05', formula, [1, 1, 0]),
  ];
  const DAY_TOTALS = [
    total('2026-11-23', [1, 1, 0]),
    // w1 at alpha and beta, w2, w3: three workers, though the stations' rows add up to four.
    total('2026-11-24', [4, 3, 2]),
    total('2026-11-30', [1, 1, 0]),
    total('2026-12-01', [1, 1, 0]),
    total('2026-12-05', [1, 1, 0]),
  ];

  describe('counting', () => {
    it("counts a district admin's region per local day, across midnight and stations", async () => {
      const response = await stats(tokens.admin, `${ALL}&limit=100`);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        regionId: liuyang.district.id,
        granularity: 'day',
        from: '2026-11-23',
        to: '2026-12-31',
        totals: DAY_TOTALS,
        // w1, w2 and w3 over the whole range: 3 workers, though the days add up to 6.
        rangeTotal: { visits: 8, uniqueWorkers: 3, flagged: 2 },
        items: DAY_ROWS(),
        nextCursor: null,
      });
    });

    it('counts per local month: 1 December 00:01 in Beijing is December', async () => {
      const response = await stats(tokens.admin, `${ALL}&granularity=month&limit=100`);

      expect(response.body.items).toEqual([
        stat('2026-11', formula, [0, 0, 1]),
        stat('2026-11', alpha, [4, 2, 0]),
        stat('2026-11', beta, [2, 2, 1]),
        stat('2026-12', formula, [1, 1, 0]),
        stat('2026-12', alpha, [1, 1, 0]),
      ]);
      expect(response.body.totals).toEqual([
        total('2026-11', [6, 3, 2]),
        total('2026-12', [2, 2, 0]),
      ]);
    });

    it('counts only the local dates asked for, both ends included', async () => {
      const response = await stats(tokens.admin, 'from=2026-11-24&to=2026-11-30&limit=100');

      expect(response.body.items.map((row) => row.period)).toEqual([
        '2026-11-24',
        '2026-11-24',
        '2026-11-24',
        '2026-11-30',
      ]);
      expect(response.body.totals).toEqual([DAY_TOTALS[1], DAY_TOTALS[2]]);
    });

    it('narrows to a region inside the district, or to one station', async () => {
      const street = await stats(tokens.admin, `${ALL}&regionId=${otherStreet.id}`);
      const station = await stats(tokens.admin, `${ALL}&stationId=${alpha.id}`);
      const both = await stats(
        tokens.admin,
        `${ALL}&regionId=${liuyang.district.id}&stationId=${beta.id}`,
      );

      expect(street.body.regionId).toBe(otherStreet.id);
      expect(street.body.items).toEqual([stat('2026-11-24', beta, [2, 2, 1])]);
      expect(street.body.totals).toEqual([total('2026-11-24', [2, 2, 1])]);
      expect(station.body.regionId).toBe(liuyang.street.id);
      expect(station.body.items).toEqual(DAY_ROWS().filter((row) => row.stationId === alpha.id));
      expect(station.body.totals).toEqual([
        total('2026-11-23', [1, 1, 0]),
        total('2026-11-24', [2, 2, 0]),
        total('2026-11-30', [1, 1, 0]),
        total('2026-12-01', [1, 1, 0]),
      ]);
      expect(both.body.regionId).toBe(liuyang.district.id);
      expect(both.body.items).toEqual([stat('2026-11-24', beta, [2, 2, 1])]);
    });

    it("shows a station manager their own station's numbers", async () => {
      const unnamed = await stats(tokens.manager, ALL);
      const named = await stats(tokens.manager, `${ALL}&stationId=${alpha.id}`);

      expect(unnamed.status).toBe(200);
      expect(unnamed.body.regionId).toBe(liuyang.street.id);
      expect(unnamed.body.items).toEqual(DAY_ROWS().filter((row) => row.stationId === alpha.id));
      expect(named.body).toEqual(unnamed.body);
    });

    it("shows another district's admin their own district only", async () => {
      const response = await stats(tokens.hanyangAdmin, ALL);

      expect(response.body.regionId).toBe(hanyang.district.id);
      expect(response.body.items).toEqual([stat('2026-11-24', hanyang.station, [1, 1, 0])]);
    });

    it('answers a period without visits with empty lists', async () => {
      const response = await stats(tokens.admin, 'from=2026-10-01&to=2026-10-31');

      expect(response.body).toMatchObject({
        totals: [],
        rangeTotal: { visits: 0, uniqueWorkers: 0, flagged: 0 },
        items: [],
        nextCursor: null,
      });
    });
  });

  describe('paging', () => {
    it.each([1, 2, 3])(
      'returns every day row once, in order, %i at a time, with the whole totals on each page',
      async (limit) => {
        const pages = await allPages(tokens.admin, ALL, limit);

        expect(pages.flatMap((page) => page.items)).toEqual(DAY_ROWS());
        expect(pages).toHaveLength(Math.ceil(DAY_ROWS().length / limit));
        for (const page of pages) expect(page.totals).toEqual(DAY_TOTALS);
        expect(pages.at(-1)?.nextCursor).toBeNull();
      },
    );

    it('pages month rows the same way', async () => {
      const whole = await stats(tokens.admin, `${ALL}&granularity=month&limit=100`);
      const pages = await allPages(tokens.admin, `${ALL}&granularity=month`, 2);

      expect(pages.flatMap((page) => page.items)).toEqual(whole.body.items);
      expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    });

    it("refuses a day list's cursor on a month list", async () => {
      const first = await stats(tokens.admin, `${ALL}&limit=1`);

      const response = await stats(
        tokens.admin,
        `${ALL}&granularity=month&cursor=${first.body.nextCursor}`,
      );

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('who may count what', () => {
    it.each<[string, keyof typeof tokens, () => string]>([
      [
        'an admin naming a region of another district',
        'admin',
        () => `regionId=${hanyang.district.id}`,
      ],
      [
        'an admin naming the city above their district',
        'admin',
        () => `regionId=${liuyang.city.id}`,
      ],
      [
        'an admin naming a region that does not exist',
        'admin',
        () => 'regionId=6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
      ],
      [
        'an admin naming a station of another district',
        'admin',
        () => `stationId=${hanyang.station.id}`,
      ],
      [
        'an admin naming a station outside the region they name',
        'admin',
        () => `regionId=${liuyang.street.id}&stationId=${beta.id}`,
      ],
      [
        "a street's admin naming their district",
        'streetAdmin',
        () => `regionId=${liuyang.district.id}`,
      ],
      [
        "a street's admin naming a station of another street",
        'streetAdmin',
        () => `stationId=${alpha.id}`,
      ],
      [
        "another district's admin naming this district",
        'hanyangAdmin',
        () => `regionId=${liuyang.district.id}`,
      ],
      [
        "another district's admin naming a station here",
        'hanyangAdmin',
        () => `stationId=${alpha.id}`,
      ],
      ['a station manager naming another station', 'manager', () => `stationId=${beta.id}`],
      [
        "a station manager naming their station's region",
        'manager',
        () => `regionId=${liuyang.street.id}`,
      ],
      [
        'a station manager naming a station of another district',
        'manager',
        () => `stationId=${hanyang.station.id}`,
      ],
      [
        "another district's station manager naming this station",
        'hanyangManager',
        () => `stationId=${alpha.id}`,
      ],
    ])('answers 404 to %s, for the list and the CSV', async (_, who, query) => {
      const listed = await stats(tokens[who], `${ALL}&${query()}`);
      const exported = await csv(tokens[who], `${ALL}&${query()}`);

      expect(outcome(listed)).toEqual([404, 'NOT_FOUND']);
      expect([exported.statusCode, exported.json().error.code]).toEqual([404, 'NOT_FOUND']);
    });

    it.each(['worker', 'handler', 'merchantStaff'] as const)(
      'refuses a %s with 403, for the list and the CSV',
      async (who) => {
        const listed = await stats(tokens[who], ALL);
        const exported = await csv(tokens[who], ALL);

        expect(outcome(listed)).toEqual([403, 'FORBIDDEN']);
        expect([exported.statusCode, exported.json().error.code]).toEqual([403, 'FORBIDDEN']);
      },
    );

    it('refuses a caller without a token with 401', async () => {
      const response = await api(ctx.app, { path: `${Routes.visitStats}?${ALL}` });

      expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  describe('validation', () => {
    it(`accepts ${MAX_VISIT_STATS_DAYS} days and refuses one more, naming "to"`, async () => {
      // 2024 is a leap year: all of it is 366 days.
      const longest = await stats(tokens.admin, 'from=2024-01-01&to=2024-12-31');
      const tooLong = await stats(tokens.admin, 'from=2024-01-01&to=2025-01-01');

      expect(longest.status).toBe(200);
      expect(outcome(tooLong)).toEqual([400, 'VALIDATION_FAILED']);
      expect(tooLong.body).toMatchObject({
        error: { details: [{ field: 'to', constraints: ['maxPeriod'] }] },
      });
    });

    it('refuses to before from, naming "to"', async () => {
      const response = await stats(tokens.admin, 'from=2026-11-25&to=2026-11-24');

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      expect(response.body).toMatchObject({
        error: { details: [{ field: 'to', constraints: ['isNotBeforeFrom'] }] },
      });
    });

    it('names each date that does not exist', async () => {
      const response = await stats(tokens.admin, 'from=2026-02-30&to=2026-02-31');

      expect(response.body).toMatchObject({
        error: {
          code: 'VALIDATION_FAILED',
          details: [
            { field: 'from', constraints: ['isDate'] },
            { field: 'to', constraints: ['isDate'] },
          ],
        },
      });
    });

    it.each([
      ['a missing from', 'to=2026-11-30'],
      ['a missing to', 'from=2026-11-01'],
      ['a date without leading zeros', 'from=2026-11-1&to=2026-11-30'],
      ['a time instead of a date', 'from=2026-11-01T00:00:00Z&to=2026-11-30'],
      ['a month instead of a date', 'from=2026-11&to=2026-12'],
      ['an unknown granularity', `${ALL}&granularity=week`],
      ['a region id that is no uuid', `${ALL}&regionId=liuyang`],
      ['a station id that is no uuid', `${ALL}&stationId=42`],
      ['a cursor this API never issued', `${ALL}&cursor=bm90LWEtY3Vyc29y`],
      ['a page size of zero', `${ALL}&limit=0`],
      ['an unknown parameter', `${ALL}&format=xlsx`],
    ])('refuses %s with 400', async (_, query) => {
      expect(outcome(await stats(tokens.admin, query))).toEqual([400, 'VALIDATION_FAILED']);
    });

    it.each([
      ['a range over the limit', 'from=2024-01-01&to=2025-01-01'],
      ['to before from', 'from=2026-11-25&to=2026-11-24'],
      ['a page size (the export is not paged)', `${ALL}&limit=10`],
      ['a cursor', `${ALL}&cursor=abc`],
    ])('refuses a CSV export with %s with 400', async (_, query) => {
      const response = await csv(tokens.admin, query);

      expect([response.statusCode, response.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('CSV export', () => {
    it('holds the same numbers as the list: station rows, then a TOTAL row per period', async () => {
      const listed = await stats(tokens.admin, `${ALL}&limit=100`);
      const response = await csv(tokens.admin, ALL);

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="visits-2026-11-23-2026-12-31.csv"',
      );
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(response.body.slice(1));
      expect(header).toEqual([...VISIT_STATS_CSV_HEADER]);
      const expected: string[][] = [];
      for (const periodTotal of listed.body.totals) {
        for (const row of listed.body.items.filter((item) => item.period === periodTotal.period)) {
          const name = row.stationName === FORMULA_NAME ? `'${FORMULA_NAME}` : row.stationName;
          expected.push([
            row.period,
            row.stationId,
            name,
            String(row.visits),
            String(row.uniqueWorkers),
            String(row.flagged),
          ]);
        }
        expected.push([
          periodTotal.period,
          'TOTAL',
          '合计 all stations',
          String(periodTotal.visits),
          String(periodTotal.uniqueWorkers),
          String(periodTotal.flagged),
        ]);
      }
      expect(rows).toEqual(expected);
      expect(rows).toContainEqual(['2026-11-24', 'TOTAL', '合计 all stations', '4', '3', '2']);
    });

    it('keeps a station name that looks like a formula as text', async () => {
      const response = await csv(tokens.admin, 'from=2026-12-05&to=2026-12-05');
      const lines = response.body.slice(1).split(/\r?\n/);

      expect(lines[1]).toBe(
        `2026-12-05,${formula.id},"'=HYPERLINK(""http://evil.example"",""点我"")",1,1,0`,
      );
      // No cell of the file starts with a character a spreadsheet would evaluate.
      for (const cell of parseCsv(response.body.slice(1)).flat()) {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    });

    it("exports by month and a station manager's own station", async () => {
      const response = await csv(tokens.manager, `${ALL}&granularity=month`);

      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="visits-2026-11-23-2026-12-31.csv"',
      );
      expect(parseCsv(response.body.slice(1)).slice(1)).toEqual([
        ['2026-11', alpha.id, alpha.name, '4', '2', '0'],
        ['2026-11', 'TOTAL', '合计 all stations', '4', '2', '0'],
        ['2026-12', alpha.id, alpha.name, '1', '1', '0'],
        ['2026-12', 'TOTAL', '合计 all stations', '1', '1', '0'],
      ]);
    });

    it('exports an empty period as the header alone', async () => {
      const response = await csv(tokens.admin, 'from=2026-10-01&to=2026-10-31');

      expect(parseCsv(response.body.slice(1))).toEqual([[...VISIT_STATS_CSV_HEADER]]);
    });
  });

  it('is documented in the OpenAPI document, the export as CSV', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs-json' });
    const paths = response.json().paths as Record<
      string,
      { get: { responses: Record<string, { content?: Record<string, unknown> }> } }
    >;

    for (const path of [
      '/api/v1/stations/visit-stats',
      '/api/v1/stations/visit-stats.csv',
      '/api/v1/stations/{id}/visits',
    ]) {
      expect(Object.keys(paths[path].get.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '404']),
      );
    }
    expect(
      Object.keys(paths['/api/v1/stations/visit-stats.csv'].get.responses['200'].content ?? {}),
    ).toEqual(['text/csv']);
  });
});
