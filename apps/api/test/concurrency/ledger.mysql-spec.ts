import { randomUUID } from 'node:crypto';
import { LedgerCheckResult, PointsAdjustment } from '@yizhan/contracts';
import { DomainError } from '../../src/common/errors/domain.error';
import { Transactions } from '../../src/database/transactions';
import { ER_LOCK_DEADLOCK } from '../../src/database/transient-errors';
import {
  accountIdOf,
  merchantClearing,
  regionPool,
  workerAccount,
} from '../../src/modules/ledger/ledger-accounts';
import { LedgerService, TransferOutcome } from '../../src/modules/ledger/ledger.service';
import { PointsAccountEntity } from '../../src/modules/ledger/points-account.entity';
import { PointsService } from '../../src/modules/ledger/points.service';
import { PointsTransferEntity } from '../../src/modules/ledger/points-transfer.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { createRegion } from '../support/factories';
import { authOf, createRule, createUser, newKey, TestUser } from '../support/points';
import { useTestApp } from '../support/test-app';
import { NaiveSpender, randomRun, RandomRunReport } from './random-run';

describe(`${LedgerService.name} under concurrency (MariaDB, real parallel connections)`, () => {
  const ctx = useTestApp();
  let ledger: LedgerService;
  let transactions: Transactions;
  let district: RegionEntity;
  let otherDistrict: RegionEntity;
  const merchantId = randomUUID();

  const check = (): Promise<LedgerCheckResult> => ctx.app.get(PointsService).check();
  const balanceOf = async (userId: string) =>
    (
      await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .findOneByOrFail({ id: accountIdOf(workerAccount(userId)) })
    ).balance;
  const fund = (userId: string, amount: number, regionId = district.id) =>
    ledger.transfer({
      debit: regionPool(regionId),
      credit: workerAccount(userId, regionId),
      amount,
      kind: 'manual',
      idempotencyKey: newKey('fund'),
    });
  const spend = (userId: string, amount: number, key = newKey('spend')) =>
    ledger.transfer({
      debit: workerAccount(userId),
      credit: merchantClearing(merchantId, district.id),
      amount,
      kind: 'redemption',
      ref: { type: 'redemption', id: null },
      idempotencyKey: key,
    });
  const settle = <T>(work: Array<Promise<T>>) => Promise.allSettled(work);
  const codeOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected'
      ? result.reason instanceof DomainError
        ? result.reason.code
        : String(result.reason)
      : 'ok';

  beforeAll(async () => {
    ledger = ctx.app.get(LedgerService);
    transactions = ctx.app.get(Transactions);
    const city = await createRegion(ctx.dataSource, { level: 'city' });
    district = await createRegion(ctx.dataSource, { level: 'district', parent: city });
    otherDistrict = await createRegion(ctx.dataSource, { level: 'district', parent: city });
  });

  it('lets exactly 3 of 50 parallel spends through when the balance covers 3, never below zero', async () => {
    const worker = await createUser(ctx.dataSource);
    await fund(worker.id, 30);

    const results = await settle(Array.from({ length: 50 }, () => spend(worker.id, 10)));

    const codes = results.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(3);
    expect(codes.filter((code) => code === 'POINTS_INSUFFICIENT')).toHaveLength(47);
    expect(await balanceOf(worker.id)).toBe(0);
    expect((await check()).mismatches).toEqual([]);
  });

  it('answers one key fired 10 times at once with one transfer and ten identical answers', async () => {
    const worker = await createUser(ctx.dataSource);
    await fund(worker.id, 10);
    const key = newKey('same');

    const results = await Promise.all(Array.from({ length: 10 }, () => spend(worker.id, 7, key)));

    const answers = results.map((outcome: TransferOutcome) => outcome.transfer);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(results.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(
      await ctx.dataSource.getRepository(PointsTransferEntity).countBy({ idempotencyKey: key }),
    ).toBe(1);
    expect(await balanceOf(worker.id)).toBe(3);
  });

  it('answers one award key fired 10 times at once with one award', async () => {
    const worker = await createUser(ctx.dataSource);
    await createRule(ctx.dataSource, {
      region: otherDistrict,
      kind: 'volunteer',
      points: 5,
      dailyCap: 12,
    });
    const key = newKey('award');

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        ledger.award({
          workerId: worker.id,
          regionId: otherDistrict.id,
          kind: 'volunteer',
          idempotencyKey: key,
        }),
      ),
    );

    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect(await balanceOf(worker.id)).toBe(5);
  });

  it('never lets parallel awards pass the daily cap together', async () => {
    const worker = await createUser(ctx.dataSource);
    await createRule(ctx.dataSource, {
      region: district,
      kind: 'checkin',
      points: 5,
      dailyCap: 12,
    });

    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        ledger.award({
          workerId: worker.id,
          regionId: district.id,
          kind: 'checkin',
          idempotencyKey: newKey(),
        }),
      ),
    );

    expect(results.reduce((sum, result) => sum + result.awarded, 0)).toBe(12);
    expect(await balanceOf(worker.id)).toBe(12);
    expect((await check()).mismatches).toEqual([]);
  });

  it('answers one adjustment key sent 10 times at once over HTTP with one 201, nine 200s, one body', async () => {
    const worker = await createUser(ctx.dataSource);
    await fund(worker.id, 1);
    const admin = await createUser(ctx.dataSource, [
      { role: 'district_admin', regionId: district.id },
    ]);
    const headers = await authOf(ctx.app, admin);
    const payload = { userId: worker.id, amount: 9, reason: '补录', idempotencyKey: newKey('adj') };

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        ctx.app.inject({ method: 'POST', url: '/api/v1/points/adjustments', headers, payload }),
      ),
    );

    expect(responses.map((r) => r.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map((r) => JSON.stringify(r.json<PointsAdjustment>()))).size).toBe(1);
    expect(await balanceOf(worker.id)).toBe(10);
  });

  it('settles a pending transfer once when posts and voids race', async () => {
    const worker = await createUser(ctx.dataSource);
    await fund(worker.id, 20);
    const hold = await ledger.transfer({
      debit: workerAccount(worker.id),
      credit: merchantClearing(merchantId, district.id),
      amount: 15,
      kind: 'redemption',
      idempotencyKey: newKey('hold'),
      pending: true,
    });

    const results = await settle(
      Array.from({ length: 10 }, (_, n) =>
        n % 2 === 0 ? ledger.post(hold.transfer.id) : ledger.void(hold.transfer.id),
      ),
    );

    const settled = await ctx.dataSource
      .getRepository(PointsTransferEntity)
      .findOneByOrFail({ id: hold.transfer.id });
    const winners = results.filter((result) => result.status === 'fulfilled');
    expect(['posted', 'voided']).toContain(settled.status);
    expect(winners).toHaveLength(5);
    expect(results.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(5);
    expect(await balanceOf(worker.id)).toBe(settled.status === 'posted' ? 5 : 20);
    expect((await check()).mismatches).toEqual([]);
  });

  it('runs a deadlock victim (two transactions locking two accounts in opposite order) again to a correct result', async () => {
    const a = await createUser(ctx.dataSource);
    const b = await createUser(ctx.dataSource);
    await fund(a.id, 50);
    await fund(b.id, 50);
    const retriedBefore = transactions.retriedAttempts;
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const meet = async () => {
      arrived += 1;
      if (arrived === 2) release();
      await bothLocked;
    };
    const lockAccount = (
      manager: Parameters<Parameters<Transactions['run']>[0]>[0],
      userId: string,
    ) =>
      manager.query('SELECT id FROM points_account WHERE id = ? FOR UPDATE', [
        accountIdOf(workerAccount(userId)),
      ]);
    // Each spend locks its own worker, waits until the other holds its own, then reaches for
    // the other's: a lock cycle InnoDB breaks by rolling one back (errno 1213).
    const crossed = (from: TestUser, to: TestUser, pool: RegionEntity) =>
      ledger.transfer(
        {
          debit: workerAccount(from.id),
          credit: regionPool(pool.id),
          amount: 20,
          kind: 'redemption',
          idempotencyKey: newKey('x'),
        },
        async (manager) => {
          await meet();
          await lockAccount(manager, to.id);
        },
      );

    const results = await Promise.all([crossed(a, b, district), crossed(b, a, otherDistrict)]);

    expect(results.every((outcome) => !outcome.replayed)).toBe(true);
    expect(transactions.retriedAttempts).toBeGreaterThan(retriedBefore);
    expect([await balanceOf(a.id), await balanceOf(b.id)]).toEqual([30, 30]);
    expect((await check()).mismatches).toEqual([]);
  });

  it('keeps answering after 20 failing operations in a row with a pool of 10 (no leaked connection)', async () => {
    const worker = await createUser(ctx.dataSource);
    await fund(worker.id, 5);
    const fakeDeadlock = Object.assign(new Error('Deadlock found (simulated)'), {
      errno: ER_LOCK_DEADLOCK,
    });
    const failing = [
      () => spend(worker.id, 100),
      () =>
        ledger.transfer(
          {
            debit: workerAccount(worker.id),
            credit: regionPool(district.id),
            amount: 1,
            kind: 'redemption',
            idempotencyKey: newKey(),
          },
          async () => {
            throw new Error('audit failed (simulated)');
          },
        ),
      () =>
        ledger.transfer(
          {
            debit: workerAccount(worker.id),
            credit: regionPool(district.id),
            amount: 1,
            kind: 'redemption',
            idempotencyKey: newKey(),
          },
          async () => {
            throw fakeDeadlock;
          },
        ),
    ];
    const before = await balanceOf(worker.id);

    const inARow: string[] = [];
    for (let n = 0; n < 20; n += 1) inARow.push(codeOf((await settle([failing[n % 3]()]))[0]));
    const atOnce = (await settle(Array.from({ length: 20 }, (_, n) => failing[n % 3]()))).map(
      codeOf,
    );

    expect(inARow.every((code) => code !== 'ok')).toBe(true);
    expect(atOnce.every((code) => code !== 'ok')).toBe(true);
    // Ten transactions holding a connection each at the same time: all ten connections are free.
    const held = await Promise.all(
      Array.from({ length: 10 }, () =>
        transactions.run((manager) => manager.query('SELECT SLEEP(0.05) AS s')),
      ),
    );
    expect(held).toHaveLength(10);
    const pool = (
      ctx.dataSource.driver as unknown as {
        pool?: { _allConnections?: { length: number }; _freeConnections?: { length: number } };
      }
    ).pool;
    if (pool?._allConnections && pool._freeConnections) {
      expect(pool._freeConnections.length).toBe(pool._allConnections.length);
    }
    expect((await spend(worker.id, 1)).replayed).toBe(false);
    const ready = await ctx.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(await balanceOf(worker.id)).toBe(before - 1);
    expect((await check()).mismatches).toEqual([]);
  });

  describe('a seeded random run of earn / spend / hold / post / void / reverse / expire', () => {
    const SEED = Number(process.env.LEDGER_RANDOM_SEED ?? Math.floor(Math.random() * 2 ** 31));
    let workers: TestUser[];

    beforeAll(async () => {
      workers = await Promise.all(Array.from({ length: 20 }, () => createUser(ctx.dataSource)));
      await createRule(ctx.dataSource, {
        region: district,
        kind: 'report',
        points: 12,
        dailyCap: 60,
      });
      await createRule(ctx.dataSource, { region: district, kind: 'survey', points: 8 });
    });

    const verdict = (report: RandomRunReport, check: LedgerCheckResult) => ({
      unexpected: report.unexpected,
      mismatches: check.mismatches,
    });

    it('keeps the books: zero mismatches, no negative balance (seed printed on failure)', async () => {
      const report = await randomRun({
        ctx,
        ledger,
        seed: SEED,
        workers,
        district,
        merchantId,
        operations: 2_000,
        parallel: 8,
      });
      const result = await check();
      const negative = await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .createQueryBuilder('account')
        .where("account.kind = 'worker_points' AND account.balance - account.pending_debit < 0")
        .getCount();

      const problems = { ...verdict(report, result), negative };
      if (problems.unexpected.length > 0 || problems.mismatches.length > 0 || negative > 0) {
        throw new Error(
          `random ledger run failed with LEDGER_RANDOM_SEED=${SEED}: ${JSON.stringify(problems).slice(0, 2_000)}`,
        );
      }
      expect(report.operations).toBeGreaterThanOrEqual(2_000);
      expect(report.succeeded.spend).toBeGreaterThan(100);
      expect(report.succeeded.expire).toBeGreaterThan(0);
      expect(report.succeeded.reverse).toBeGreaterThan(0);
      expect(report.refused.POINTS_INSUFFICIENT ?? 0).toBeGreaterThan(0);
    });

    it('catches a naive read-then-write spend in the same run (the check can fail)', async () => {
      const naiveWorkers = await Promise.all(
        Array.from({ length: 20 }, () => createUser(ctx.dataSource)),
      );
      // The merchant's clearing account exists: the first test's spends opened it.
      const naive = new NaiveSpender(
        transactions,
        ctx.app,
        accountIdOf(merchantClearing(merchantId, district.id)),
      );

      const report = await randomRun({
        ctx,
        ledger,
        seed: SEED,
        workers: naiveWorkers,
        district,
        merchantId,
        operations: 2_000,
        parallel: 8,
        spend: naive.spend,
      });
      const result = await check();
      const negative = await ctx.dataSource
        .getRepository(PointsAccountEntity)
        .createQueryBuilder('account')
        .where("account.kind = 'worker_points' AND account.balance - account.pending_debit < 0")
        .getCount();

      if (result.mismatches.length === 0 && negative === 0) {
        throw new Error(
          `naive spend went unnoticed with LEDGER_RANDOM_SEED=${SEED} (${report.operations} operations)`,
        );
      }
      expect(result.mismatches.length + negative).toBeGreaterThan(0);
    });
  });
});
