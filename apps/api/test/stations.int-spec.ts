import { ErrorEnvelope, Page, StationDetail, StationSummary } from '@yizhan/contracts';
import { RegionEntity } from '../src/modules/regions/region.entity';
import { encodeStationCursor } from '../src/modules/stations/station-cursor';
import { StationEntity } from '../src/modules/stations/station.entity';
import { StationsController } from '../src/modules/stations/stations.controller';
import { createRegion, createStation, dailyHours, northOf } from './support/factories';
import { getJson, useTestApp } from './support/test-app';

const ORIGIN = { lat: 28.16, lng: 113.64 };
/** Monday 2026-11-23 10:00 in Beijing. */
const MONDAY_10AM = new Date('2026-11-23T10:00:00+08:00');

type StationPage = Page<StationSummary>;

describe(`${StationsController.name} (integration)`, () => {
  const ctx = useTestApp();
  let streetA: RegionEntity;
  let streetB: RegionEntity;
  /** Stations by the metres north of ORIGIN they were placed at. */
  const placed = new Map<number, StationEntity>();

  beforeAll(async () => {
    ctx.setNow(MONDAY_10AM);
    const city = await createRegion(ctx.dataSource, { level: 'city' });
    const district = await createRegion(ctx.dataSource, { level: 'district', parent: city });
    streetA = await createRegion(ctx.dataSource, { level: 'street', parent: district });
    streetB = await createRegion(ctx.dataSource, { level: 'street', parent: district });
    const plan: Array<[number, Partial<Parameters<typeof createStation>[1]>]> = [
      [100, { name: '丙站', region: streetA, amenities: ['seating', 'battery_swap'] }],
      [500, { name: '甲站', region: streetA, openingHours: dailyHours('14:00', '22:00') }],
      [1_000, { name: '乙站', region: streetB, amenities: ['shower', 'battery_swap', 'water'] }],
      [1_500, { name: 'Alpha 驿站', region: streetB, status: 'temporarily_closed' }],
      [2_000, { name: 'alpha 夜站', region: streetB, openingHours: dailyHours('20:00', '06:00') }],
      [3_000, { name: '丁站', region: streetA, address: '浏阳河中路 100% 号' }],
      [25_000, { name: '远站', region: streetB }],
    ];
    for (const [metres, input] of plan) {
      const point = northOf(ORIGIN, metres);
      placed.set(
        metres,
        await createStation(ctx.dataSource, { region: streetA, ...input, ...point }),
      );
    }
  });

  const list = (query: string) => getJson<StationPage>(ctx.app, `/api/v1/stations?${query}`);
  const idsAt = (...metres: number[]) => metres.map((m) => placed.get(m)?.id);

  it('lists stations nearest first within the default 20 km, with distance and travel times', async () => {
    const { status, body } = await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}`);

    expect(status).toBe(200);
    expect(body.items.map((item) => item.id)).toEqual(idsAt(100, 500, 1_000, 1_500, 2_000, 3_000));
    expect(body.nextCursor).toBeNull();
    for (const item of body.items) {
      const planned = [...placed].find(([, station]) => station.id === item.id)?.[0] ?? -1;
      expect(Math.abs((item.distanceM ?? -1) - planned)).toBeLessThanOrEqual(2);
      expect(Number.isInteger(item.distanceM)).toBe(true);
    }
    expect(body.items[2]).toMatchObject({ distanceM: 1_000, walkMinutes: 14, rideMinutes: 4 });
  });

  it('honours the radius', async () => {
    const near = await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=1200`);
    const far = await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=30000`);

    expect(near.body.items.map((item) => item.id)).toEqual(idsAt(100, 500, 1_000));
    expect(far.body.items.map((item) => item.id)).toContain(placed.get(25_000)?.id);
  });

  it('keeps only stations with all the requested amenities', async () => {
    const { body } = await list(
      `lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&amenities=battery_swap,shower`,
    );
    const swapOnly = await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&amenities=battery_swap`);

    expect(body.items.map((item) => item.id)).toEqual(idsAt(1_000));
    expect(body.items[0].amenities).toEqual(['water', 'shower', 'battery_swap']);
    expect(swapOnly.body.items.map((item) => item.id)).toEqual(idsAt(100, 1_000));
  });

  it('reports openNow from status and hours on the region clock, and filters by it', async () => {
    const all = await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}`);
    const open = await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&openNow=true`);

    const openById = new Map(all.body.items.map((item) => [item.id, item.openNow]));
    expect(openById.get(placed.get(500)?.id ?? '')).toBe(false); // opens at 14:00
    expect(openById.get(placed.get(1_500)?.id ?? '')).toBe(false); // temporarily closed
    expect(openById.get(placed.get(2_000)?.id ?? '')).toBe(false); // night station
    expect(open.body.items.map((item) => item.id)).toEqual(idsAt(100, 1_000, 3_000));
    expect(open.body.items.every((item) => item.openNow)).toBe(true);
  });

  it('walks every distance page without gaps or repeats, openNow included', async () => {
    for (const extra of ['', '&openNow=true']) {
      const expected = (await list(`lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=30000${extra}`)).body
        .items;
      const seen = await walkPages(
        `lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=30000${extra}&limit=2`,
      );

      expect(seen).toEqual(expected.map((item) => item.id));
    }
  });

  it('lists by name then id without lat/lng and walks those pages exactly', async () => {
    const { body } = await list('limit=100');
    const names = body.items.map((item) => item.name);

    expect(body.items).toHaveLength(placed.size);
    expect(body.items.every((item) => item.distanceM === undefined)).toBe(true);
    // The database's collation decides the order; both pages and the full list must agree.
    expect(await walkPages('limit=2')).toEqual(body.items.map((item) => item.id));
    expect(await walkPages('limit=1&openNow=true')).toEqual(
      body.items.filter((item) => item.openNow).map((item) => item.id),
    );
    expect(names).toContain('甲站');
  });

  it('filters by region subtree and by text in the name or address', async () => {
    const inB = await list(`regionId=${streetB.id}&limit=100`);
    const byText = await list(`q=${encodeURIComponent('100%')}`);
    const unknownRegion = await list('regionId=00000000-0000-4000-8000-000000000000');

    expect(new Set(inB.body.items.map((item) => item.regionId))).toEqual(new Set([streetB.id]));
    expect(inB.body.items).toHaveLength(4);
    expect(byText.body.items.map((item) => item.id)).toEqual(idsAt(3_000));
    expect(unknownRegion.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a name cursor on a distance list', encodeStationCursor({ kind: 'name', name: 'x', id: 'y' })],
  ])('rejects %s with 400 VALIDATION_FAILED on cursor', async (_label, cursor) => {
    const { status, body } = await getJson<ErrorEnvelope>(
      ctx.app,
      `/api/v1/stations?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&cursor=${encodeURIComponent(cursor)}`,
    );

    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([{ field: 'cursor', constraints: ['isStationCursor'] }]);
  });

  it('returns the detail of a station', async () => {
    const station = placed.get(1_000);
    const { status, body } = await getJson<StationDetail>(
      ctx.app,
      `/api/v1/stations/${station?.id}`,
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: station?.id,
      name: '乙站',
      regionId: streetB.id,
      status: 'open',
      openNow: true,
      timeZone: 'Asia/Shanghai',
      openingHours: { weekly: expect.any(Array), exceptions: [] },
      services: [],
      hotlines: [],
      phone: null,
    });
    expect(body.lat).toBeCloseTo(station?.lat ?? 0, 6);
    expect(body.distanceM).toBeUndefined();
  });

  it('finds an id given in upper case', async () => {
    const id = placed.get(100)?.id ?? '';

    expect(
      (await getJson<StationDetail>(ctx.app, `/api/v1/stations/${id.toUpperCase()}`)).status,
    ).toBe(200);
  });

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000'],
    ['a malformed id', 'not-a-uuid'],
    ['an injection attempt', "1' OR '1'='1"],
  ])('answers %s with 404 NOT_FOUND', async (_label, id) => {
    const { status, body } = await getJson<ErrorEnvelope>(
      ctx.app,
      `/api/v1/stations/${encodeURIComponent(id)}`,
    );

    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  async function walkPages(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body } = await list(`${query}${suffix}`);
      expect(status).toBe(200);
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('pagination did not end');
  }
});
