import { Routes, StationVisit, StationVisitsPage } from '@yizhan/contracts';
import { VisitsService } from '../../src/modules/visits/visits.service';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { createDistrict, createUser, District } from '../support/accounts';
import { recordVisit } from '../support/checkins';
import { createStation } from '../support/factories';
import { api, ApiResponse, outcome } from '../support/http';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock of this suite unless a test moves it. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const PHONE = '13800138000';

describe(`${VisitsService.name}: GET /stations/:id/visits (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  /** A second station in liuyang's street, with its own manager. */
  let neighbour: StationEntity;
  let tokens: Record<
    | 'manager'
    | 'admin'
    | 'handler'
    | 'merchantStaff'
    | 'worker'
    | 'neighbourManager'
    | 'hanyangAdmin'
    | 'hanyangManager',
    string
  >;
  /** The visits of liuyang's station on Tuesday, newest first (ids). */
  let tuesday: string[];
  let monday: string[];

  const visitsOf = (token: string, stationId: string, query = '') =>
    api<StationVisitsPage>(ctx.app, {
      path: `${Routes.stationVisits(stationId)}${query ? `?${query}` : ''}`,
      token,
    });
  const ids = (response: ApiResponse<StationVisitsPage>) =>
    response.body.items.map((item) => item.id);

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    neighbour = await createStation(ctx.dataSource, {
      region: liuyang.street,
      lat: 28.17,
      lng: 113.65,
    });
    const neighbourManager = await createUser(ctx.app, {
      grants: [{ role: 'station_manager', station: neighbour }],
    });
    const ada = await createUser(ctx.app, { nickname: '阿达', phone: PHONE });
    const bo = await createUser(ctx.app, { nickname: '小波' });
    const cai = await createUser(ctx.app, { nickname: '老蔡' });
    const gone = await createUser(ctx.app, { nickname: '已注销' });
    // Erasure empties the profile; the visits stay (anonymised) for the statistics.
    await ctx.dataSource
      .getRepository(UserEntity)
      .update({ id: gone.id }, { erasedAt: new Date('2026-11-24T01:00:00Z') });
    tokens = {
      manager: await tokenFor(ctx.app, liuyang.staff.station_manager),
      admin: await tokenFor(ctx.app, liuyang.staff.district_admin),
      handler: await tokenFor(ctx.app, liuyang.staff.handler),
      merchantStaff: await tokenFor(ctx.app, liuyang.staff.merchant_staff),
      worker: await tokenFor(ctx.app, ada),
      neighbourManager: await tokenFor(ctx.app, neighbourManager),
      hanyangAdmin: await tokenFor(ctx.app, hanyang.staff.district_admin),
      hanyangManager: await tokenFor(ctx.app, hanyang.staff.station_manager),
    };
    const at = (user: { id: string }, instant: string, extra: object = {}) =>
      recordVisit(ctx.dataSource, { user, station: liuyang.station, at: instant, ...extra });
    // 23:30 Monday and 00:30 Tuesday in Beijing are both Monday in UTC.
    const lateMonday = await at(ada, '2026-11-23T23:30:00+08:00');
    const earlyTuesday = await at(ada, '2026-11-24T00:30:00+08:00', { method: 'live' });
    const morning = await at(bo, '2026-11-24T08:00:00+08:00');
    const again = await at(ada, '2026-11-24T09:00:00+08:00');
    const flagged = await at(cai, '2026-11-24T09:30:00+08:00', { flag: 'impossible_travel' });
    const erased = await at(gone, '2026-11-24T09:45:00+08:00');
    // Not this station's, not this day's at this station.
    await recordVisit(ctx.dataSource, {
      user: bo,
      station: neighbour,
      at: '2026-11-24T09:50:00+08:00',
    });
    await at(bo, '2026-11-25T00:05:00+08:00');
    tuesday = [erased, flagged, again, morning, earlyTuesday].map((visit) => visit.id);
    monday = [lateMonday.id];
    ctx.setNow(NOW);
  });
  afterEach(() => ctx.setNow(NOW));

  it("lists today's visits on the station's clock, newest first, with the day's totals", async () => {
    const response = await visitsOf(tokens.manager, liuyang.station.id);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      date: '2026-11-24',
      // Ada twice, Bo, the erased worker; the flagged visit counts apart.
      visits: 4,
      uniqueWorkers: 3,
      nextCursor: null,
    });
    expect(ids(response)).toEqual(tuesday);
    expect(response.body.items.map((item) => [item.nickname, item.method, item.flags])).toEqual([
      [null, 'poster', []],
      ['老蔡', 'poster', ['impossible_travel']],
      ['阿达', 'poster', []],
      ['小波', 'poster', []],
      ['阿达', 'live', []],
    ]);
    expect(response.body.items[4].createdAt).toBe('2026-11-23T16:30:00.000Z');
  });

  it('shows nickname, method and flags only: no location, distance or phone', async () => {
    const response = await visitsOf(tokens.admin, liuyang.station.id);

    for (const item of response.body.items) {
      expect(Object.keys(item).sort()).toEqual(['createdAt', 'flags', 'id', 'method', 'nickname']);
    }
    expect(response.text).not.toContain(PHONE);
    expect(response.text).not.toMatch(/lat|lng|distance|accuracy|phone|userId/i);
  });

  it('lists another local date when asked, the visit before midnight on its own day', async () => {
    const response = await visitsOf(tokens.manager, liuyang.station.id, 'date=2026-11-23');

    expect(response.body).toMatchObject({ date: '2026-11-23', visits: 1, uniqueWorkers: 1 });
    expect(ids(response)).toEqual(monday);
  });

  it("takes today from the station region's clock, not UTC's", async () => {
    // 00:10 on Wednesday in Beijing is still Tuesday in UTC.
    ctx.setNow(new Date('2026-11-25T00:10:00+08:00'));

    const response = await visitsOf(tokens.manager, liuyang.station.id);

    expect(response.body).toMatchObject({ date: '2026-11-25', visits: 1, uniqueWorkers: 1 });
  });

  it('answers a day without visits with zeros', async () => {
    const response = await visitsOf(tokens.manager, liuyang.station.id, 'date=2026-10-01');

    expect(response.body).toEqual({
      date: '2026-10-01',
      visits: 0,
      uniqueWorkers: 0,
      items: [],
      nextCursor: null,
    });
  });

  it('pages by keyset: every visit once, in order, with the whole day’s totals on each page', async () => {
    const pages: StationVisitsPage[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await visitsOf(tokens.manager, liuyang.station.id, query);
      expect(response.status).toBe(200);
      pages.push(response.body);
      cursor = response.body.nextCursor;
    } while (cursor && pages.length < 10);

    const items: StationVisit[] = pages.flatMap((page) => page.items);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(items.map((item) => item.id)).toEqual(tuesday);
    expect(pages.map((page) => [page.visits, page.uniqueWorkers])).toEqual([
      [4, 3],
      [4, 3],
      [4, 3],
    ]);
  });

  it('pages visits of the same second apart by id', async () => {
    const station = await createStation(ctx.dataSource, {
      region: liuyang.street,
      lat: 28.18,
      lng: 113.66,
    });
    const worker = await createUser(ctx.app);
    const sameSecond = [];
    for (let n = 0; n < 3; n += 1) {
      sameSecond.push(
        await recordVisit(ctx.dataSource, {
          user: worker,
          station,
          at: '2026-11-24T09:00:00+08:00',
        }),
      );
    }
    const first = await visitsOf(tokens.admin, station.id, 'limit=2');
    const second = await visitsOf(
      tokens.admin,
      station.id,
      `limit=2&cursor=${first.body.nextCursor}`,
    );

    expect([...ids(first), ...ids(second)]).toEqual(
      sameSecond.map((visit) => visit.id).sort((a, b) => (a < b ? 1 : -1)),
    );
    expect(first.body).toMatchObject({ visits: 3, uniqueWorkers: 1 });
    expect(second.body.nextCursor).toBeNull();
  });

  describe('who may look', () => {
    it("lets the station's manager and its district's admin in", async () => {
      const byManager = await visitsOf(tokens.manager, liuyang.station.id);
      const byAdmin = await visitsOf(tokens.admin, liuyang.station.id);

      expect([byManager.status, byAdmin.status]).toEqual([200, 200]);
      expect(ids(byAdmin)).toEqual(ids(byManager));
    });

    it.each([
      ['the manager of another station of the same street', 'neighbourManager'],
      ['the manager of a station in another district', 'hanyangManager'],
      ['the admin of another district', 'hanyangAdmin'],
    ] as const)('hides the station from %s with 404', async (_, who) => {
      const response = await visitsOf(tokens[who], liuyang.station.id);

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
      expect(response.text).not.toContain('阿达');
    });

    it('answers 404 alike for a station that does not exist and an id that is no uuid', async () => {
      const absent = await visitsOf(tokens.admin, '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b');
      const malformed = await visitsOf(tokens.admin, 'not-a-station');

      expect(outcome(absent)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(malformed)).toEqual([404, 'NOT_FOUND']);
    });

    it.each(['worker', 'handler', 'merchantStaff'] as const)(
      'refuses a %s with 403',
      async (who) => {
        expect(outcome(await visitsOf(tokens[who], liuyang.station.id))).toEqual([
          403,
          'FORBIDDEN',
        ]);
      },
    );

    it('refuses a caller without a token with 401', async () => {
      const response = await api(ctx.app, { path: Routes.stationVisits(liuyang.station.id) });

      expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  it.each([
    ['a date that does not exist', 'date=2026-02-30'],
    ['a date without leading zeros', 'date=2026-11-4'],
    ['a word instead of a date', 'date=today'],
    ['a cursor this API never issued', 'cursor=%%%'],
    ['a page over the limit', 'limit=101'],
    ['an unknown parameter', 'format=csv'],
  ])('refuses %s with 400', async (_, query) => {
    const response = await visitsOf(tokens.manager, liuyang.station.id, query);

    expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('names the bad date in the details', async () => {
    const response = await visitsOf(tokens.manager, liuyang.station.id, 'date=2026-02-30');

    expect(response.body).toMatchObject({
      error: { details: [{ field: 'date', constraints: ['isDate'] }] },
    });
  });
});
