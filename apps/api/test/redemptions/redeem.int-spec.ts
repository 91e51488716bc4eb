import { Page, PointsTransferItem, Redemption, RewardSummary } from '@yizhan/contracts';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { PointsTransferEntity } from '../../src/modules/ledger/points-transfer.entity';
import { ClaimCounterEntity } from '../../src/modules/redemptions/claim-counter.entity';
import { RedemptionEntity } from '../../src/modules/redemptions/redemption.entity';
import { RedemptionExpiryJob } from '../../src/modules/redemptions/redemption-expiry.job';
import { RedemptionsController } from '../../src/modules/redemptions/redemptions.controller';
import { createDistrict, District } from '../support/accounts';
import { api, outcome } from '../support/http';
import { newKey } from '../support/points';
import {
  atCounter,
  cancelRedemption,
  createReward,
  fund,
  fundedWorker,
  ledgerCheck,
  redeem,
  redemptionRow,
  RewardInput,
  spendableOf,
  stockOf,
  tokenFor,
} from '../support/rewards';
import { useTestApp } from '../support/test-app';

/** Tuesday 2026-11-24 10:00 in Beijing: the server clock of this suite unless a test moves it. */
const NOW = new Date('2026-11-24T10:00:00+08:00');
const HOUR = 3_600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);

