import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckinEntity } from '../../src/modules/checkins/checkin.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { checkIn, grantConsent, liveCodeOf, posterCodeOf } from '../support/checkin-flow';
import { createRegion, createStation, northOf } from '../support/factories';
import { outcome } from '../support/http';
import { authOf, createRule, createUser } from '../support/points';
import { ledgerCheck } from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock of this suite. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const ORIGIN = { lat: 30.55, lng: 114.25 };
const PARALLEL = 20;

/** Check-ins on real parallel MariaDB connections: caps, cooldowns and replays under races. */
describe('check-ins under concurrency (MariaDB)', () => {
  const ctx = useTestApp();
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  let street: RegionEntity;

  async function newWorker() {
    const user = await createUser(dataSource);
    await grantConsent(dataSource, user.id);
    return { ...user, headers: await authOf(app, user) };
  }

  const visitsOf = (userId: string) =>
    dataSource.getRepository(CheckinEntity).find({ where: { userId } });

  beforeAll(async () => {
    app = ctx.app;
    dataSource = ctx.dataSource;
    const city = await createRegion(dataSource, { level: 'city' });
    const district = await createRegion(dataSource, { level: 'district', parent: city });
    street = await createRegion(dataSource, { level: 'street', parent: district });
    // 3 points a visit, 20 a day: the seventh visit is cut to 2, the rest earn nothing.
    await createRule(dataSource, { region: district, kind: 'checkin', points: 3, dailyCap: 20 });
  });

  beforeEach(() => ctx.setNow(NOW));

  it(`holds the daily cap under ${PARALLEL} parallel check-ins at different stations`, async () => {
    const worker = await newWorker();
    // Stations 40 m apart: all within a walk, so no visit is impossible travel.
    const stations: StationEntity[] = [];
    for (let index = 0; index < PARALLEL; index += 1) {
      stations.push(
        await createStation(dataSource, { region: street, ...northOf(ORIGIN, index * 40) }),
      );
    }
    const responses = await Promise.all(
      stations.map((station) =>
        checkIn(app, worker.headers, {
          code: posterCodeOf(app, station),
          lat: station.lat,
          lng: station.lng,
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(PARALLEL).fill(201));
    const paid = responses.map((response) => response.body.pointsAwarded);
    expect(paid.reduce((sum, points) => sum + points, 0)).toBe(20);
    expect(paid.filter((points) => points > 0)).toHaveLength(7);
    const visits = await visitsOf(worker.id);
    expect(visits).toHaveLength(PARALLEL);
    expect(visits.reduce((sum, visit) => sum + (visit.pointsAwarded ?? 0), 0)).toBe(20);
    expect((await ledgerCheck(app)).mismatches).toEqual([]);
  });

  it('lets exactly one of parallel scans at the same station through the cooldown', async () => {
    const worker = await newWorker();
    const station = await createStation(dataSource, { region: street, ...ORIGIN });
    const code = posterCodeOf(app, station);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => checkIn(app, worker.headers, { code, ...ORIGIN })),
    );
    const outcomes = responses.map(outcome);
    expect(outcomes.filter(([status]) => status === 201)).toHaveLength(1);
    expect(outcomes.filter(([, code]) => code === 'CHECKIN_COOLDOWN')).toHaveLength(9);
    expect(await visitsOf(worker.id)).toHaveLength(1);
  });

  it('accepts a live code once when one worker sends it many times at once', async () => {
    const worker = await newWorker();
    const station = await createStation(dataSource, { region: street, ...ORIGIN });
    const code = liveCodeOf(app, station);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => checkIn(app, worker.headers, { code, ...ORIGIN })),
    );
    const outcomes = responses.map(outcome);
    expect(outcomes.filter(([status]) => status === 201)).toHaveLength(1);
    expect(outcomes.filter(([, code]) => code === 'CHECKIN_CODE_INVALID')).toHaveLength(9);
  });

  it('records one visit for parallel retries of one idempotency key', async () => {
    const worker = await newWorker();
    const station = await createStation(dataSource, { region: street, ...ORIGIN });
    const body = { code: posterCodeOf(app, station), ...ORIGIN, idempotencyKey: randomUUID() };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => checkIn(app, worker.headers, body)),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(9);
    expect(new Set(responses.map((response) => response.body.checkIn.id)).size).toBe(1);
    expect(await visitsOf(worker.id)).toHaveLength(1);
  });
});
