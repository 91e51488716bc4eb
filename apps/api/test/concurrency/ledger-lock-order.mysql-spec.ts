import { randomUUID } from 'node:crypto';
import { DomainError } from '../../src/common/errors/domain.error';
import { Transactions } from '../../src/database/transactions';
import { CapCounterEntity } from '../../src/modules/ledger/cap-counter.entity';
import { EarningRuleEntity } from '../../src/modules/ledger/earning-rule.entity';
import {
  accountIdOf,
  AccountRef,
  merchantClearing,
  regionPool,
  workerAccount,
} from '../../src/modules/ledger/ledger-accounts';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { PointsAccountEntity } from '../../src/modules/ledger/points-account.entity';
import { PointsService } from '../../src/modules/ledger/points.service';
import { PointsTransferEntity } from '../../src/modules/ledger/points-transfer.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { createRegion } from '../support/factories';
import { createRule, createUser, newKey, TestUser } from '../support/points';
import { useTestApp } from '../support/test-app';

const CHECKIN_POINTS = 5;
const REPORT_POINTS = 7;
const FUNDED = 500;
const SPEND = 10;
const HOLD = 15;
/** How many of each operation race in one round (all on one worker and one pool). */
const RACE = { awards: 10, newPending: 6, posts: 5, voids: 5, spends: 8, contested: 6 };
const ROUNDS = 3;

/**
 * The ledger's one lock order (worker's account → its lots → the caller's rows → shared
 * accounts → transfer row) is what keeps movements of one worker and one district's pool from
 * deadlocking. Everything here races on the same worker and the same pool on real parallel
 * connections: if any path took the pool (or the transfer row) before the worker, two of them
 * would hold one row each and wait for the other — InnoDB kills one (1213), and the retry
 * counter shows it even when a retry then succeeds.
 */
