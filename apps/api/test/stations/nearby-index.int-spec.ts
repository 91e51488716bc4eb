import { Amenity, OpeningHours, Page, StationDetail, StationSummary } from '@yizhan/contracts';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { fromAmenityMask } from '../../src/modules/stations/amenity-mask';
import { haversineMeters, LatLng } from '../../src/modules/stations/geo';
import { NearbyStations } from '../../src/modules/stations/nearby-stations';
import { isStationOpenAt } from '../../src/modules/stations/station-open';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { createDistrict } from '../support/accounts';
import { createRegion, createStation, dailyHours, northOf } from '../support/factories';
import { api } from '../support/http';
import { tokenFor } from '../support/rewards';
import { getJson, useTestApp } from '../support/test-app';

/** Monday 2026-11-23 10:00 in Beijing (08:00 in Urumqi). */
const NOW = new Date('2026-11-23T10:00:00+08:00');
const BEIJING = { lat: 39.9, lng: 116.3 };
const CLOSED: OpeningHours = { weekly: [], exceptions: [] };
const HOURS = [
  dailyHours('00:00', '00:00'),
  dailyHours('09:00', '17:00'),
  dailyHours('20:00', '06:00'),
  CLOSED,
];
const AMENITY_CHOICES: Amenity[] = ['seating', 'water', 'toilet', 'battery_swap'];

