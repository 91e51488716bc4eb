import { CounterRedemption, Page, Redemption } from '@yizhan/contracts';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { accountIdOf, merchantClearing } from '../../src/modules/ledger/ledger-accounts';
import { PointsAccountEntity } from '../../src/modules/ledger/points-account.entity';
import { MerchantEntity } from '../../src/modules/merchants/merchant.entity';
import { RedemptionCounterService } from '../../src/modules/redemptions/redemption-counter.service';
import {
  MAX_CODE_MISSES,
  RedemptionGuesses,
} from '../../src/modules/redemptions/redemption-guesses';
import { RewardEntity } from '../../src/modules/rewards/reward.entity';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { createDistrict, createMerchant, createUser, District } from '../support/accounts';
import { parseCsv } from '../support/csv';
import { api, ApiResponse, outcome } from '../support/http';
import {
  atCounter,
  cancelRedemption,
  counterStaff,
  createReward,
  fund,
  ledgerCheck,
  redeem,
  redemptionRow,
  tokenFor,
} from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock of this suite unless a test moves it. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const PHONE = '13800138000';
/** A Redis database of its own (the throttling suite uses 5). */
const REDIS_URL = 'redis://127.0.0.1:6379/6';

/** A code that is surely nobody's: 999999 and six random digits (a live code matching it: 1 in 10¹²). */
const unknownCode = () => String(randomInt(0, 1_000_000)).padStart(12, '9');

/** Resolves when the instance's code-guess counter has connected to Redis. */
async function redisReady(app: NestFastifyApplication): Promise<void> {
  const client = (app.get(RedemptionGuesses) as unknown as { redis: Redis | null }).redis;
  if (!client) throw new Error('this instance runs without Redis');
  if (client.status !== 'ready') await once(client, 'ready');
}