describe(`${RedemptionsController.name}: a worker's side (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let staff = '';

  /** A fresh worker with `points` to spend, and their token. */
  const newWorker = (points: number) => fundedWorker(ctx.app, liuyang.district.id, points);
  const reward = (input: Partial<RewardInput> = {}) =>
    createReward(ctx.dataSource, { merchant: liuyang.merchant, ...input });
  const get = <T>(token: string, path: string) => api<T>(ctx.app, { path, token });
  const cancel = (token: string, id: string) => cancelRedemption(ctx.app, token, id);
  const redemptionsOf = (userId: string) =>
    ctx.dataSource.getRepository(RedemptionEntity).countBy({ userId });
  const claimsOf = async (userId: string, rewardId: string) =>
    (await ctx.dataSource.getRepository(ClaimCounterEntity).findBy({ userId, rewardId })).reduce(
      (sum, counter) => sum + counter.claims,
      0,
    );
  const expectCleanLedger = async () => expect((await ledgerCheck(ctx.app)).mismatches).toEqual([]);

  beforeAll(async () => {
    ctx.setNow(NOW);
    liuyang = await createDistrict(ctx.app, 'liuyang');
    staff = await tokenFor(ctx.app, liuyang.staff.merchant_staff);
  });
  afterEach(() => ctx.setNow(NOW));

  describe('POST /redemptions', () => {
    it('issues a 12-digit code and debits points and stock together; the same key answers 200 with the same body', async () => {
      const worker = await newWorker(100);
      const offer = await reward({ pointsCost: 30, stock: 5, title: '洗车券' });
      const key = newKey('redeem');

      const first = await redeem(ctx.app, worker.token, offer.id, key);
      const again = await redeem(ctx.app, worker.token, offer.id, key);

      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        status: 'issued',
        pointsCost: 30,
        reward: { id: offer.id, title: '洗车券' },
        merchant: { id: liuyang.merchant.id, name: liuyang.merchant.name },
        station: null,
        expiresAt: at(NOW, 72).toISOString(),
        createdAt: NOW.toISOString(),
        fulfilledAt: null,
        cancelledAt: null,
      });
      expect(first.body.code).toMatch(/^[0-9]{12}$/);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(70);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(4);
      expect(await redemptionsOf(worker.id)).toBe(1);
      const history = await get<Page<PointsTransferItem>>(worker.token, '/points/transfers');
      expect(history.body.items.filter((item) => item.kind === 'redemption')).toEqual([
        expect.objectContaining({ amount: -30, refType: 'redemption', refId: first.body.id }),
      ]);
      await expectCleanLedger();
    });

    it('accepts a 100-character key, the longest the contract allows', async () => {
      const worker = await newWorker(10);
      const offer = await reward({ pointsCost: 10 });

      const response = await redeem(ctx.app, worker.token, offer.id, 'k'.repeat(100));

      expect(response.status).toBe(201);
    });

    it('refuses the same key for another reward with 409 IDEMPOTENCY_KEY_REUSED and changes nothing', async () => {
      const worker = await newWorker(100);
      const first = await reward({ pointsCost: 10 });
      const second = await reward({ pointsCost: 10, stock: 3 });
      const key = newKey('redeem');
      await redeem(ctx.app, worker.token, first.id, key);

      const reused = await redeem(ctx.app, worker.token, second.id, key);

      expect(outcome(reused)).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(90);
      expect(await stockOf(ctx.dataSource, second.id)).toBe(3);
      expect(await redemptionsOf(worker.id)).toBe(1);
    });

    it("keeps keys per worker: another worker's same key is their own new redemption", async () => {
      const alice = await newWorker(20);
      const bob = await newWorker(20);
      const offer = await reward({ pointsCost: 10 });
      const key = newKey('shared');

      const hers = await redeem(ctx.app, alice.token, offer.id, key);
      const his = await redeem(ctx.app, bob.token, offer.id, key);

      expect([hers.status, his.status]).toEqual([201, 201]);
      expect(his.body.id).not.toBe(hers.body.id);
      expect(his.body.code).not.toBe(hers.body.code);
      expect([
        await spendableOf(ctx.dataSource, alice.id),
        await spendableOf(ctx.dataSource, bob.id),
      ]).toEqual([10, 10]);
    });

    it('refuses a worker short of points with 409 POINTS_INSUFFICIENT, stores nothing, and lets the same key through once funded', async () => {
      const worker = await newWorker(29);
      const offer = await reward({ pointsCost: 30, stock: 2 });
      const key = newKey('redeem');

      const refused = await redeem(ctx.app, worker.token, offer.id, key);
      await fund(ctx.app, worker.id, liuyang.district.id, 1);
      const accepted = await redeem(ctx.app, worker.token, offer.id, key);

      expect(outcome(refused)).toEqual([409, 'POINTS_INSUFFICIENT']);
      expect(accepted.status).toBe(201);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(0);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(1);
    });

    it('refuses a worker who never earned with 409 POINTS_INSUFFICIENT', async () => {
      const worker = await newWorker(0);
      const offer = await reward({ pointsCost: 1, stock: 2 });

      const refused = await redeem(ctx.app, worker.token, offer.id);

      expect(outcome(refused)).toEqual([409, 'POINTS_INSUFFICIENT']);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(2);
      await expectCleanLedger();
    });

    it('refuses a reward with no stock left with 409 OUT_OF_STOCK and keeps the points', async () => {
      const worker = await newWorker(50);
      const offer = await reward({ pointsCost: 10, stock: 1 });
      await redeem(ctx.app, worker.token, offer.id);

      const refused = await redeem(ctx.app, worker.token, offer.id);

      expect(outcome(refused)).toEqual([409, 'OUT_OF_STOCK']);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(40);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(0);
      expect(await redemptionsOf(worker.id)).toBe(1);
      const shown = await get<RewardSummary>(worker.token, `/rewards/${offer.id}`);
      expect(shown.body).toMatchObject({ stock: 0, available: false });
    });

    it('keeps an unlimited reward unlimited', async () => {
      const worker = await newWorker(50);
      const offer = await reward({ pointsCost: 10, stock: null });

      const responses = [
        await redeem(ctx.app, worker.token, offer.id),
        await redeem(ctx.app, worker.token, offer.id),
      ];

      expect(responses.map((response) => response.status)).toEqual([201, 201]);
      expect(await stockOf(ctx.dataSource, offer.id)).toBeNull();
    });

    it.each<[string, Partial<RewardInput>]>([
      ['paused', { status: 'paused' }],
      ['not yet valid', { validFrom: at(NOW, 1) }],
      ['ended', { validTo: at(NOW, -1) }],
      ['ending this instant', { validTo: NOW }],
    ])(
      'refuses a reward that is %s with 422 REWARD_UNAVAILABLE and keeps points and stock',
      async (_, input) => {
        const worker = await newWorker(50);
        const offer = await reward({ pointsCost: 10, stock: 4, ...input });

        const refused = await redeem(ctx.app, worker.token, offer.id);

        expect(outcome(refused)).toEqual([422, 'REWARD_UNAVAILABLE']);
        expect(await spendableOf(ctx.dataSource, worker.id)).toBe(50);
        expect(await stockOf(ctx.dataSource, offer.id)).toBe(4);
        expect(await redemptionsOf(worker.id)).toBe(0);
      },
    );

    it('redeems from the first instant of the window', async () => {
      const worker = await newWorker(50);
      const offer = await reward({ pointsCost: 10, validFrom: NOW, validTo: at(NOW, 1) });

      const response = await redeem(ctx.app, worker.token, offer.id);

      expect(response.status).toBe(201);
    });

    it('answers 404 for a reward that does not exist', async () => {
      const worker = await newWorker(50);

      const response = await redeem(ctx.app, worker.token, '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b');

      expect(outcome(response)).toEqual([404, 'NOT_FOUND']);
    });

    it.each<[string, Record<string, unknown>]>([
      ['a malformed reward id', { rewardId: 'reward-1', idempotencyKey: 'key-12345' }],
      ['a missing key', { rewardId: '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b' }],
      [
        'a key too short',
        { rewardId: '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b', idempotencyKey: 'short' },
      ],
      [
        'a key with spaces',
        { rewardId: '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b', idempotencyKey: 'has spaces in it' },
      ],
      [
        'an unknown field',
        {
          rewardId: '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b',
          idempotencyKey: 'key-12345',
          pointsCost: 1,
        },
      ],
    ])('refuses %s with 400', async (_, body) => {
      const worker = await newWorker(0);

      const response = await api(ctx.app, {
        method: 'POST',
        path: '/redemptions',
        token: worker.token,
        body,
      });

      expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('lets a code live codeValidHours, never past the end of the reward', async () => {
      const worker = await newWorker(50);
      const short = await reward({ pointsCost: 10, codeValidHours: 2 });
      const ending = await reward({ pointsCost: 10, codeValidHours: 72, validTo: at(NOW, 5) });

      const shortCode = await redeem(ctx.app, worker.token, short.id);
      const endingCode = await redeem(ctx.app, worker.token, ending.id);

      expect(shortCode.body.expiresAt).toBe(at(NOW, 2).toISOString());
      expect(endingCode.body.expiresAt).toBe(at(NOW, 5).toISOString());
    });
  });

  it('throttles POST /redemptions at 60 a minute per worker, whatever the address (429 + Retry-After)', async () => {
    const worker = await newWorker(0);
    const other = await newWorker(0);
    const offer = await reward({ pointsCost: 10 });
    const answers: Array<[number, string | undefined]> = [];
    // Each from a fresh address (api() picks one): the limit follows the account.
    for (let n = 0; n < 60; n += 1)
      answers.push(outcome(await redeem(ctx.app, worker.token, offer.id)));

    const throttled = await redeem(ctx.app, worker.token, offer.id);
    const otherWorker = await redeem(ctx.app, other.token, offer.id);

    expect(answers).toEqual(Array.from({ length: 60 }, () => [409, 'POINTS_INSUFFICIENT']));
    expect(outcome(throttled)).toEqual([429, 'RATE_LIMITED']);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(outcome(otherWorker)).toEqual([409, 'POINTS_INSUFFICIENT']);
  });

  describe('per-worker limits', () => {
    it('stops a daily limit at the limit with 409 REDEMPTION_LIMIT_REACHED and resets at local midnight', async () => {
      const worker = await newWorker(100);
      const offer = await reward({
        pointsCost: 10,
        stock: 10,
        perUserLimit: 2,
        limitPeriod: 'day',
      });
      // 23:30 and 00:10 in Beijing are the same UTC day (15:30Z and 16:10Z).
      ctx.setNow(new Date('2026-11-24T23:30:00+08:00'));
      const sameDay = [
        await redeem(ctx.app, worker.token, offer.id),
        await redeem(ctx.app, worker.token, offer.id),
        await redeem(ctx.app, worker.token, offer.id),
      ];
      ctx.setNow(new Date('2026-11-25T00:10:00+08:00'));

      const nextDay = await redeem(ctx.app, worker.token, offer.id);

      expect(sameDay.map(outcome)).toEqual([
        [201, undefined],
        [201, undefined],
        [409, 'REDEMPTION_LIMIT_REACHED'],
      ]);
      expect(nextDay.status).toBe(201);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(70);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(7);
      expect(await redemptionsOf(worker.id)).toBe(3);
      await expectCleanLedger();
    });

    it('never resets a lifetime limit, and counts per worker', async () => {
      const worker = await newWorker(100);
      const other = await newWorker(100);
      const offer = await reward({ pointsCost: 10, perUserLimit: 1 });
      await redeem(ctx.app, worker.token, offer.id);
      ctx.setNow(at(NOW, 24 * 400));

      const refused = await redeem(ctx.app, worker.token, offer.id);
      const others = await redeem(ctx.app, other.token, offer.id);

      expect(outcome(refused)).toEqual([409, 'REDEMPTION_LIMIT_REACHED']);
      expect(others.status).toBe(201);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(90);
    });
  });

  describe("another worker's redemption", () => {
    it('is 404 on GET /redemptions/:id, /qr and /cancel, and stays as it was', async () => {
      const owner = await newWorker(30);
      const intruder = await newWorker(0);
      const offer = await reward({ pointsCost: 30, stock: 1 });
      const { body: mine } = await redeem(ctx.app, owner.token, offer.id);

      const responses = [
        await get(intruder.token, `/redemptions/${mine.id}`),
        await get(intruder.token, `/redemptions/${mine.id}/qr`),
        await cancel(intruder.token, mine.id),
      ];

      expect(responses.map(outcome)).toEqual([
        [404, 'NOT_FOUND'],
        [404, 'NOT_FOUND'],
        [404, 'NOT_FOUND'],
      ]);
      expect(responses.some((response) => response.text.includes(mine.code))).toBe(false);
      expect((await redemptionRow(ctx.dataSource, mine.id)).status).toBe('issued');
      expect(await spendableOf(ctx.dataSource, owner.id)).toBe(0);
      expect(await spendableOf(ctx.dataSource, intruder.id)).toBe(0);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(0);
    });

    it.each(['not-a-uuid', '6a4b8f0e-3c2d-4e1f-9a8b-7c6d5e4f3a2b'])(
      'answers 404 for the id %s',
      async (id) => {
        const worker = await newWorker(0);

        expect(outcome(await get(worker.token, `/redemptions/${id}`))).toEqual([404, 'NOT_FOUND']);
        expect(outcome(await cancel(worker.token, id))).toEqual([404, 'NOT_FOUND']);
      },
    );
  });

  describe('GET /redemptions', () => {
    it("lists the caller's own redemptions only, newest first, by status and page", async () => {
      const worker = await newWorker(100);
      const other = await newWorker(100);
      const offer = await reward({ pointsCost: 10 });
      const mine: Redemption[] = [];
      for (let n = 0; n < 3; n += 1) {
        ctx.setNow(at(NOW, n));
        mine.push((await redeem(ctx.app, worker.token, offer.id)).body);
      }
      await redeem(ctx.app, other.token, offer.id);
      await cancel(worker.token, mine[0].id);

      const first = await get<Page<Redemption>>(worker.token, '/redemptions?limit=2');
      const second = await get<Page<Redemption>>(
        worker.token,
        `/redemptions?limit=2&cursor=${first.body.nextCursor}`,
      );
      const cancelled = await get<Page<Redemption>>(worker.token, '/redemptions?status=cancelled');

      expect([...first.body.items, ...second.body.items].map((item) => item.id)).toEqual([
        mine[2].id,
        mine[1].id,
        mine[0].id,
      ]);
      expect(second.body.nextCursor).toBeNull();
      expect(cancelled.body.items.map((item) => item.id)).toEqual([mine[0].id]);
      expect(outcome(await get(worker.token, '/redemptions?status=lost'))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
    });
  });

  describe('GET /redemptions/:id/qr', () => {
    it('is a PNG whose QR code decodes to the 12 digits, kept out of shared caches', async () => {
      const worker = await newWorker(10);
      const offer = await reward({ pointsCost: 10 });
      const { body: redemption } = await redeem(ctx.app, worker.token, offer.id);

      const response = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/redemptions/${redemption.id}/qr`,
        headers: { authorization: `Bearer ${worker.token}` },
      });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['cache-control']).toBe('private, no-store');
      const png = PNG.sync.read(response.rawPayload);
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(redemption.code);
    });
  });

  describe('POST /redemptions/:id/cancel', () => {
    it('refunds points, stock and the limit claim; cancelling again answers the same without a second refund', async () => {
      const worker = await newWorker(40);
      const offer = await reward({
        pointsCost: 25,
        stock: 3,
        perUserLimit: 1,
        limitPeriod: 'week',
      });
      const { body: issued } = await redeem(ctx.app, worker.token, offer.id);
      ctx.setNow(at(NOW, 1));

      const cancelled = await cancel(worker.token, issued.id);
      const again = await cancel(worker.token, issued.id);

      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        id: issued.id,
        code: issued.code,
        status: 'cancelled',
        cancelledAt: at(NOW, 1).toISOString(),
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(cancelled.body);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(40);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(3);
      expect(await claimsOf(worker.id, offer.id)).toBe(0);
      const refunds = await ctx.dataSource
        .getRepository(PointsTransferEntity)
        .findBy({ kind: 'refund', refId: issued.id });
      expect(refunds.map((refund) => refund.amount)).toEqual([25]);
      // The claim came back: the once-a-week reward can be redeemed again.
      expect((await redeem(ctx.app, worker.token, offer.id)).status).toBe(201);
      await expectCleanLedger();
    });

    it('refuses to cancel a fulfilled code with 409 REDEMPTION_ALREADY_FULFILLED and keeps the points spent', async () => {
      const worker = await newWorker(40);
      const offer = await reward({ pointsCost: 25, stock: 3 });
      const { body: issued } = await redeem(ctx.app, worker.token, offer.id);
      expect((await atCounter(ctx.app, 'fulfil', staff, issued.code)).status).toBe(200);

      const refused = await cancel(worker.token, issued.id);

      expect(outcome(refused)).toEqual([409, 'REDEMPTION_ALREADY_FULFILLED']);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(15);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(2);
      expect((await redemptionRow(ctx.dataSource, issued.id)).status).toBe('fulfilled');
    });
  });

  describe('expiry', () => {
    it('shows a lapsed code as expired at once; the job refunds it once and the counter refuses it with 409 REDEMPTION_EXPIRED', async () => {
      const worker = await newWorker(40);
      const offer = await reward({ pointsCost: 25, stock: 3, perUserLimit: 1 });
      const { body: issued } = await redeem(ctx.app, worker.token, offer.id);
      const lapsed = at(NOW, 72);
      ctx.setNow(lapsed);

      const shown = await get<Redemption>(worker.token, `/redemptions/${issued.id}`);
      const fulfilBeforeJob = await atCounter(ctx.app, 'fulfil', staff, issued.code);
      const run = await ctx.app.get(RedemptionExpiryJob).run(lapsed);
      const fulfilAfterJob = await atCounter(ctx.app, 'fulfil', staff, issued.code);
      const runAgain = await ctx.app.get(RedemptionExpiryJob).run(lapsed);

      expect(shown.body.status).toBe('expired');
      expect(outcome(fulfilBeforeJob)).toEqual([409, 'REDEMPTION_EXPIRED']);
      expect(run.expired).toBeGreaterThanOrEqual(1);
      expect(run.failures).toBe(0);
      expect(outcome(fulfilAfterJob)).toEqual([409, 'REDEMPTION_EXPIRED']);
      expect(runAgain).toEqual({ expired: 0, skipped: 0, failures: 0 });
      const row = await redemptionRow(ctx.dataSource, issued.id);
      expect([row.status, row.refundTransferId !== null]).toEqual(['expired', true]);
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(40);
      expect(await stockOf(ctx.dataSource, offer.id)).toBe(3);
      expect(await claimsOf(worker.id, offer.id)).toBe(0);
      expect(
        await ctx.dataSource
          .getRepository(PointsTransferEntity)
          .countBy({ kind: 'refund', refId: issued.id }),
      ).toBe(1);
      await expectCleanLedger();
    });

    it('leaves a code alone until the instant it lapses', async () => {
      const worker = await newWorker(40);
      const offer = await reward({ pointsCost: 25, codeValidHours: 1 });
      const { body: issued } = await redeem(ctx.app, worker.token, offer.id);

      await ctx.app.get(RedemptionExpiryJob).run(at(NOW, 0.99));

      expect((await redemptionRow(ctx.dataSource, issued.id)).status).toBe('issued');
      expect(await spendableOf(ctx.dataSource, worker.id)).toBe(15);
    });

    it.each([
      ['before the expiry job has run', false],
      ['after the expiry job has run', true],
    ])(
      'answers a cancel of a lapsed code with 409 REDEMPTION_EXPIRED and the points back, %s',
      async (_, jobFirst) => {
        const worker = await newWorker(40);
        const offer = await reward({ pointsCost: 25, stock: 3 });
        const { body: issued } = await redeem(ctx.app, worker.token, offer.id);
        const lapsed = at(NOW, 73);
        ctx.setNow(lapsed);
        if (jobFirst) await ctx.app.get(RedemptionExpiryJob).run(lapsed);

        const refused = await cancel(worker.token, issued.id);

        expect(outcome(refused)).toEqual([409, 'REDEMPTION_EXPIRED']);
        expect((await redemptionRow(ctx.dataSource, issued.id)).status).toBe('expired');
        expect(await spendableOf(ctx.dataSource, worker.id)).toBe(40);
        expect(await stockOf(ctx.dataSource, offer.id)).toBe(3);
        await expectCleanLedger();
      },
    );
  });
});