describe(`${LedgerService.name} lock order (MariaDB, one worker and one pool raced)`, () => {
  const ctx = useTestApp();
  let ledger: LedgerService;
  let transactions: Transactions;
  let district: RegionEntity;
  let checkinRule: EarningRuleEntity;
  let reportRule: EarningRuleEntity;
  const merchantId = randomUUID();

  const accountOf = (ref: AccountRef) =>
    ctx.dataSource.getRepository(PointsAccountEntity).findOneByOrFail({ id: accountIdOf(ref) });
  const statusOf = async (transferId: string) =>
    (await ctx.dataSource.getRepository(PointsTransferEntity).findOneByOrFail({ id: transferId }))
      .status;
  /** What the worker earned today under the rule, as its cap counter holds it. */
  const countedToday = async (worker: TestUser, rule: EarningRuleEntity) =>
    (
      await ctx.dataSource
        .getRepository(CapCounterEntity)
        .findOneByOrFail({ userId: worker.id, ruleId: rule.id })
    ).points;
  const codeOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'fulfilled'
      ? 'ok'
      : result.reason instanceof DomainError
        ? result.reason.code
        : String(result.reason);

  const award = (worker: TestUser, kind: 'checkin' | 'report', pending = false) =>
    ledger.award({
      workerId: worker.id,
      regionId: district.id,
      kind,
      idempotencyKey: newKey(kind),
      pending,
    });
  /** A report's points held until it is resolved: the id of its pending transfer. */
  const pendingAward = async (worker: TestUser) => {
    const result = await award(worker, 'report', true);
    if (!result.transferId || result.status !== 'pending') {
      throw new Error(`expected a pending award, got ${JSON.stringify(result)}`);
    }
    return result.transferId;
  };
  const spend = (worker: TestUser, amount: number, pending = false) =>
    ledger.transfer({
      debit: workerAccount(worker.id),
      credit: merchantClearing(merchantId, district.id),
      amount,
      kind: 'redemption',
      ref: { type: 'redemption', id: null },
      idempotencyKey: newKey('spend'),
      pending,
    });

  beforeAll(async () => {
    ledger = ctx.app.get(LedgerService);
    transactions = ctx.app.get(Transactions);
    // One fixed day: the cap counters stay the same rows for the whole suite.
    ctx.setNow(new Date('2026-06-03T10:00:00+08:00'));
    const city = await createRegion(ctx.dataSource, { level: 'city' });
    district = await createRegion(ctx.dataSource, { level: 'district', parent: city });
    // Caps far above what the test earns, so awards and voids still take the counters' locks.
    checkinRule = await createRule(ctx.dataSource, {
      region: district,
      kind: 'checkin',
      points: CHECKIN_POINTS,
      dailyCap: 100_000,
    });
    reportRule = await createRule(ctx.dataSource, {
      region: district,
      kind: 'report',
      points: REPORT_POINTS,
      dailyCap: 100_000,
    });
  });

  afterAll(() => ctx.restoreNow());

  it.each(Array.from({ length: ROUNDS }, (_, round) => round + 1))(
    'round %i: awards, posts and voids of held credits, spends and holds on one worker never deadlock and keep the books',
    async () => {
      const worker = await createUser(ctx.dataSource);
      // The worker's account, lots, cap counters and the merchant's account exist before the
      // race: first-time inserts are not what this test is about.
      await ledger.transfer({
        debit: regionPool(district.id),
        credit: workerAccount(worker.id, district.id),
        amount: FUNDED,
        kind: 'manual',
        idempotencyKey: newKey('fund'),
      });
      await award(worker, 'checkin');
      await spend(worker, 1);
      const toPost = await Promise.all(
        Array.from({ length: RACE.posts }, () => pendingAward(worker)),
      );
      const toVoid = await Promise.all(
        Array.from({ length: RACE.voids }, () => pendingAward(worker)),
      );
      const contested = await pendingAward(worker);
      const holdToPost = (await spend(worker, HOLD, true)).transfer.id;
      const holdToVoid = (await spend(worker, HOLD, true)).transfer.id;
      const pool = regionPool(district.id);
      const clearing = merchantClearing(merchantId, district.id);
      const before = {
        worker: await accountOf(workerAccount(worker.id)),
        pool: await accountOf(pool),
        clearing: await accountOf(clearing),
      };
      const countedBefore = {
        checkin: await countedToday(worker, checkinRule),
        report: await countedToday(worker, reportRule),
      };
      const retriedBefore = transactions.retriedAttempts;

      // Interleaved so each kind of operation is in flight next to every other kind.
      const race = roundRobin([
        ...Array.from({ length: RACE.awards }, () => ({
          op: 'award',
          run: () => award(worker, 'checkin'),
        })),
        ...Array.from({ length: RACE.newPending }, () => ({
          op: 'pending award',
          run: () => pendingAward(worker),
        })),
        ...toPost.map((id) => ({ op: 'post', run: () => ledger.post(id) })),
        ...toVoid.map((id) => ({ op: 'void', run: () => ledger.void(id) })),
        ...Array.from({ length: RACE.spends }, () => ({
          op: 'spend',
          run: () => spend(worker, SPEND),
        })),
        { op: 'post hold', run: () => ledger.post(holdToPost) },
        { op: 'void hold', run: () => ledger.void(holdToVoid) },
        ...Array.from({ length: RACE.contested }, (_, n) => ({
          op: n % 2 === 0 ? 'contested post' : 'contested void',
          run: () => (n % 2 === 0 ? ledger.post(contested) : ledger.void(contested)),
        })),
      ]);

      const results = await Promise.allSettled(race.map((entry) => entry.run()));

      const outcomes = race.map((entry, index) => ({ op: entry.op, code: codeOf(results[index]) }));
      const contestedStatus = await statusOf(contested);
      expect(['posted', 'voided']).toContain(contestedStatus);
      const contestedWinner = contestedStatus === 'posted' ? 'contested post' : 'contested void';
      // Every operation succeeds, except the contested ones that lost: those are told 409.
      const failed = outcomes.filter(
        (outcome) =>
          outcome.code !== 'ok' &&
          !(outcome.op.startsWith('contested') && outcome.op !== contestedWinner),
      );
      expect(failed).toEqual([]);
      expect(
        outcomes.filter((outcome) => outcome.op.startsWith('contested')).map((o) => o.code),
      ).toEqual(
        outcomes
          .filter((outcome) => outcome.op.startsWith('contested'))
          .map((o) => (o.op === contestedWinner ? 'ok' : 'CONFLICT')),
      );
      // The lock order is what makes this hold: a deadlock would be retried (and likely
      // succeed), so the retry counter is the witness of a broken order.
      expect(transactions.retriedAttempts - retriedBefore).toBe(0);

      expect([await statusOf(holdToPost), await statusOf(holdToVoid)]).toEqual([
        'posted',
        'voided',
      ]);
      expect(await Promise.all(toPost.map(statusOf))).toEqual(toPost.map(() => 'posted'));
      expect(await Promise.all(toVoid.map(statusOf))).toEqual(toVoid.map(() => 'voided'));

      // What the successful operations imply, counted from the known outcome of each one.
      const contestedPosted = contestedStatus === 'posted' ? REPORT_POINTS : 0;
      const earned = RACE.awards * CHECKIN_POINTS + RACE.posts * REPORT_POINTS + contestedPosted;
      const spent = RACE.spends * SPEND + HOLD;
      const releasedCredit = (RACE.posts + RACE.voids + 1) * REPORT_POINTS;
      const after = {
        worker: await accountOf(workerAccount(worker.id)),
        pool: await accountOf(pool),
        clearing: await accountOf(clearing),
      };
      expect(numbers(after.worker)).toEqual({
        balance: before.worker.balance + earned - spent,
        pendingDebit: before.worker.pendingDebit - 2 * HOLD,
        pendingCredit:
          before.worker.pendingCredit - releasedCredit + RACE.newPending * REPORT_POINTS,
      });
      expect(numbers(after.pool)).toEqual({
        balance: before.pool.balance - earned,
        pendingDebit: before.pool.pendingDebit - releasedCredit + RACE.newPending * REPORT_POINTS,
        pendingCredit: before.pool.pendingCredit,
      });
      expect(numbers(after.clearing)).toEqual({
        balance: before.clearing.balance + spent,
        pendingDebit: 0,
        pendingCredit: before.clearing.pendingCredit - 2 * HOLD,
      });
      // A void gives the award's points back to the caps once (a losing void gives nothing).
      const contestedVoided = contestedStatus === 'voided' ? REPORT_POINTS : 0;
      expect({
        checkin: await countedToday(worker, checkinRule),
        report: await countedToday(worker, reportRule),
      }).toEqual({
        checkin: countedBefore.checkin + RACE.awards * CHECKIN_POINTS,
        report:
          countedBefore.report +
          RACE.newPending * REPORT_POINTS -
          RACE.voids * REPORT_POINTS -
          contestedVoided,
      });
      expect((await ctx.app.get(PointsService).check()).mismatches).toEqual([]);
    },
  );
});

function numbers(account: PointsAccountEntity) {
  return {
    balance: account.balance,
    pendingDebit: account.pendingDebit,
    pendingCredit: account.pendingCredit,
  };
}

interface RaceEntry {
  op: string;
  run: () => Promise<unknown>;
}

/** One of each kind of operation in turn, so every kind starts next to every other kind. */
function roundRobin(entries: RaceEntry[]): RaceEntry[] {
  const byOp = new Map<string, RaceEntry[]>();
  for (const entry of entries) byOp.set(entry.op, [...(byOp.get(entry.op) ?? []), entry]);
  const queues = [...byOp.values()];
  const ordered: RaceEntry[] = [];
  while (ordered.length < entries.length) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) ordered.push(next);
    }
  }
  return ordered;
}