describe(`${RedemptionCounterService.name}: verify, fulfil, lists and settlement (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  /** A second merchant in liuyang's street, with its own staff. */
  let neighbour: MerchantEntity;
  let tokens: {
    staff: string;
    secondStaff: string;
    neighbourStaff: string;
    hanyangStaff: string;
    manager: string;
    hanyangManager: string;
    handler: string;
    admin: string;
    hanyangAdmin: string;
  };
  let worker: { id: string; token: string };

  const staffOf = (place: { merchant: MerchantEntity } | { station: StationEntity }) =>
    counterStaff(ctx.app, place);
  /** A code issued to the suite's worker for a fresh reward of `place`. */
  const issue = async (
    place: { merchant: MerchantEntity } | { station: StationEntity },
    input: Partial<Pick<RewardEntity, 'title' | 'pointsCost'>> = {},
  ): Promise<Redemption> => {
    const reward = await createReward(ctx.dataSource, { ...place, stock: null, ...input });
    const response = await redeem(ctx.app, worker.token, reward.id);
    if (response.status !== 201) throw new Error(`redeem answered ${response.status}`);
    return response.body;
  };
  const statusOf = async (redemption: Redemption) =>
    (await redemptionRow(ctx.dataSource, redemption.id)).status;

  beforeAll(async () => {
    ctx.setNow(NOW);
    liuyang = await createDistrict(ctx.app, 'liuyang', { lat: 28.16, lng: 113.64 });
    hanyang = await createDistrict(ctx.app, 'hanyang', { lat: 30.55, lng: 114.25 });
    neighbour = await createMerchant(ctx.dataSource, { region: liuyang.street });
    tokens = {
      staff: await tokenFor(ctx.app, liuyang.staff.merchant_staff),
      secondStaff: await staffOf({ merchant: liuyang.merchant }),
      neighbourStaff: await staffOf({ merchant: neighbour }),
      hanyangStaff: await tokenFor(ctx.app, hanyang.staff.merchant_staff),
      manager: await tokenFor(ctx.app, liuyang.staff.station_manager),
      hanyangManager: await tokenFor(ctx.app, hanyang.staff.station_manager),
      handler: await tokenFor(ctx.app, liuyang.staff.handler),
      admin: await tokenFor(ctx.app, liuyang.staff.district_admin),
      hanyangAdmin: await tokenFor(ctx.app, hanyang.staff.district_admin),
    };
    const user = await createUser(ctx.app, { phone: PHONE, nickname: '小王' });
    await fund(ctx.app, user.id, liuyang.district.id, 100_000);
    worker = { id: user.id, token: await tokenFor(ctx.app, user) };
  });
  afterEach(() => ctx.setNow(NOW));

  describe('POST /redemptions/verify', () => {
    it('shows the code to its merchant with the worker masked and only the last four digits, changing nothing', async () => {
      const issued = await issue(
        { merchant: liuyang.merchant },
        { title: '洗车券', pointsCost: 30 },
      );

      const response = await atCounter<CounterRedemption>(
        ctx.app,
        'verify',
        tokens.staff,
        issued.code,
      );

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: issued.id,
        codeTail: issued.code.slice(-4),
        status: 'issued',
        pointsCost: 30,
        reward: { id: issued.reward.id, title: '洗车券' },
        merchantId: liuyang.merchant.id,
        stationId: null,
        worker: { nickname: '小王', phoneMasked: '138****8000' },
        expiresAt: issued.expiresAt,
        createdAt: issued.createdAt,
        fulfilledAt: null,
      });
      expect(response.text).not.toContain(issued.code);
      expect(response.text).not.toContain(PHONE);
      expect(await statusOf(issued)).toBe('issued');
    });

    it.each([
      [
        'in groups with spaces and a dash',
        (code: string) => `${code.slice(0, 4)} ${code.slice(4, 8)}-${code.slice(8)}`,
      ],
      ['with spaces around it', (code: string) => `  ${code} `],
      ['in dashed groups', (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1-')],
    ])('accepts a code typed %s', async (_, format) => {
      const issued = await issue({ merchant: liuyang.merchant });

      const verified = await atCounter<CounterRedemption>(
        ctx.app,
        'verify',
        tokens.staff,
        format(issued.code),
      );
      const fulfilled = await atCounter<CounterRedemption>(
        ctx.app,
        'fulfil',
        tokens.staff,
        format(issued.code),
      );

      expect([verified.status, verified.body.id]).toEqual([200, issued.id]);
      expect([fulfilled.status, fulfilled.body.status]).toEqual([200, 'fulfilled']);
    });

    it.each(['12345678901', '1234567890123', 'abcdefghijkl', '1234 5678 901x', ''])(
      'refuses the malformed code %p with 400',
      async (code) => {
        const response = await atCounter(ctx.app, 'verify', tokens.staff, code);

        expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
      },
    );

    it.each(['worker', 'handler', 'admin'] as const)(
      'refuses a %s at the counter with 403, for verify and fulfil alike',
      async (who) => {
        const issued = await issue({ merchant: liuyang.merchant });
        const token = who === 'worker' ? worker.token : tokens[who];

        const verified = await atCounter(ctx.app, 'verify', token, issued.code);
        const fulfilled = await atCounter(ctx.app, 'fulfil', token, issued.code);

        expect(outcome(verified)).toEqual([403, 'FORBIDDEN']);
        expect(outcome(fulfilled)).toEqual([403, 'FORBIDDEN']);
        expect(await statusOf(issued)).toBe('issued');
      },
    );

    it.each([
      ['another merchant of the same street', 'neighbourStaff'],
      ['a merchant of another district', 'hanyangStaff'],
      ["a station's manager", 'manager'],
    ] as const)('hides a code from the staff of %s (404) and leaves it issued', async (_, who) => {
      const issued = await issue({ merchant: liuyang.merchant });

      const verified = await atCounter(ctx.app, 'verify', tokens[who], issued.code);
      const fulfilled = await atCounter(ctx.app, 'fulfil', tokens[who], issued.code);

      expect(outcome(verified)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(fulfilled)).toEqual([404, 'NOT_FOUND']);
      expect(verified.text).not.toContain(issued.code.slice(-4));
      expect(await statusOf(issued)).toBe('issued');
    });
  });

  describe('POST /redemptions/fulfil', () => {
    it('uses the code up once: a second fulfil, by anyone of the merchant, is 409 REDEMPTION_ALREADY_FULFILLED', async () => {
      const issued = await issue({ merchant: liuyang.merchant }, { pointsCost: 40 });
      const clearingBefore = await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .findOneByOrFail({
          id: accountIdOf(merchantClearing(liuyang.merchant.id, liuyang.street.id)),
        });
      ctx.setNow(new Date(NOW.getTime() + 60_000));

      const fulfilled = await atCounter<CounterRedemption>(
        ctx.app,
        'fulfil',
        tokens.staff,
        issued.code,
      );
      const again = await atCounter(ctx.app, 'fulfil', tokens.staff, issued.code);
      const byColleague = await atCounter(ctx.app, 'fulfil', tokens.secondStaff, issued.code);

      expect(fulfilled.status).toBe(200);
      expect(fulfilled.body).toMatchObject({
        id: issued.id,
        status: 'fulfilled',
        fulfilledAt: new Date(NOW.getTime() + 60_000).toISOString(),
      });
      expect(outcome(again)).toEqual([409, 'REDEMPTION_ALREADY_FULFILLED']);
      expect(outcome(byColleague)).toEqual([409, 'REDEMPTION_ALREADY_FULFILLED']);
      const row = await redemptionRow(ctx.dataSource, issued.id);
      expect([row.status, row.fulfilledBy]).toEqual(['fulfilled', liuyang.staff.merchant_staff.id]);
      const audits = await ctx.dataSource
        .getRepository(AuditEntryEntity)
        .findBy({ action: 'redemption.fulfil', targetId: issued.id });
      expect(audits.map((entry) => entry.actorId)).toEqual([liuyang.staff.merchant_staff.id]);
      // The points stay where the redemption put them: with the merchant, not refunded.
      const clearingAfter = await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .findOneByOrFail({ id: clearingBefore.id });
      expect(clearingAfter.balance).toBe(clearingBefore.balance);
      expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);
    });

    it('refuses a cancelled code with 409 REDEMPTION_CANCELLED', async () => {
      const issued = await issue({ merchant: liuyang.merchant });
      await cancelRedemption(ctx.app, worker.token, issued.id);

      const refused = await atCounter(ctx.app, 'fulfil', tokens.staff, issued.code);

      expect(outcome(refused)).toEqual([409, 'REDEMPTION_CANCELLED']);
      expect(await statusOf(issued)).toBe('cancelled');
    });
  });

  describe('guessing codes', () => {
    it(`blocks an account after ${MAX_CODE_MISSES} unknown or foreign codes with 429 and Retry-After, even for a valid code of its own`, async () => {
      const guesser = await staffOf({ merchant: liuyang.merchant });
      const foreign = await issue({ merchant: neighbour });
      const mine = await issue({ merchant: liuyang.merchant });
      const misses: Array<ApiResponse<unknown>> = [];
      for (let n = 0; n < MAX_CODE_MISSES; n += 1) {
        const code = n % 2 === 0 ? foreign.code : unknownCode();
        misses.push(await atCounter(ctx.app, n % 3 === 0 ? 'fulfil' : 'verify', guesser, code));
      }

      const blocked = await atCounter(ctx.app, 'verify', guesser, unknownCode());
      const ownVerify = await atCounter(ctx.app, 'verify', guesser, mine.code);
      const ownFulfil = await atCounter(ctx.app, 'fulfil', guesser, mine.code);
      const colleague = await atCounter(ctx.app, 'fulfil', tokens.secondStaff, mine.code);

      expect(misses.map(outcome)).toEqual(
        Array.from({ length: MAX_CODE_MISSES }, () => [404, 'NOT_FOUND']),
      );
      for (const response of [blocked, ownVerify, ownFulfil]) {
        expect(outcome(response)).toEqual([429, 'RATE_LIMITED']);
        const retryAfter = Number(response.headers['retry-after']);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(response.text).not.toContain(mine.code.slice(-4));
      }
      expect(await statusOf(foreign)).toBe('issued');
      // The block is per account: a colleague at the same counter is not held up.
      expect(colleague.status).toBe(200);
    });

    it('counts misses across API instances that share Redis', async () => {
      const first = await ctx.bootAnother({ REDIS_URL });
      const second = await ctx.bootAnother({ REDIS_URL });
      // Until its client has connected, an instance counts misses in its in-memory insurance
      // limiter (the client runs without an offline queue): wait, as a live instance would have.
      await Promise.all([first, second].map(redisReady));
      const guesser = await createUser(ctx.app, {
        grants: [{ role: 'merchant_staff', merchant: liuyang.merchant }],
      });
      const token = await tokenFor(ctx.app, guesser);
      const mine = await issue({ merchant: liuyang.merchant });
      const redis = new Redis(REDIS_URL);
      try {
        const misses: Array<ApiResponse<unknown>> = [];
        for (let n = 0; n < MAX_CODE_MISSES; n += 1) {
          misses.push(await atCounter(n % 2 ? first : second, 'verify', token, unknownCode()));
        }

        const blockedFirst = await atCounter(first, 'verify', token, mine.code);
        const blockedSecond = await atCounter(second, 'fulfil', token, mine.code);
        // The suite's own instance runs without Redis: it counted nothing.
        const alone = await atCounter(ctx.app, 'verify', token, mine.code);

        expect(misses.map(outcome)).toEqual(
          Array.from({ length: MAX_CODE_MISSES }, () => [404, 'NOT_FOUND']),
        );
        expect(outcome(blockedFirst)).toEqual([429, 'RATE_LIMITED']);
        expect(outcome(blockedSecond)).toEqual([429, 'RATE_LIMITED']);
        expect(alone.status).toBe(200);
        expect(await statusOf(mine)).toBe('issued');
      } finally {
        await redis.del(`redemption-code-miss:${guesser.id}`);
        redis.disconnect();
      }
    });

    it('does not count malformed codes or codes of its own as misses', async () => {
      const careful = await staffOf({ merchant: liuyang.merchant });
      const mine = await issue({ merchant: liuyang.merchant });
      const responses: Array<ApiResponse<unknown>> = [];
      for (let n = 0; n < MAX_CODE_MISSES + 2; n += 1) {
        responses.push(
          await atCounter(ctx.app, 'verify', careful, n % 2 ? 'not-a-code' : mine.code),
        );
      }

      const fulfilled = await atCounter(ctx.app, 'fulfil', careful, mine.code);

      expect(responses.map((response) => response.status)).toEqual(
        Array.from({ length: MAX_CODE_MISSES + 2 }, (_, n) => (n % 2 ? 400 : 200)),
      );
      expect(fulfilled.status).toBe(200);
    });
  });

  it.each(['verify', 'fulfil'] as const)(
    'throttles %s at 30 a minute per counter account (429 + Retry-After)',
    async (action) => {
      const busy = await staffOf({ merchant: liuyang.merchant });
      // Fulfilled codes answer 409 to a second fulfil: every request below reaches the service.
      const issued = await issue({ merchant: liuyang.merchant });
      const answers: number[] = [];
      for (let n = 0; n < 30; n += 1) {
        answers.push((await atCounter(ctx.app, action, busy, issued.code)).status);
      }

      const throttled = await atCounter(ctx.app, action, busy, issued.code);

      expect(new Set(answers)).toEqual(new Set(action === 'verify' ? [200] : [200, 409]));
      expect(outcome(throttled)).toEqual([429, 'RATE_LIMITED']);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    },
  );

  describe("a station's reward", () => {
    it("is verified and fulfilled by that station's manager only", async () => {
      const issued = await issue({ station: liuyang.station }, { pointsCost: 15 });

      const byMerchant = await atCounter(ctx.app, 'verify', tokens.staff, issued.code);
      const byOtherManager = await atCounter(ctx.app, 'fulfil', tokens.hanyangManager, issued.code);
      const verified = await atCounter<CounterRedemption>(
        ctx.app,
        'verify',
        tokens.manager,
        issued.code,
      );
      const fulfilled = await atCounter<CounterRedemption>(
        ctx.app,
        'fulfil',
        tokens.manager,
        issued.code,
      );

      expect(outcome(byMerchant)).toEqual([404, 'NOT_FOUND']);
      expect(outcome(byOtherManager)).toEqual([404, 'NOT_FOUND']);
      expect(verified.body).toMatchObject({ stationId: liuyang.station.id, merchantId: null });
      expect([fulfilled.status, fulfilled.body.status]).toEqual([200, 'fulfilled']);
    });
  });

  describe('GET /merchant/redemptions', () => {
    /** Another merchant of liuyang's street whose only code is `theirs`. */
    let other: MerchantEntity;
    let mine: Redemption;
    let theirs: Redemption;
    let atStation: Redemption;

    beforeAll(async () => {
      other = await createMerchant(ctx.dataSource, { region: liuyang.street });
      mine = await issue({ merchant: liuyang.merchant });
      theirs = await issue({ merchant: other });
      atStation = await issue({ station: liuyang.station });
    });

    const list = (token: string, query = '') =>
      api<Page<CounterRedemption>>(ctx.app, {
        path: `/merchant/redemptions?limit=100${query}`,
        token,
      });
    const ids = (response: ApiResponse<Page<CounterRedemption>>) =>
      response.body.items.map((item) => item.id);

    it("shows merchant staff their merchant's redemptions only, masked", async () => {
      const response = await list(tokens.staff);

      expect(response.status).toBe(200);
      expect(ids(response)).toContain(mine.id);
      expect(ids(response)).not.toContain(theirs.id);
      expect(ids(response)).not.toContain(atStation.id);
      expect(response.body.items.every((item) => item.merchantId === liuyang.merchant.id)).toBe(
        true,
      );
      const item = response.body.items.find((candidate) => candidate.id === mine.id);
      expect(item).toMatchObject({
        codeTail: mine.code.slice(-4),
        worker: { phoneMasked: '138****8000' },
      });
      expect(item).not.toHaveProperty('code');
      expect(response.text).not.toContain(mine.code);
      expect(response.text).not.toContain(PHONE);
    });

    it("shows a station's manager the station's redemptions only", async () => {
      const response = await list(tokens.manager);

      expect(ids(response)).toContain(atStation.id);
      expect(ids(response)).not.toContain(mine.id);
    });

    it.each<[string, keyof typeof tokens, () => string]>([
      ['merchant staff naming another merchant', 'staff', () => `&merchantId=${other.id}`],
      [
        'merchant staff naming a merchant of another district',
        'staff',
        () => `&merchantId=${hanyang.merchant.id}`,
      ],
      ['merchant staff naming a station', 'staff', () => `&stationId=${liuyang.station.id}`],
      [
        'a district admin naming a merchant of another district',
        'hanyangAdmin',
        () => `&merchantId=${liuyang.merchant.id}`,
      ],
      [
        'a district admin naming a merchant that does not exist',
        'admin',
        () => '&merchantId=6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
      ],
    ])('answers 404 to %s', async (_, who, query) => {
      const response = await list(tokens[who], query());

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
    });

    it('shows a district admin the merchant they name, or all of their region', async () => {
      const named = await list(tokens.admin, `&merchantId=${other.id}`);
      const all = await list(tokens.admin);
      const hanyangAll = await list(tokens.hanyangAdmin);

      expect(ids(named)).toEqual([theirs.id]);
      expect(ids(all)).toEqual(expect.arrayContaining([mine.id, theirs.id, atStation.id]));
      expect(ids(hanyangAll)).toEqual([]);
    });

    it('refuses a worker with 403', async () => {
      expect(outcome(await list(worker.token))).toEqual([403, 'FORBIDDEN']);
    });

    it('filters by local issue day, from and to both inclusive, newest first', async () => {
      const merchant = await createMerchant(ctx.dataSource, { region: liuyang.street });
      const staff = await staffOf({ merchant });
      const issuedAt = async (instant: string) => {
        ctx.setNow(new Date(instant));
        return (await issue({ merchant })).id;
      };
      // In Beijing: the evening before, just after midnight, just before the next midnight,
      // and just after it — the middle two share a local day but not a UTC day.
      const lateMonday = await issuedAt('2026-11-23T23:30:00+08:00');
      const earlyTuesday = await issuedAt('2026-11-24T00:30:00+08:00');
      const lateTuesday = await issuedAt('2026-11-24T23:59:00+08:00');
      const earlyWednesday = await issuedAt('2026-11-25T00:01:00+08:00');

      const tuesday = await list(staff, '&from=2026-11-24&to=2026-11-24');
      const fromTuesday = await list(staff, '&from=2026-11-24');
      const toMonday = await list(staff, '&to=2026-11-23');
      const paged = await api<Page<CounterRedemption>>(ctx.app, {
        path: '/merchant/redemptions?limit=2&from=2026-11-23',
        token: staff,
      });
      const nextPage = await api<Page<CounterRedemption>>(ctx.app, {
        path: `/merchant/redemptions?limit=2&from=2026-11-23&cursor=${paged.body.nextCursor}`,
        token: staff,
      });

      expect(ids(tuesday)).toEqual([lateTuesday, earlyTuesday]);
      expect(ids(fromTuesday)).toEqual([earlyWednesday, lateTuesday, earlyTuesday]);
      expect(ids(toMonday)).toEqual([lateMonday]);
      expect([...ids(paged), ...ids(nextPage)]).toEqual([
        earlyWednesday,
        lateTuesday,
        earlyTuesday,
        lateMonday,
      ]);
      expect(nextPage.body.nextCursor).toBeNull();
    });

    it('filters by status', async () => {
      const merchant = await createMerchant(ctx.dataSource, { region: liuyang.street });
      const staff = await staffOf({ merchant });
      const issued = await issue({ merchant });
      const used = await issue({ merchant });
      await atCounter(ctx.app, 'fulfil', staff, used.code);

      const fulfilled = await list(staff, '&status=fulfilled');
      const open = await list(staff, '&status=issued');

      expect(ids(fulfilled)).toEqual([used.id]);
      expect(ids(open)).toEqual([issued.id]);
    });

    it.each([
      ['a date that does not exist', '&from=2026-02-30'],
      ['a month that does not exist', '&to=2026-13-01'],
      ['a date without leading zeros', '&from=2026-2-3'],
      ['a time instead of a date', '&from=2026-11-24T00:00:00Z'],
      ['an unknown status', '&status=lost'],
      ['a cursor this API never issued', '&cursor=%%%'],
    ])('refuses %s with 400', async (_, query) => {
      expect(outcome(await list(tokens.staff, query))).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('GET /merchant/settlement', () => {
    let merchant: MerchantEntity;
    let staff = '';
    /** Redemptions fulfilled inside November (local), in the order they were fulfilled. */
    let inPeriod: Redemption[];

    const settlement = (token: string, query: string) =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/v1/merchant/settlement?${query}`,
        headers: { authorization: `Bearer ${token}` },
      });
    const fulfilAt = async (redemption: Redemption, instant: string) => {
      ctx.setNow(new Date(instant));
      const response = await atCounter(ctx.app, 'fulfil', staff, redemption.code);
      if (response.status !== 200) throw new Error(`fulfil answered ${response.status}`);
    };
    const issueAt = async (instant: string, input: { title?: string; pointsCost?: number }) => {
      ctx.setNow(new Date(instant));
      return issue({ merchant }, input);
    };

    beforeAll(async () => {
      merchant = await createMerchant(ctx.dataSource, { region: liuyang.street });
      staff = await staffOf({ merchant });
      // Fulfilled 1 Nov 00:10 in Beijing: still 31 October in UTC.
      const firstOfMonth = await issueAt('2026-10-31T20:00:00+08:00', {
        title: '毛巾',
        pointsCost: 10,
      });
      await fulfilAt(firstOfMonth, '2026-11-01T00:10:00+08:00');
      const carWash = await issueAt('2026-11-02T09:00:00+08:00', {
        title: '洗车券',
        pointsCost: 30,
      });
      await fulfilAt(carWash, '2026-11-03T10:00:00+08:00');
      const formula = await issueAt('2026-11-10T09:00:00+08:00', {
        title: '=HYPERLINK("x")',
        pointsCost: 20,
      });
      await fulfilAt(formula, '2026-11-10T12:00:00+08:00');
      // Fulfilled 1 Dec 00:30 in Beijing (30 November in UTC): next month's.
      const december = await issueAt('2026-11-30T20:00:00+08:00', { pointsCost: 7 });
      await fulfilAt(december, '2026-12-01T00:30:00+08:00');
      // Issued or cancelled in November, never fulfilled: nothing to settle.
      await issueAt('2026-11-15T09:00:00+08:00', { pointsCost: 5 });
      const cancelled = await issueAt('2026-11-16T09:00:00+08:00', { pointsCost: 6 });
      await cancelRedemption(ctx.app, worker.token, cancelled.id);
      inPeriod = [firstOfMonth, carWash, formula];
      ctx.setNow(NOW);
    });

    it('exports the codes fulfilled in the local period, oldest first, with a totals row', async () => {
      const response = await settlement(staff, 'from=2026-11-01&to=2026-11-30');

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="settlement-[0-9a-f]{8}-2026-11-01-2026-11-30\.csv"$/,
      );
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(response.body.slice(1));
      expect(rows[0]).toEqual([
        'redemption_id',
        'fulfilled_at',
        'issued_at',
        'code_tail',
        'reward',
        'points',
      ]);
      expect(rows.slice(1, -1)).toEqual([
        [
          inPeriod[0].id,
          '2026-11-01 00:10',
          '2026-10-31 20:00',
          inPeriod[0].code.slice(-4),
          '毛巾',
          '10',
        ],
        [
          inPeriod[1].id,
          '2026-11-03 10:00',
          '2026-11-02 09:00',
          inPeriod[1].code.slice(-4),
          '洗车券',
          '30',
        ],
        [
          inPeriod[2].id,
          '2026-11-10 12:00',
          '2026-11-10 09:00',
          inPeriod[2].code.slice(-4),
          // Kept as text: a spreadsheet would otherwise run the formula.
          `'=HYPERLINK("x")`,
          '20',
        ],
      ]);
      expect(rows[rows.length - 1]).toEqual(['TOTAL', '', '', '', '3 codes', '60']);
      expect(response.body).not.toContain(inPeriod[0].code);
    });

    it('lets a district admin of the region export a named merchant; another district gets 404', async () => {
      const own = await settlement(
        tokens.admin,
        `from=2026-11-01&to=2026-11-30&merchantId=${merchant.id}`,
      );
      const foreign = await settlement(
        tokens.hanyangAdmin,
        `from=2026-11-01&to=2026-11-30&merchantId=${merchant.id}`,
      );
      const unnamed = await settlement(tokens.admin, 'from=2026-11-01&to=2026-11-30');

      expect(own.statusCode).toBe(200);
      expect(parseCsv(own.body.slice(1)).at(-1)).toEqual(['TOTAL', '', '', '', '3 codes', '60']);
      expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'NOT_FOUND']);
      expect([unnamed.statusCode, unnamed.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('exports an empty period as a header and a zero total', async () => {
      const response = await settlement(staff, 'from=2026-09-01&to=2026-09-30');

      expect(parseCsv(response.body.slice(1))).toEqual([
        ['redemption_id', 'fulfilled_at', 'issued_at', 'code_tail', 'reward', 'points'],
        ['TOTAL', '', '', '', '0 codes', '0'],
      ]);
    });

    it('covers at most 92 days', async () => {
      // 1 January to 2 April 2026 is 92 days, to 3 April 93.
      const longest = await settlement(staff, 'from=2026-01-01&to=2026-04-02');
      const tooLong = await settlement(staff, 'from=2026-01-01&to=2026-04-03');

      expect(longest.statusCode).toBe(200);
      expect([tooLong.statusCode, tooLong.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it.each([
      ['to before from', 'from=2026-11-02&to=2026-11-01'],
      ['a date that does not exist', 'from=2026-02-30&to=2026-03-01'],
      ['a missing to', 'from=2026-11-01'],
      ['a year-long period', 'from=2026-01-01&to=2026-12-31'],
      ['an unknown parameter', 'from=2026-11-01&to=2026-11-30&format=xlsx'],
    ])('refuses %s with 400', async (_, query) => {
      const response = await settlement(staff, query);

      expect([response.statusCode, response.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('refuses a worker with 403', async () => {
      const response = await settlement(worker.token, 'from=2026-11-01&to=2026-11-30');

      expect([response.statusCode, response.json().error.code]).toEqual([403, 'FORBIDDEN']);
    });
  });
});
