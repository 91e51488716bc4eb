import { CheckinResponse, CheckinView, Page } from '@yizhan/contracts';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckinPoints } from '../../src/modules/checkins/checkin-points';
import { CHECKIN_COOLDOWN_MS } from '../../src/modules/checkins/checkin-rules';
import { CheckinEntity } from '../../src/modules/checkins/checkin.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { checkIn, grantConsent, liveCodeOf, posterCodeOf } from '../support/checkin-flow';
import { createRegion, createStation, northOf } from '../support/factories';
import { api, outcome } from '../support/http';
import { authOf, createRule, createUser } from '../support/points';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock unless a test moves it. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const ORIGIN = { lat: 28.16, lng: 113.64 };

describe('POST /checkins', () => {
  const ctx = useTestApp();
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let street: RegionEntity;
  let station: StationEntity;

  async function newWorker() {
    const user = await createUser(dataSource);
    await grantConsent(dataSource, user.id);
    return { ...user, headers: await authOf(app, user) };
  }

  const at = (ms: number) => ctx.setNow(new Date(NOW.getTime() + ms));

  beforeAll(async () => {
    app = ctx.app;
    dataSource = ctx.dataSource;
    const city = await createRegion(dataSource, { level: 'city' });
    const district = await createRegion(dataSource, { level: 'district', parent: city });
    street = await createRegion(dataSource, { level: 'street', parent: district });
    await createRule(dataSource, { region: district, kind: 'checkin', points: 5, dailyCap: 10 });
    station = await createStation(dataSource, { region: street, ...ORIGIN });
  });

  beforeEach(() => ctx.setNow(NOW));

  it('counts a poster code scanned at the station and pays the rule', async () => {
    const worker = await newWorker();
    const response = await checkIn(app, worker.headers, {
      code: posterCodeOf(app, station),
      ...northOf(ORIGIN, 40),
      accuracy: 25,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      pointsAwarded: 5,
      capped: false,
      balance: 5,
      checkIn: {
        stationId: station.id,
        method: 'poster',
        distanceM: 40,
        flags: [],
        pointsAwarded: 5,
      },
      station: {
        id: station.id,
        name: station.name,
        amenities: ['seating', 'water'],
        openNow: true,
      },
    });
    const row = await dataSource
      .getRepository(CheckinEntity)
      .findOneByOrFail({ userId: worker.id });
    expect(row).toMatchObject({ localDate: '2026-11-24', regionId: street.id, pointsAwarded: 5 });
  });

  it('counts a live code without the geofence (the screen proves presence)', async () => {
    const worker = await newWorker();
    const response = await checkIn(app, worker.headers, {
      code: liveCodeOf(app, station),
      ...northOf(ORIGIN, 600),
      accuracy: 300,
    });
    expect(response.status).toBe(201);
    expect(response.body.checkIn).toMatchObject({ method: 'live', distanceM: 600 });
  });

  describe('refuses a code that is not genuine and current', () => {
    const codeRefused = async (code: string) => {
      const worker = await newWorker();
      const response = await checkIn(app, worker.headers, { code, ...ORIGIN });
      expect(outcome(response)).toEqual([422, 'CHECKIN_CODE_INVALID']);
      return response.body as unknown as { error: { details: { reason: string } } };
    };

    it('forged: right shape, made-up MAC', async () => {
      const parts = posterCodeOf(app, station).split('.');
      parts[4] = Buffer.alloc(16, 7).toString('base64url');
      expect((await codeRefused(parts.join('.'))).error.details.reason).toBe('invalid');
    });

    it('tampered: the generation changed', async () => {
      const parts = posterCodeOf(app, station).split('.');
      parts[3] = '2';
      await codeRefused(parts.join('.'));
    });

    it("another station's MAC on this station's id", async () => {
      const other = await createStation(dataSource, { region: street, ...northOf(ORIGIN, 50) });
      const mine = posterCodeOf(app, station).split('.');
      const theirs = posterCodeOf(app, other).split('.');
      await codeRefused([...mine.slice(0, 4), theirs[4]].join('.'));
    });

    it('a live code two steps old', async () => {
      const code = liveCodeOf(app, station);
      at(61_000);
      expect((await codeRefused(code)).error.details.reason).toBe('expired');
    });

    it('a poster of a retired generation', async () => {
      const rotated = await createStation(dataSource, { region: street, ...ORIGIN });
      const oldPoster = posterCodeOf(app, rotated);
      await dataSource.getRepository(StationEntity).update(rotated.id, { codeVersion: 2 });
      expect((await codeRefused(oldPoster)).error.details.reason).toBe('expired');
    });

    it('an unknown station, garbage and a closed station', async () => {
      const ghost = { ...station, id: randomUUID() };
      await codeRefused(posterCodeOf(app, ghost));
      await codeRefused('https://example.com/not-a-station');
      const closed = await createStation(dataSource, {
        region: street,
        ...ORIGIN,
        status: 'closed',
      });
      expect((await codeRefused(posterCodeOf(app, closed))).error.details.reason).toBe(
        'station_closed',
      );
    });
  });

  it('accepts a live code once per worker: a replay is refused, another worker may use it', async () => {
    const [first, second] = [await newWorker(), await newWorker()];
    const code = liveCodeOf(app, station);
    expect((await checkIn(app, first.headers, { code, ...ORIGIN })).status).toBe(201);
    at(20_000);
    const replay = await checkIn(app, first.headers, { code, ...ORIGIN });
    expect(outcome(replay)).toEqual([422, 'CHECKIN_CODE_INVALID']);
    expect((replay.body as unknown as { error: { details: unknown } }).error.details).toEqual({
      reason: 'replayed',
    });
    expect((await checkIn(app, second.headers, { code, ...ORIGIN })).status).toBe(201);
  });

  it('refuses a poster scan outside the geofence, saying how far and how far is allowed', async () => {
    const worker = await newWorker();
    const response = await checkIn(app, worker.headers, {
      code: posterCodeOf(app, station),
      ...northOf(ORIGIN, 400),
      accuracy: 30,
    });
    expect(outcome(response)).toEqual([422, 'CHECKIN_TOO_FAR']);
    expect(response.text).toContain('"distanceM":400');
    expect(response.text).toContain('"allowedM":180');
    expect(await dataSource.getRepository(CheckinEntity).countBy({ userId: worker.id })).toBe(0);
  });

  it('refuses a poster scan whose fix is too inaccurate to prove anything', async () => {
    const worker = await newWorker();
    const response = await checkIn(app, worker.headers, {
      code: posterCodeOf(app, station),
      ...ORIGIN,
      accuracy: 1500,
    });
    expect(outcome(response)).toEqual([422, 'CHECKIN_LOCATION_INACCURATE']);
  });

  it('refuses the same station inside the cooldown, and counts it again after', async () => {
    const worker = await newWorker();
    const code = posterCodeOf(app, station);
    expect((await checkIn(app, worker.headers, { code, ...ORIGIN })).status).toBe(201);
    at(CHECKIN_COOLDOWN_MS - 60_000);
    const again = await checkIn(app, worker.headers, { code, ...ORIGIN });
    expect(outcome(again)).toEqual([409, 'CHECKIN_COOLDOWN']);
    expect(again.text).toContain(new Date(NOW.getTime() + CHECKIN_COOLDOWN_MS).toISOString());
    at(CHECKIN_COOLDOWN_MS);
    expect((await checkIn(app, worker.headers, { code, ...ORIGIN })).status).toBe(201);
  });

  it('flags impossible travel: recorded, no points', async () => {
    const worker = await newWorker();
    const far = await createStation(dataSource, { region: street, ...northOf(ORIGIN, 40_000) });
    expect(
      (await checkIn(app, worker.headers, { code: posterCodeOf(app, station), ...ORIGIN })).status,
    ).toBe(201);
    at(5 * 60_000);
    const response = await checkIn(app, worker.headers, {
      code: posterCodeOf(app, far),
      ...northOf(ORIGIN, 40_000),
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      pointsAwarded: 0,
      balance: 5,
      checkIn: { flags: ['impossible_travel'], pointsAwarded: 0 },
    });
  });

  it('answers a retried idempotency key with the first outcome, once', async () => {
    const worker = await newWorker();
    const body = { code: posterCodeOf(app, station), ...ORIGIN, idempotencyKey: randomUUID() };
    const first = await checkIn(app, worker.headers, body);
    at(10_000);
    const retry = await checkIn(app, worker.headers, body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.checkIn).toEqual(first.body.checkIn);
    const other = await createStation(dataSource, { region: street, ...northOf(ORIGIN, 10) });
    const misuse = await checkIn(app, worker.headers, { ...body, code: posterCodeOf(app, other) });
    expect(outcome(misuse)).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await dataSource.getRepository(CheckinEntity).countBy({ userId: worker.id })).toBe(1);
  });

  it('needs a signed-in worker who consented to location use, and a well-formed body', async () => {
    const code = posterCodeOf(app, station);
    expect(
      outcome(
        await api(app, {
          method: 'POST',
          path: '/checkins',
          body: { code, ...ORIGIN, accuracy: 10 },
        }),
      ),
    ).toEqual([401, 'UNAUTHENTICATED']);
    const user = await createUser(dataSource);
    const headers = await authOf(app, user);
    expect(outcome(await checkIn(app, headers, { code, ...ORIGIN }))).toEqual([
      403,
      'CONSENT_REQUIRED',
    ]);
    await grantConsent(dataSource, user.id);
    for (const body of [
      { code, lat: ORIGIN.lat },
      { code, ...ORIGIN, accuracy: -1 },
      { code, lat: 91, lng: 0, accuracy: 1 },
      { code, ...ORIGIN, accuracy: 1, extra: true },
      { code: '', ...ORIGIN, accuracy: 1 },
    ]) {
      const response = await api(app, { method: 'POST', path: '/checkins', headers, body });
      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await dataSource.getRepository(CheckinEntity).countBy({ userId: user.id })).toBe(0);
  });

  it('lists only your own check-ins, newest first, paged', async () => {
    const [mine, theirs] = [await newWorker(), await newWorker()];
    const stations = [
      station,
      await createStation(dataSource, { region: street, ...northOf(ORIGIN, 100) }),
      await createStation(dataSource, { region: street, ...northOf(ORIGIN, 200) }),
    ];
    for (const [index, place] of stations.entries()) {
      at(index * 60_000);
      await checkIn(app, mine.headers, {
        code: posterCodeOf(app, place),
        lat: place.lat,
        lng: place.lng,
      });
    }
    await checkIn(app, theirs.headers, { code: posterCodeOf(app, station), ...ORIGIN });
    const first = await api<Page<CheckinView>>(app, {
      path: '/checkins?limit=2',
      headers: mine.headers,
    });
    expect(first.body.items.map((item) => item.stationId)).toEqual([
      stations[2]!.id,
      stations[1]!.id,
    ]);
    const rest = await api<Page<CheckinView>>(app, {
      path: `/checkins?limit=2&cursor=${first.body.nextCursor}`,
      headers: mine.headers,
    });
    expect(rest.body.items.map((item) => item.stationId)).toEqual([station.id]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('settles points the request could not, once, whoever gets there first', async () => {
    const worker = await newWorker();
    const visit = Object.assign(new CheckinEntity(), {
      id: randomUUID(),
      userId: worker.id,
      stationId: station.id,
      regionId: street.id,
      createdAt: new Date(NOW.getTime() - 5 * 60_000),
      localDate: '2026-11-24',
      method: 'poster',
      liveStep: null,
      lat: ORIGIN.lat,
      lng: ORIGIN.lng,
      accuracyM: 10,
      distanceM: 0,
      flag: null,
      pointsAwarded: null,
      pointsCapped: false,
      idempotencyKey: null,
    } satisfies CheckinEntity);
    await dataSource.getRepository(CheckinEntity).insert(visit);
    const points = app.get(CheckinPoints);
    await Promise.all([points.sweep(NOW), points.sweep(NOW)]);
    await points.sweep(NOW);
    expect(
      await dataSource.getRepository(CheckinEntity).findOneByOrFail({ id: visit.id }),
    ).toMatchObject({
      pointsAwarded: 5,
    });
    const balance = await api<{ spendable: number }>(app, {
      path: '/points/balance',
      headers: worker.headers,
    });
    expect(balance.body).toMatchObject({ balance: 5 });
  });

  it('caps the day: the third visit of the day earns nothing but still counts', async () => {
    const worker = await newWorker();
    const responses: CheckinResponse[] = [];
    for (let index = 0; index < 3; index += 1) {
      const place = await createStation(dataSource, {
        region: street,
        ...northOf(ORIGIN, index * 300),
      });
      at(index * 10 * 60_000);
      const response = await checkIn(app, worker.headers, {
        code: posterCodeOf(app, place),
        lat: place.lat,
        lng: place.lng,
      });
      expect(response.status).toBe(201);
      responses.push(response.body);
    }
    expect(responses.map((body) => [body.pointsAwarded, body.capped])).toEqual([
      [5, false],
      [5, false],
      [0, true],
    ]);
  });

  it('exports the visits with their locations, and erasure forgets where the worker stood', async () => {
    const worker = await newWorker();
    await checkIn(app, worker.headers, {
      code: posterCodeOf(app, station),
      ...ORIGIN,
      accuracy: 12,
    });
    const exported = await api<{ checkins: Array<Record<string, unknown>> }>(app, {
      path: '/me/export',
      headers: worker.headers,
    });
    expect(exported.body.checkins).toEqual([
      expect.objectContaining({
        stationId: station.id,
        lat: ORIGIN.lat,
        lng: ORIGIN.lng,
        accuracyM: 12,
      }),
    ]);
    const erased = await api(app, { method: 'DELETE', path: '/me', headers: worker.headers });
    expect(erased.status).toBeLessThan(300);
    const row = await dataSource
      .getRepository(CheckinEntity)
      .findOneByOrFail({ userId: worker.id });
    expect(row).toMatchObject({
      lat: null,
      lng: null,
      accuracyM: null,
      distanceM: null,
      stationId: station.id,
    });
  });
});
