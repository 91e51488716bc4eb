import { Page, RewardSummary, StationDetail, StationSummary } from '@yizhan/contracts';
import { RewardEntity } from '../src/modules/rewards/reward.entity';
import { RegionEntity } from '../src/modules/regions/region.entity';
import { StationEntity } from '../src/modules/stations/station.entity';
import { rewardIdOf, seedDemo, stationIdOf } from '../src/cli/seed/demo-seed';
import { DEMO_REWARDS, DEMO_RULES } from '../src/cli/seed/demo/demo-rewards';
import { DEMO_STATIONS } from '../src/cli/seed/demo/demo-stations';
import { authOf, createUser } from './support/points';
import { getJson, useTestApp } from './support/test-app';

describe(`${seedDemo.name} (integration)`, () => {
  const ctx = useTestApp();

  beforeAll(async () => {
    // 10:00 on a Monday in Beijing: the daytime demo stations are open.
    ctx.setNow(new Date('2026-11-23T10:00:00+08:00'));
  });

  it('is idempotent: a second run creates and changes nothing', async () => {
    const first = await seedDemo(ctx.dataSource);
    const countsAfterFirst = await counts();
    const stamps = await updatedAtOf();
    const second = await seedDemo(ctx.dataSource);

    expect(first.regions).toMatchObject({ updated: 0, unchanged: 0 });
    expect(first.stations).toEqual({ created: DEMO_STATIONS.length, updated: 0, unchanged: 0 });
    expect(second.regions).toEqual({ created: 0, updated: 0, unchanged: first.regions.created });
    expect(second.stations).toEqual({ created: 0, updated: 0, unchanged: DEMO_STATIONS.length });
    expect(await counts()).toEqual(countsAfterFirst);
    expect(await updatedAtOf()).toEqual(stamps);
  });

  it('lists Liuyang demo stations nearest first around 28.16,113.64 (the acceptance check)', async () => {
    const { status, body } = await getJson<Page<StationSummary>>(
      ctx.app,
      '/api/v1/stations?lat=28.16&lng=113.64',
    );

    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(6);
    expect(body.items[0].name).toContain('才常广场');
    const distances = body.items.map((item) => item.distanceM ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(body.items.every((item) => item.brand === '奔跑者红色驿站')).toBe(true);
    expect(Math.max(...distances)).toBeLessThan(5_000);
  });

  it('finds the battery-swap cabinet at Chaoyang and the shower at Jiangang', async () => {
    const swap = await getJson<Page<StationSummary>>(
      ctx.app,
      '/api/v1/stations?lat=28.16&lng=113.64&amenities=battery_swap',
    );
    const shower = await getJson<Page<StationSummary>>(
      ctx.app,
      '/api/v1/stations?lat=30.55&lng=114.25&amenities=shower,drying_room',
    );

    expect(swap.body.items.map((item) => item.name)).toEqual([expect.stringContaining('朝阳社区')]);
    expect(shower.body.items.map((item) => item.name)).toEqual([
      expect.stringContaining('建港社区'),
    ]);
  });

  it('serves a Hanyang station with its manager and the seven hotlines', async () => {
    const id = stationIdOf('hanyang/fangcao-community');
    const { body } = await getJson<StationDetail>(ctx.app, `/api/v1/stations/${id}`);

    expect(body).toMatchObject({ managerName: '肖万利', brand: '阳小驿', openNow: true });
    expect(body.hotlines.map((hotline) => hotline.phone)).toEqual([
      '110',
      '119',
      '120',
      '12345',
      '12351',
      '12333',
      '12348',
    ]);
    expect(body.services).toEqual(expect.arrayContaining(['子女就近就便入学服务', '积分兑换']));
  });

  it('gives every demo station its hotlines and services', async () => {
    await seedDemo(ctx.dataSource);
    const stations = await ctx.dataSource.getRepository(StationEntity).find();

    for (const station of stations) {
      expect([station.name, station.hotlines.length > 0, station.services.length > 0]).toEqual([
        station.name,
        true,
        true,
      ]);
    }
  });

  it('leaves stations edited after seeding as they are', async () => {
    await seedDemo(ctx.dataSource);
    const id = stationIdOf('liuyang/caichang-square');
    const repository = ctx.dataSource.getRepository(StationEntity);
    const seeded = await repository.findOneByOrFail({ id });
    await repository.update({ id }, { status: 'temporarily_closed', name: '才常广场驿站（改）' });

    const again = await seedDemo(ctx.dataSource);

    expect(again.stations).toEqual({ created: 0, updated: 0, unchanged: DEMO_STATIONS.length });
    expect(await repository.findOneByOrFail({ id })).toMatchObject({
      status: 'temporarily_closed',
      name: '才常广场驿站（改）',
    });
    await repository.update({ id }, { status: seeded.status, name: seeded.name });
  });

  it('creates the demo rewards and earning rules once and leaves later edits alone', async () => {
    await seedDemo(ctx.dataSource);
    const lunch = rewardIdOf('liuyang/steamed-dishes-lunch');
    await ctx.dataSource.getRepository(RewardEntity).update({ id: lunch }, { stock: 3 });

    const again = await seedDemo(ctx.dataSource);

    expect(again.rewards).toEqual({ created: 0, updated: 0, unchanged: DEMO_REWARDS.length });
    expect(again['earning rules']).toEqual({
      created: 0,
      updated: 0,
      unchanged: DEMO_RULES.length,
    });
    expect(
      await ctx.dataSource.getRepository(RewardEntity).findOneByOrFail({ id: lunch }),
    ).toMatchObject({
      stock: 3,
    });
  });

  it('offers a rider near Caichang square the demo meal, nearest first', async () => {
    await seedDemo(ctx.dataSource);
    // Signed on the real clock: the suite pins the server's to a day that has passed.
    const headers = await authOf(ctx.app, await createUser(ctx.dataSource));
    const { status, body } = await getJson<Page<RewardSummary>>(
      ctx.app,
      '/api/v1/rewards?lat=28.16&lng=113.64',
      headers,
    );

    expect(status).toBe(200);
    expect(body.items.map((item) => item.title)).toContain('爱心午餐一份（三菜一饭）');
    expect(body.items.every((item) => item.regionId !== undefined && item.available)).toBe(true);
    const distances = body.items.map((item) => item.distanceM ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  async function counts() {
    return {
      regions: await ctx.dataSource.getRepository(RegionEntity).count(),
      stations: await ctx.dataSource.getRepository(StationEntity).count(),
    };
  }

  async function updatedAtOf() {
    const stations = await ctx.dataSource
      .getRepository(StationEntity)
      .find({ order: { id: 'ASC' } });
    return stations.map((station) => [station.id, station.updatedAt.toISOString()]);
  }
});
