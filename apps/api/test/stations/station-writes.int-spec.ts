import { StationDetail } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { StationAdminService } from '../../src/modules/stations/station-admin.service';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { createDistrict, createUser, District } from '../support/accounts';
import { createRegion, createStation, dailyHours } from '../support/factories';
import { api, outcome } from '../support/http';
import { counterStaff, tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock of this suite. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const LIUYANG = { lat: 28.16, lng: 113.64 };
const HANYANG = { lat: 30.55, lng: 114.25 };

describe(`${StationAdminService.name}: POST and PATCH /stations (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  let community: RegionEntity;
  let admin = '';
  let hanyangAdmin = '';
  let worker = '';
  let staff: Record<'handler' | 'merchant_staff' | 'station_manager', string>;

  beforeAll(async () => {
    ctx.setNow(NOW);
    liuyang = await createDistrict(ctx.app, 'liuyang', LIUYANG);
    hanyang = await createDistrict(ctx.app, 'hanyang', HANYANG);
    // Before any request: the API caches region subtrees for a while.
    community = await createRegion(ctx.dataSource, { level: 'community', parent: liuyang.street });
    admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
    hanyangAdmin = await tokenFor(ctx.app, hanyang.staff.district_admin);
    worker = await tokenFor(ctx.app, await createUser(ctx.app));
    staff = {
      handler: await tokenFor(ctx.app, liuyang.staff.handler),
      merchant_staff: await tokenFor(ctx.app, liuyang.staff.merchant_staff),
      station_manager: await tokenFor(ctx.app, liuyang.staff.station_manager),
    };
  });

  const post = (token: string | undefined, body: unknown) =>
    api<StationDetail>(ctx.app, { method: 'POST', path: '/stations', token, body });
  const patch = (token: string, id: string, body: unknown) =>
    api<StationDetail>(ctx.app, { method: 'PATCH', path: `/stations/${id}`, token, body });
  const stations = () => ctx.dataSource.getRepository(StationEntity);
  const rowOf = (id: string) => stations().findOneByOrFail({ id });
  const auditOf = (action: string, targetId: string) =>
    ctx.dataSource.getRepository(AuditEntryEntity).find({ where: { action, targetId } });
  const newStation = (input: Partial<Parameters<typeof createStation>[1]> = {}) =>
    createStation(ctx.dataSource, { region: liuyang.street, ...LIUYANG, ...input });
  const managerOf = (station: StationEntity) => counterStaff(ctx.app, { station });

  const minimal = () => ({
    regionId: community.id,
    name: '  新开驿站 ',
    brand: ' 奔跑者红色驿站',
    address: '\t浏阳市淮川街道某路 1 号  ',
    lat: 28.161234,
    lng: 113.641234,
  });

  describe('POST /stations', () => {
    it('opens a station in a community of the admin’s district with trimmed texts and defaults, audited', async () => {
      const response = await post(admin, minimal());

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        regionId: community.id,
        name: '新开驿站',
        brand: '奔跑者红色驿站',
        address: '浏阳市淮川街道某路 1 号',
        lat: 28.161234,
        lng: 113.641234,
        status: 'open',
        amenities: [],
        openingHours: { weekly: [], exceptions: [] },
        openNow: false,
        phone: null,
        managerName: null,
        services: [],
        hotlines: [],
        description: null,
        geofenceRadiusM: 150,
        timeZone: 'Asia/Shanghai',
      });
      expect(await rowOf(response.body.id)).toMatchObject({ codeVersion: 1, name: '新开驿站' });
      const [audit] = await auditOf('station.create', response.body.id);
      expect(audit).toMatchObject({
        actorId: liuyang.staff.district_admin.id,
        actorRole: 'district_admin',
        regionId: community.id,
        before: null,
        after: expect.objectContaining({ name: '新开驿站', status: 'open' }),
      });
      const read = await api<StationDetail>(ctx.app, { path: `/stations/${response.body.id}` });
      expect(read.body).toEqual(response.body);
    });

    it('stores hours (a whole day as open = close), hotlines and services as sent, normalised', async () => {
      const response = await post(admin, {
        ...minimal(),
        status: 'temporarily_closed',
        amenities: ['water', 'seating', 'water'],
        openingHours: {
          weekly: [
            { day: 2, open: '00:00', close: '00:00' },
            { day: 1, open: '18:00', close: '06:00' },
          ],
          exceptions: [
            { date: '2026-12-01', closed: false, intervals: [{ open: '09:00', close: '12:00' }] },
            { date: '2026-10-01', closed: true, note: ' 国庆节闭站 ' },
          ],
        },
        phone: '0731-83611001',
        managerName: ' 刘敏 ',
        services: [' 积分兑换 ', '法律服务'],
        hotlines: [
          { name: ' 报警 ', phone: '110' },
          { name: '职工维权服务热线', phone: '12351' },
        ],
        description: '   ',
        geofenceRadiusM: 300,
      });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'temporarily_closed',
        amenities: ['seating', 'water'],
        openingHours: {
          weekly: [
            { day: 1, open: '18:00', close: '06:00' },
            { day: 2, open: '00:00', close: '00:00' },
          ],
          exceptions: [
            { date: '2026-10-01', closed: true, note: '国庆节闭站' },
            { date: '2026-12-01', closed: false, intervals: [{ open: '09:00', close: '12:00' }] },
          ],
        },
        managerName: '刘敏',
        services: ['积分兑换', '法律服务'],
        hotlines: [
          { name: '报警', phone: '110' },
          { name: '职工维权服务热线', phone: '12351' },
        ],
        description: null,
        geofenceRadiusM: 300,
      });
    });

    it.each<[string, () => Record<string, unknown>]>([
      ['a region of another district', () => ({ regionId: hanyang.street.id })],
      ['the other district itself', () => ({ regionId: hanyang.district.id })],
      ['the city above the admin’s district', () => ({ regionId: liuyang.city.id })],
      ['a region that does not exist', () => ({ regionId: randomUUID() })],
    ])('answers 404 for %s, as if it did not exist, and creates nothing', async (_, region) => {
      const before = await stations().count();

      const response = await post(admin, { ...minimal(), ...region() });

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
      expect(await stations().count()).toBe(before);
    });

    it('lets the other district’s admin open one in their own district only', async () => {
      const own = await post(hanyangAdmin, { ...minimal(), regionId: hanyang.street.id });
      const foreign = await post(hanyangAdmin, minimal());

      expect(own.status).toBe(201);
      expect(outcome(foreign)).toEqual([404, 'NOT_FOUND']);
    });

    it.each(['worker', 'handler', 'merchant_staff', 'station_manager'] as const)(
      'refuses a %s with 403 and creates nothing',
      async (role) => {
        const before = await stations().count();

        const response = await post(role === 'worker' ? worker : staff[role], minimal());

        expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
        expect(await stations().count()).toBe(before);
      },
    );

    it('refuses a caller without a token with 401', async () => {
      expect(outcome(await post(undefined, minimal()))).toEqual([401, 'UNAUTHENTICATED']);
    });

    it.each<[string, () => Record<string, unknown>, string[]]>([
      ['an unknown field', () => ({ codeVersion: 7 }), ['codeVersion']],
      ['a blank name', () => ({ name: ' \t ' }), ['name']],
      ['a latitude off the globe', () => ({ lat: 91 }), ['lat']],
      ['a geofence past its maximum', () => ({ geofenceRadiusM: 5_000 }), ['geofenceRadiusM']],
      [
        'the same exception date twice',
        () => ({
          openingHours: {
            weekly: [],
            exceptions: [
              { date: '2026-10-01', closed: true },
              { date: '2026-10-01', closed: false, intervals: [{ open: '09:00', close: '12:00' }] },
            ],
          },
        }),
        ['openingHours.exceptions.1.date'],
      ],
      [
        'a date the calendar does not have',
        () => ({
          openingHours: { weekly: [], exceptions: [{ date: '2026-02-30', closed: true }] },
        }),
        ['openingHours.exceptions.0.date'],
      ],
      [
        'a closed day with opening intervals',
        () => ({
          openingHours: {
            weekly: [],
            exceptions: [
              { date: '2026-10-01', closed: true, intervals: [{ open: '09:00', close: '12:00' }] },
            ],
          },
        }),
        ['openingHours.exceptions.0.intervals'],
      ],
      [
        'a weekly time that is not HH:mm',
        () => ({
          openingHours: { weekly: [{ day: 1, open: '8:00', close: '22:00' }], exceptions: [] },
        }),
        ['openingHours.weekly.0.open'],
      ],
      [
        'the same hotline name twice',
        () => ({
          hotlines: [
            { name: '报警', phone: '110' },
            { name: ' 报警', phone: '027-110' },
          ],
        }),
        ['hotlines.1.name'],
      ],
      [
        'a hotline without digits',
        () => ({ hotlines: [{ name: '报警', phone: '   ' }] }),
        ['hotlines.0.phone'],
      ],
      [
        'an unknown field in a hotline',
        () => ({ hotlines: [{ name: '报警', phone: '110', x: 1 }] }),
        ['hotlines.0.x'],
      ],
    ])('refuses %s with 400 naming the field, and creates nothing', async (_, change, fields) => {
      const before = await stations().count();

      const response = await post(admin, { ...minimal(), ...change() });

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      const details = (response.body as unknown as { error: { details: Array<{ field: string }> } })
        .error.details;
      expect(details.map((violation) => violation.field)).toEqual(fields);
      expect(await stations().count()).toBe(before);
    });
  });

  describe('PATCH /stations/:id', () => {
    it('lets the region’s admin change any field, auditing only what changed', async () => {
      const station = await newStation({ name: '旧名' });

      const response = await patch(admin, station.id, {
        name: ' 新名 ',
        lat: 28.17,
        lng: 113.65,
        openingHours: dailyHours('08:00', '22:00'),
        hotlines: [{ name: '急救', phone: '120' }],
        phone: null,
        status: 'open',
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: '新名',
        lat: 28.17,
        lng: 113.65,
        hotlines: [{ name: '急救', phone: '120' }],
        openNow: true,
        status: 'open',
      });
      expect(await rowOf(station.id)).toMatchObject({ name: '新名', lat: 28.17, codeVersion: 1 });
      const [audit] = await auditOf('station.update', station.id);
      expect(audit?.before).toEqual({
        name: '旧名',
        lat: LIUYANG.lat,
        lng: LIUYANG.lng,
        openingHours: dailyHours('00:00', '00:00'),
        hotlines: [],
      });
      expect(audit?.after).toEqual({
        name: '新名',
        lat: 28.17,
        lng: 113.65,
        openingHours: dailyHours('08:00', '22:00'),
        hotlines: [{ name: '急救', phone: '120' }],
      });
    });

    it('writes and audits nothing when the fields sent are what is stored', async () => {
      const station = await newStation({ name: '不变站', status: 'open' });
      const stored = await rowOf(station.id);

      const response = await patch(admin, station.id, { name: '不变站 ', status: 'open' });

      expect(response.status).toBe(200);
      expect(await auditOf('station.update', station.id)).toEqual([]);
      expect(await rowOf(station.id)).toEqual(stored);
    });

    it('lets a station’s manager switch its status and amenities', async () => {
      const station = await newStation({ amenities: ['water'] });
      const manager = await managerOf(station);

      const response = await patch(manager, station.id, {
        status: 'temporarily_closed',
        amenities: ['water', 'battery_swap'],
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'temporarily_closed',
        amenities: ['water', 'battery_swap'],
        openNow: false,
      });
      const [audit] = await auditOf('station.update', station.id);
      expect(audit).toMatchObject({
        actorRole: 'station_manager',
        before: { status: 'open', amenities: ['water'] },
        after: { status: 'temporarily_closed', amenities: ['water', 'battery_swap'] },
      });
    });

    it('refuses a manager any other field with 403 naming the fields, and changes nothing', async () => {
      const station = await newStation({ name: '站长的站' });
      const manager = await managerOf(station);

      const response = await patch(manager, station.id, {
        status: 'closed',
        name: '改名',
        lat: 28.2,
        geofenceRadiusM: 1_000,
      });

      expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
      const details = (response.body as unknown as { error: { details: { fields: string[] } } })
        .error.details;
      expect(details.fields).toEqual(['geofenceRadiusM', 'lat', 'name']);
      expect(await rowOf(station.id)).toMatchObject({ name: '站长的站', status: 'open' });
      expect(await auditOf('station.update', station.id)).toEqual([]);
    });

    it('answers 404 to a manager of another station and to another district’s admin, changing nothing', async () => {
      const station = await newStation({ name: '别人的站' });
      const otherManager = await managerOf(await newStation());

      const byManager = await patch(otherManager, station.id, { status: 'closed' });
      const byForeignAdmin = await patch(hanyangAdmin, station.id, { name: '抢来的站' });
      const foreignFromHere = await patch(admin, hanyang.station.id, { status: 'closed' });

      expect(outcome(byManager)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(byForeignAdmin)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(foreignFromHere)).toEqual([404, 'NOT_FOUND']);
      expect(await rowOf(station.id)).toMatchObject({ name: '别人的站', status: 'open' });
      expect(await rowOf(hanyang.station.id)).toMatchObject({ status: 'open' });
    });

    it.each(['worker', 'handler', 'merchant_staff'] as const)(
      'refuses a %s with 403',
      async (role) => {
        const station = await newStation();

        const response = await patch(role === 'worker' ? worker : staff[role], station.id, {
          status: 'closed',
        });

        expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
        expect(await rowOf(station.id)).toMatchObject({ status: 'open' });
      },
    );

    it('answers 404 for an unknown or malformed id', async () => {
      expect(outcome(await patch(admin, randomUUID(), { status: 'closed' }))).toEqual([
        404,
        'NOT_FOUND',
      ]);
      expect(outcome(await patch(admin, 'station-1', { status: 'closed' }))).toEqual([
        404,
        'NOT_FOUND',
      ]);
    });

    it.each<[string, Record<string, unknown>]>([
      ['an unknown field', { regionId: randomUUID() }],
      ['the code generation', { codeVersion: 9 }],
      [
        'duplicate exception dates',
        {
          openingHours: {
            weekly: [{ day: 1, open: '09:00', close: '09:00' }],
            exceptions: [
              { date: '2026-12-24', closed: true },
              { date: '2026-12-24', closed: true },
            ],
          },
        },
      ],
      [
        'duplicate hotline names',
        {
          hotlines: [
            { name: '法律服务热线', phone: '12348' },
            { name: '法律服务热线', phone: '12348' },
          ],
        },
      ],
      ['an empty name', { name: '' }],
      ['an unknown status', { status: 'gone' }],
    ])('refuses %s with 400 and changes nothing', async (_, body) => {
      const station = await newStation({ name: '原样站' });

      const response = await patch(admin, station.id, { ...body, description: '不应写入' });

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      expect(await rowOf(station.id)).toMatchObject({
        name: '原样站',
        description: null,
        hotlines: [],
        openingHours: dailyHours('00:00', '00:00'),
      });
      expect(await auditOf('station.update', station.id)).toEqual([]);
    });

    it('checks a station manager’s fields before the hours rules (403 wins over 400)', async () => {
      const station = await newStation();
      const manager = await managerOf(station);

      const response = await patch(manager, station.id, {
        hotlines: [
          { name: '报警', phone: '110' },
          { name: '报警', phone: '110' },
        ],
      });

      expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
    });
  });
});
