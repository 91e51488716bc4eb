import { Page, RewardSummary } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { MerchantEntity } from '../../src/modules/merchants/merchant.entity';
import { RewardEntity } from '../../src/modules/rewards/reward.entity';
import { RewardsController } from '../../src/modules/rewards/rewards.controller';
import { createDistrict, createMerchant, createUser, District } from '../support/accounts';
import { northOf } from '../support/factories';
import { api, ApiResponse, outcome } from '../support/http';
import { createReward, fund, redeem, spendableOf, stockOf, tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock of this suite. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const HOUR = 3_600_000;
const later = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
/** Far from both districts: only the "near me" test's rewards are within 50 km of it. */
const NEAR_ORIGIN = { lat: 31.2, lng: 121.4 };

describe(`${RewardsController.name} (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  let nearby: District;
  let admin = '';
  let hanyangAdmin = '';
  let worker = '';
  let staffTokens: Record<'handler' | 'merchant_staff' | 'station_manager', string>;

  const post = (token: string, body: Record<string, unknown>) =>
    api<RewardSummary>(ctx.app, { method: 'POST', path: '/rewards', token, body });
  const patch = (token: string, id: string, body: Record<string, unknown>) =>
    api<RewardSummary>(ctx.app, { method: 'PATCH', path: `/rewards/${id}`, token, body });
  const list = (token: string, query: string) =>
    api<Page<RewardSummary>>(ctx.app, { path: `/rewards?${query}`, token });
  const rewardCount = () => ctx.dataSource.getRepository(RewardEntity).count();
  /** Every page of a list, walking the cursor. */
  const allPages = async (token: string, query: string) => {
    const pages: RewardSummary[][] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse<Page<RewardSummary>> = await list(
        token,
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      pages.push(page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return pages;
  };

  beforeAll(async () => {
    ctx.setNow(NOW);
    liuyang = await createDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    nearby = await createDistrict(ctx.app, 'nearby', NEAR_ORIGIN);
    admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
    hanyangAdmin = await tokenFor(ctx.app, hanyang.staff.district_admin);
    worker = await tokenFor(ctx.app, await createUser(ctx.app));
    staffTokens = {
      handler: await tokenFor(ctx.app, liuyang.staff.handler),
      merchant_staff: await tokenFor(ctx.app, liuyang.staff.merchant_staff),
      station_manager: await tokenFor(ctx.app, liuyang.staff.station_manager),
    };
  });

  describe('POST /rewards', () => {
    it('offers a reward at a merchant of the region, with defaults, and audits it', async () => {
      const response = await post(admin, {
        title: '  矿泉水一瓶 ',
        description: '凭码领取',
        pointsCost: 30,
        stock: 5,
        merchantId: liuyang.merchant.id,
        perUserLimit: 2,
      });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        title: '矿泉水一瓶',
        description: '凭码领取',
        pointsCost: 30,
        stock: 5,
        merchant: { id: liuyang.merchant.id, name: liuyang.merchant.name },
        station: null,
        regionId: liuyang.merchant.regionId,
        perUserLimit: 2,
        limitPeriod: 'total',
        validFrom: null,
        validTo: null,
        codeValidHours: 72,
        status: 'active',
        available: true,
      });
      const audit = await ctx.dataSource
        .getRepository(AuditEntryEntity)
        .findOneByOrFail({ action: 'reward.create', targetId: response.body.id });
      expect(audit).toMatchObject({
        actorId: liuyang.staff.district_admin.id,
        regionId: liuyang.merchant.regionId,
      });
    });

    it('offers a reward at a station, unlimited when stock is omitted', async () => {
      const response = await post(admin, {
        title: '热饭一份',
        pointsCost: 10,
        stationId: liuyang.station.id,
        validFrom: later(1).toISOString(),
        validTo: later(48).toISOString(),
      });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        stock: null,
        merchant: null,
        station: { id: liuyang.station.id },
        validFrom: later(1).toISOString(),
        validTo: later(48).toISOString(),
        // Not yet inside its window.
        available: false,
      });
    });

    const valid = () => ({ title: '毛巾', pointsCost: 5, merchantId: liuyang.merchant.id });

    it.each<[string, () => Record<string, unknown>]>([
      ['both merchantId and stationId', () => ({ ...valid(), stationId: liuyang.station.id })],
      ['neither merchantId nor stationId', () => ({ title: '毛巾', pointsCost: 5 })],
      [
        'validTo before validFrom',
        () => ({ ...valid(), validFrom: later(5).toISOString(), validTo: later(2).toISOString() }),
      ],
      [
        'validTo equal to validFrom',
        () => ({ ...valid(), validFrom: later(5).toISOString(), validTo: later(5).toISOString() }),
      ],
      ['an unknown field', () => ({ ...valid(), regionId: hanyang.district.id })],
      ['a zero cost', () => ({ ...valid(), pointsCost: 0 })],
      ['a negative stock', () => ({ ...valid(), stock: -1 })],
      ['a fractional stock', () => ({ ...valid(), stock: 1.5 })],
      ['an empty title', () => ({ ...valid(), title: '' })],
      ['a blank title', () => ({ ...valid(), title: ' \t ' })],
      ['an unknown limit period', () => ({ ...valid(), perUserLimit: 1, limitPeriod: 'year' })],
      ['a date that is not ISO 8601', () => ({ ...valid(), validTo: '24/11/2026' })],
      ['a malformed merchant id', () => ({ ...valid(), merchantId: 'merchant-1' })],
    ])('refuses %s with 400 and creates nothing', async (_, body) => {
      const before = await rewardCount();

      const response = await post(admin, body());

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      expect(await rewardCount()).toBe(before);
    });

    it.each<[string, () => Record<string, unknown>]>([
      ['a merchant of another district', () => ({ merchantId: hanyang.merchant.id })],
      ['a station of another district', () => ({ stationId: hanyang.station.id })],
      ['a merchant that does not exist', () => ({ merchantId: randomUUID() })],
    ])('answers 404 for %s, as if it did not exist', async (_, place) => {
      const before = await rewardCount();

      const response = await post(admin, { title: '毛巾', pointsCost: 5, ...place() });

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
      expect(await rewardCount()).toBe(before);
    });

    it.each(['worker', 'handler', 'merchant_staff', 'station_manager'] as const)(
      'refuses a %s with 403',
      async (role) => {
        const token = role === 'worker' ? worker : staffTokens[role];
        const before = await rewardCount();

        const response = await post(token, valid());

        expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
        expect(await rewardCount()).toBe(before);
      },
    );

    it('refuses a caller without a token with 401', async () => {
      const response = await api(ctx.app, { method: 'POST', path: '/rewards', body: valid() });

      expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
    });
  });

  describe('PATCH /rewards/:id', () => {
    it('sets the stock left and records before and after in the audit log', async () => {
      const reward = await createReward(ctx.dataSource, { merchant: liuyang.merchant, stock: 3 });

      const response = await patch(admin, reward.id, { stock: 40, pointsCost: 25 });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ stock: 40, pointsCost: 25 });
      expect(await stockOf(ctx.dataSource, reward.id)).toBe(40);
      const audit = await ctx.dataSource
        .getRepository(AuditEntryEntity)
        .findOneByOrFail({ action: 'reward.update', targetId: reward.id });
      expect(audit.before).toMatchObject({ stock: 3, pointsCost: 10 });
      expect(audit.after).toMatchObject({ stock: 40, pointsCost: 25 });
    });

    it('pauses a reward: hidden from workers, unredeemable, still visible to its admin; resuming shows it again', async () => {
      const reward = await createReward(ctx.dataSource, { merchant: liuyang.merchant, stock: 3 });
      const worker = await createUser(ctx.app);
      const workerToken = await tokenFor(ctx.app, worker);
      await fund(ctx.app, worker.id, liuyang.district.id, 100);
      const listed = async (token: string, query = '') =>
        (await allPages(token, `merchantId=${liuyang.merchant.id}&limit=100${query}`))
          .flat()
          .some((item) => item.id === reward.id);

      const paused = await patch(admin, reward.id, { status: 'paused' });

      expect(paused.status).toBe(200);
      expect(paused.body).toMatchObject({ status: 'paused', available: false });
      expect(await listed(workerToken)).toBe(false);
      expect(
        outcome(await api(ctx.app, { path: `/rewards/${reward.id}`, token: workerToken })),
      ).toEqual([404, 'NOT_FOUND']);
      const refused = await redeem(ctx.app, workerToken, reward.id);
      expect(outcome(refused)).toEqual([422, 'REWARD_UNAVAILABLE']);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(100);
      expect(await stockOf(ctx.dataSource, reward.id)).toBe(3);
      const asAdmin = await api<RewardSummary>(ctx.app, {
        path: `/rewards/${reward.id}`,
        token: admin,
      });
      expect([asAdmin.status, asAdmin.body.status]).toEqual([200, 'paused']);
      expect(await listed(admin, '&includeInactive=true')).toBe(true);
      expect(
        await ctx.dataSource
          .getRepository(AuditEntryEntity)
          .countBy({ action: 'reward.update', targetId: reward.id }),
      ).toBe(1);

      const resumed = await patch(admin, reward.id, { status: 'active' });

      expect(resumed.body).toMatchObject({ status: 'active', available: true });
      expect(await listed(workerToken)).toBe(true);
      expect((await redeem(ctx.app, workerToken, reward.id)).status).toBe(201);
    });

    it('clears the limit period with the limit, and sets one when a limit is given', async () => {
      const reward = await createReward(ctx.dataSource, {
        merchant: liuyang.merchant,
        perUserLimit: 1,
        limitPeriod: 'day',
      });

      const cleared = await patch(admin, reward.id, { perUserLimit: null });
      const limited = await patch(admin, reward.id, { perUserLimit: 3 });

      expect(cleared.body).toMatchObject({ perUserLimit: null, limitPeriod: null });
      expect(limited.body).toMatchObject({ perUserLimit: 3, limitPeriod: 'total' });
    });

    it.each<[string, Record<string, unknown>]>([
      ['a window that ends before it starts', { validTo: '2026-11-20T00:00:00+08:00' }],
      ['an unknown field', { merchantId: randomUUID() }],
      ['a negative stock', { stock: -5 }],
      ['an unknown status', { status: 'deleted' }],
      ['a blank title', { title: '   ' }],
    ])('refuses %s with 400 and changes nothing', async (_, body) => {
      const reward = await createReward(ctx.dataSource, {
        merchant: liuyang.merchant,
        stock: 7,
        validFrom: new Date('2026-11-21T00:00:00+08:00'),
      });

      const response = await patch(admin, reward.id, body);

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      const row = await ctx.dataSource
        .getRepository(RewardEntity)
        .findOneByOrFail({ id: reward.id });
      expect([row.title, row.stock, row.validTo, row.status, row.merchantId]).toEqual([
        reward.title,
        7,
        null,
        'active',
        liuyang.merchant.id,
      ]);
    });

    it('answers 404 to an admin of another district and for a malformed id, 403 to a worker', async () => {
      const reward = await createReward(ctx.dataSource, { merchant: liuyang.merchant, stock: 7 });

      const foreign = await patch(hanyangAdmin, reward.id, { stock: 0 });
      const malformed = await patch(admin, 'not-a-uuid', { stock: 0 });
      const byWorker = await patch(worker, reward.id, { stock: 0 });

      expect(outcome(foreign)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(malformed)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(byWorker)).toEqual([403, 'FORBIDDEN']);
      expect(await stockOf(ctx.dataSource, reward.id)).toBe(7);
    });
  });

  describe('GET /rewards', () => {
    /** The nearby district's rewards: 300 m, 1 km, 3 km and 8 km north of its origin. */
    let at: Record<'m300' | 'km1' | 'km3' | 'km8', RewardEntity>;
    let merchants: MerchantEntity[];

    beforeAll(async () => {
      merchants = [];
      const rewardAt = async (metres: number, pointsCost: number) => {
        const merchant = await createMerchant(ctx.dataSource, {
          region: nearby.street,
          ...northOf(NEAR_ORIGIN, metres),
        });
        merchants.push(merchant);
        return createReward(ctx.dataSource, { merchant, pointsCost });
      };
      at = {
        km3: await rewardAt(3_000, 20),
        m300: await rewardAt(300, 50),
        km8: await rewardAt(8_000, 5),
        km1: await rewardAt(1_000, 35),
      };
    });

    const near = `lat=${NEAR_ORIGIN.lat}&lng=${NEAR_ORIGIN.lng}`;

    it('lists the rewards near a point nearest first, with distanceM, within the default 5 km', async () => {
      const response = await list(worker, near);

      expect(response.status).toBe(200);
      expect(response.body.items.map((item) => item.id)).toEqual([
        at.m300.id,
        at.km1.id,
        at.km3.id,
      ]);
      const distances = response.body.items.map((item) => item.distanceM ?? NaN);
      expect(distances[0]).toBeCloseTo(300, -1);
      expect(distances[1]).toBeCloseTo(1_000, -1);
      expect(distances[2]).toBeCloseTo(3_000, -1);
      expect(response.body.items[0].merchant).toMatchObject({ id: merchants[1].id });
    });

    it('honours radius and pages nearest first with a cursor', async () => {
      const within = await list(worker, `${near}&radius=1500`);
      const pages = await allPages(worker, `${near}&radius=10000&limit=3`);

      expect(within.body.items.map((item) => item.id)).toEqual([at.m300.id, at.km1.id]);
      expect(pages.map((page) => page.map((item) => item.id))).toEqual([
        [at.m300.id, at.km1.id, at.km3.id],
        [at.km8.id],
      ]);
    });

    it('lists cheapest first without a point, paged by a cursor without repeats', async () => {
      const pages = await allPages(worker, `regionId=${nearby.district.id}&limit=3`);

      expect(pages.map((page) => page.length)).toEqual([3, 1]);
      expect(pages.flat().map((item) => item.pointsCost)).toEqual([5, 20, 35, 50]);
      expect(pages.flat().every((item) => item.distanceM === undefined)).toBe(true);
    });

    it('keeps what the caller can afford with affordable=true', async () => {
      const richer = await createUser(ctx.app);
      await fund(ctx.app, richer.id, nearby.district.id, 35);
      const token = await tokenFor(ctx.app, richer);

      const affordable = await list(token, `regionId=${nearby.district.id}&affordable=true`);
      const broke = await list(worker, `regionId=${nearby.district.id}&affordable=true`);

      expect(affordable.body.items.map((item) => item.pointsCost)).toEqual([5, 20, 35]);
      expect(broke.body.items).toEqual([]);
    });

    it('hides paused, ended and not-yet-valid rewards from workers; includeInactive shows an admin those of their region only', async () => {
      const paused = await createReward(ctx.dataSource, {
        merchant: liuyang.merchant,
        status: 'paused',
      });
      const ended = await createReward(ctx.dataSource, {
        merchant: liuyang.merchant,
        validTo: later(-1),
      });
      const upcoming = await createReward(ctx.dataSource, {
        merchant: liuyang.merchant,
        validFrom: later(1),
      });
      const hanyangPaused = await createReward(ctx.dataSource, {
        merchant: hanyang.merchant,
        status: 'paused',
      });
      const hidden = [paused.id, ended.id, upcoming.id];
      const ids = async (token: string, query: string) =>
        (await allPages(token, `${query}&limit=100`)).flat().map((item) => item.id);

      const forWorker = await ids(worker, 'affordable=false');
      const forAdmin = await ids(admin, 'includeInactive=true');
      const forHanyangAdmin = await ids(hanyangAdmin, 'includeInactive=true');

      expect(hidden.filter((id) => forWorker.includes(id))).toEqual([]);
      expect(forAdmin).toEqual(expect.arrayContaining(hidden));
      expect(forAdmin).not.toContain(hanyangPaused.id);
      expect(forHanyangAdmin).toContain(hanyangPaused.id);
      expect(hidden.filter((id) => forHanyangAdmin.includes(id))).toEqual([]);
    });

    it.each([
      ['a worker', () => worker],
      ['merchant staff', () => staffTokens.merchant_staff],
    ])('refuses includeInactive to %s with 403', async (_, token) => {
      const response = await list(token(), 'includeInactive=true');

      expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
    });

    it.each([
      ['a cursor this API never issued', 'cursor=garbage!'],
      [
        'a well-formed cursor of the wrong shape',
        `cursor=${Buffer.from('[1]').toString('base64url')}`,
      ],
      [
        'a distance cursor on the cheapest-first list',
        `cursor=${Buffer.from(JSON.stringify(['12.5', 'x'])).toString('base64url')}`,
      ],
      ['lat without lng', 'lat=31.2'],
      ['a radius over 50 km', `${near}&radius=60000`],
      ['a limit over 100', 'limit=101'],
      ['an unknown parameter', 'sort=cost'],
    ])('refuses %s with 400', async (_, query) => {
      const response = await list(worker, query);

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('GET /rewards/:id', () => {
    it('shows an active reward to anyone signed in', async () => {
      const reward = await createReward(ctx.dataSource, { station: liuyang.station, stock: null });

      const response = await api<RewardSummary>(ctx.app, {
        path: `/rewards/${reward.id.toUpperCase()}`,
        token: worker,
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: reward.id, stock: null, available: true });
    });

    it('hides a paused reward from workers and other districts, not from its admin', async () => {
      const reward = await createReward(ctx.dataSource, {
        merchant: liuyang.merchant,
        status: 'paused',
      });
      const get = (token: string) => api(ctx.app, { path: `/rewards/${reward.id}`, token });

      expect(outcome(await get(worker))).toEqual([404, 'NOT_FOUND']);
      expect(outcome(await get(hanyangAdmin))).toEqual([404, 'NOT_FOUND']);
      expect(outcome(await get(staffTokens.merchant_staff))).toEqual([404, 'NOT_FOUND']);
      expect((await get(admin)).status).toBe(200);
    });

    it.each(['not-a-uuid', '12345', randomUUID()])('answers 404 for %s', async (id) => {
      const response = await api(ctx.app, { path: `/rewards/${id}`, token: worker });

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
    });
  });
});