/** Deterministic numbers in [0, 1) (mulberry32), so a failure replays. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface NearbyQuery {
  at: LatLng;
  radius?: number;
  amenities?: Amenity[];
  region?: RegionEntity;
  openNow?: boolean;
  limit: number;
}

type StationPage = Page<StationSummary>;

describe(`${NearbyStations.name}: nearby search on the in-memory index (integration)`, () => {
  const ctx = useTestApp();
  const random = randomSource(8);
  let district: RegionEntity;
  let streets: RegionEntity[] = [];

  beforeAll(async () => {
    ctx.setNow(NOW);
    const city = await createRegion(ctx.dataSource, { level: 'city' });
    district = await createRegion(ctx.dataSource, { level: 'district', parent: city });
    streets = [
      await createRegion(ctx.dataSource, { parent: district }),
      await createRegion(ctx.dataSource, { parent: district, timeZone: 'Asia/Urumqi' }),
      await createRegion(ctx.dataSource, { parent: city }),
    ];
    let previous: LatLng = BEIJING;
    for (let n = 0; n < 300; n++) {
      // Every 20th station shares the previous one's spot: equal distances, ranked by id.
      const spot =
        n % 20 === 19
          ? previous
          : {
              lat: BEIJING.lat + (random() - 0.5) * 0.04,
              lng: BEIJING.lng + (random() - 0.5) * 0.05,
            };
      previous = spot;
      await createStation(ctx.dataSource, {
        region: pick(streets),
        ...spot,
        status: random() < 0.15 ? 'temporarily_closed' : 'open',
        amenities: AMENITY_CHOICES.filter(() => random() < 0.5),
        openingHours: pick(HOURS),
      });
    }
  });

  function pick<T>(choices: T[]): T {
    return choices[Math.floor(random() * choices.length)] as T;
  }

  const urlOf = (query: NearbyQuery, cursor?: string) => {
    const params = new URLSearchParams({
      lat: String(query.at.lat),
      lng: String(query.at.lng),
      limit: String(query.limit),
    });
    if (query.radius !== undefined) params.set('radius', String(query.radius));
    if (query.amenities?.length) params.set('amenities', query.amenities.join(','));
    if (query.region) params.set('regionId', query.region.id);
    if (query.openNow) params.set('openNow', 'true');
    if (cursor) params.set('cursor', cursor);
    return `/api/v1/stations?${params.toString()}`;
  };

  /** Every page of the query, in order, as the API answers it. */
  async function walk(query: NearbyQuery): Promise<StationSummary[]> {
    const seen: StationSummary[] = [];
    let cursor: string | undefined;
    do {
      const { status, body } = await getJson<StationPage>(ctx.app, urlOf(query, cursor));
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(query.limit);
      if (body.nextCursor) expect(body.items).toHaveLength(query.limit);
      seen.push(...body.items);
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  /** The answer by a scan of every row: filters, exact radius, (distance, id) order. */
  async function scan(query: NearbyQuery) {
    const rows = await ctx.dataSource
      .getRepository(StationEntity)
      .find({ relations: { region: true } });
    return rows
      .filter((row) => (query.amenities ?? []).every((amenity) => hasAmenity(row, amenity)))
      .filter((row) => !query.region || row.region?.path.startsWith(query.region.path))
      .filter((row) => !query.openNow || isStationOpenAt(row, NOW))
      .map((row) => ({ row, distanceM: Math.round(haversineMeters(query.at, row)) }))
      .filter(({ distanceM }) => distanceM <= (query.radius ?? 20_000))
      .sort((a, b) => a.distanceM - b.distanceM || (a.row.id < b.row.id ? -1 : 1));
  }

  function hasAmenity(row: StationEntity, amenity: Amenity): boolean {
    return fromAmenityMask(row.amenityMask).includes(amenity);
  }

  it('pages through the same stations as a full scan (filters, radius, cursors, openNow, ties)', async () => {
    const queries: NearbyQuery[] = [
      { at: BEIJING, limit: 7 },
      { at: BEIJING, limit: 10, radius: 20_000, openNow: true },
      ...Array.from({ length: 14 }, () => ({
        at: {
          lat: Number((BEIJING.lat + (random() - 0.5) * 0.08).toFixed(6)),
          lng: Number((BEIJING.lng + (random() - 0.5) * 0.1).toFixed(6)),
        },
        limit: pick([1, 4, 10, 30]),
        radius: pick([undefined, 200, 900, 2_500]),
        amenities: random() < 0.4 ? AMENITY_CHOICES.filter(() => random() < 0.4) : undefined,
        region: random() < 0.3 ? pick([district, ...streets]) : undefined,
        openNow: random() < 0.4,
      })),
    ];
    for (const query of queries) {
      const expected = await scan(query);
      const walked = await walk(query);
      expect(walked.map(({ id, distanceM }) => ({ id, distanceM }))).toEqual(
        expected.map(({ row, distanceM }) => ({ id: row.id, distanceM })),
      );
      walked.forEach((item, n) => {
        const row = expected[n]?.row;
        expect(item).toMatchObject({
          name: row?.name,
          address: row?.address,
          status: row?.status,
          openNow: row ? isStationOpenAt(row, NOW) : null,
        });
      });
    }
  });

  describe('writes show on the next request', () => {
    const FAR = { lat: 39.5, lng: 115.8 };
    const nearestIds = async (at: LatLng, extra = '') => {
      const { body } = await getJson<StationPage>(
        ctx.app,
        `/api/v1/stations?lat=${at.lat}&lng=${at.lng}&limit=3${extra}`,
      );
      return body.items.map((item) => item.id);
    };

    it('a station created, moved and closed through the API', async () => {
      const liuyang = await createDistrict(ctx.app, 'nearby-writes', FAR);
      const admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
      const spot = northOf(FAR, 5_000);
      await nearestIds(spot); // the index is loaded before the write

      const created = await api<StationDetail>(ctx.app, {
        method: 'POST',
        path: '/stations',
        token: admin,
        body: {
          regionId: liuyang.street.id,
          name: '新站',
          brand: '驿站',
          address: '某路 1 号',
          ...spot,
          openingHours: dailyHours('00:00', '00:00'),
        },
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await nearestIds(spot))[0]).toBe(id);

      const patch = (body: object) =>
        api<StationDetail>(ctx.app, {
          method: 'PATCH',
          path: `/stations/${id}`,
          token: admin,
          body,
        });
      const moved = northOf(FAR, 9_000);
      expect((await patch(moved)).status).toBe(200);
      expect(await nearestIds(spot, '&radius=1000')).not.toContain(id);
      expect((await nearestIds(moved))[0]).toBe(id);

      expect((await patch({ status: 'temporarily_closed' })).status).toBe(200);
      expect(await nearestIds(moved, '&openNow=true')).not.toContain(id);
      const [first] = (
        await getJson<StationPage>(ctx.app, `/api/v1/stations?lat=${moved.lat}&lng=${moved.lng}`)
      ).body.items;
      expect(first).toMatchObject({ id, status: 'temporarily_closed', openNow: false });
    });

    it('rows inserted, changed and deleted directly in the database (another process)', async () => {
      const spot = northOf(FAR, -7_000);
      await nearestIds(spot);
      const inserted = await createStation(ctx.dataSource, { region: streets[0]!, ...spot });
      expect((await nearestIds(spot))[0]).toBe(inserted.id);

      // Moved away without touching updated_at: the database stamps the write itself.
      const elsewhere = northOf(FAR, -12_000);
      await ctx.dataSource.query('UPDATE station SET lat = ?, lng = ? WHERE id = ?', [
        elsewhere.lat,
        elsewhere.lng,
        inserted.id,
      ]);
      expect(await nearestIds(spot, '&radius=2000')).not.toContain(inserted.id);
      expect((await nearestIds(elsewhere))[0]).toBe(inserted.id);

      await ctx.dataSource.query('UPDATE station SET name = ? WHERE id = ?', ['改名', inserted.id]);
      const { body } = await getJson<StationPage>(
        ctx.app,
        `/api/v1/stations?lat=${elsewhere.lat}&lng=${elsewhere.lng}&limit=1`,
      );
      expect(body.items[0]).toMatchObject({ id: inserted.id, name: '改名' });

      await ctx.dataSource.query('DELETE FROM station WHERE id = ?', [inserted.id]);
      expect(await nearestIds(elsewhere)).not.toContain(inserted.id);
      expect(await nearestIds(elsewhere, '&radius=50000')).not.toContain(inserted.id);
    });
  });
});
