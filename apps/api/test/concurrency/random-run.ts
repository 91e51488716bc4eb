import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '../../src/common/errors/domain.error';
import { Transactions } from '../../src/database/transactions';
import {
  accountIdOf,
  merchantClearing,
  regionPool,
  workerAccount,
} from '../../src/modules/ledger/ledger-accounts';
import { LedgerError } from '../../src/modules/ledger/ledger.errors';
import { LedgerRepository } from '../../src/modules/ledger/ledger.repository';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { PointsLotDrawEntity } from '../../src/modules/ledger/points-lot-draw.entity';
import { PointsTransferEntity } from '../../src/modules/ledger/points-transfer.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { TestUser } from '../support/points';
import { TestApp } from '../support/test-app';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Spend = (userId: string, amount: number, key: string) => Promise<unknown>;

export interface RandomRunOptions {
  ctx: TestApp;
  ledger: LedgerService;
  seed: number;
  workers: TestUser[];
  district: RegionEntity;
  merchantId: string;
  operations: number;
  /** Operations in flight at once. */
  parallel: number;
  /** The spend under test (default: LedgerService). */
  spend?: Spend;
}

export interface RandomRunReport {
  operations: number;
  succeeded: Record<string, number>;
  refused: Record<string, number>;
  /** Anything but an expected refusal: the run's failures. */
  unexpected: string[];
}

const START = new Date('2026-06-01T09:00:00+08:00').getTime();
/** The run walks the clock through about three years, so lots earned early expire on the way. */
const SPAN_MS = 3 * 365 * 86_400_000;
const EXPECTED_REFUSALS = new Set(['POINTS_INSUFFICIENT', 'CONFLICT']);

type Op = 'award' | 'grant' | 'spend' | 'hold' | 'resolve' | 'reverse' | 'expire' | 'replay';
const WEIGHTS: Array<[Op, number]> = [
  ['award', 22],
  ['grant', 10],
  ['spend', 32],
  ['hold', 8],
  ['resolve', 8],
  ['reverse', 10],
  ['expire', 4],
  ['replay', 6],
];

/**
 * Random earn / spend / hold / post / void / reverse / expire traffic across workers, a few
 * operations in flight at a time, half of them on three "hot" workers so they collide. Returns
 * what happened; the caller runs the ledger check.
 */
export async function randomRun(options: RandomRunOptions): Promise<RandomRunReport> {
  const { ctx, ledger, workers, district, merchantId } = options;
  const random = seededRandom(options.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const worker = () => (random() < 0.5 ? workers[Math.floor(random() * 3)] : pick(workers));
  const weightTotal = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const chooseOp = (): Op => {
    let roll = random() * weightTotal;
    for (const [op, weight] of WEIGHTS) if ((roll -= weight) < 0) return op;
    return 'spend';
  };
  const spend: Spend =
    options.spend ??
    ((userId, amount, key) =>
      ledger.transfer({
        debit: workerAccount(userId),
        credit: merchantClearing(merchantId, district.id),
        amount,
        kind: 'redemption',
        ref: { type: 'redemption', id: null },
        idempotencyKey: key,
      }));

  const report: RandomRunReport = { operations: 0, succeeded: {}, refused: {}, unexpected: [] };
  const reversible: string[] = [];
  const pending: string[] = [];
  const spent: Array<{ userId: string; amount: number; key: string }> = [];

  const plan = (op: Op, now: Date): (() => Promise<unknown>) => {
    const who = worker();
    const amount = 1 + Math.floor(random() * 30);
    const key = `rr-${options.seed}-${randomUUID()}`;
    switch (op) {
      case 'award':
        return async () => {
          const result = await ledger.award({
            workerId: who.id,
            regionId: district.id,
            kind: random() < 0.7 ? 'report' : 'survey',
            idempotencyKey: key,
            pending: random() < 0.2,
          });
          if (result.transferId && result.status === 'posted') reversible.push(result.transferId);
          if (result.transferId && result.status === 'pending') pending.push(result.transferId);
        };
      case 'grant':
        return async () => {
          const outcome = await ledger.transfer({
            debit: regionPool(district.id),
            credit: workerAccount(who.id, district.id),
            amount,
            kind: 'manual',
            idempotencyKey: key,
          });
          reversible.push(outcome.transfer.id);
        };
      case 'spend':
        return async () => {
          const outcome = (await spend(who.id, amount, key)) as
            { transfer?: { id: string } } | undefined;
          spent.push({ userId: who.id, amount, key });
          if (outcome?.transfer) reversible.push(outcome.transfer.id);
        };
      case 'hold':
        return async () => {
          const outcome = await ledger.transfer({
            debit: workerAccount(who.id),
            credit: merchantClearing(merchantId, district.id),
            amount,
            kind: 'redemption',
            idempotencyKey: key,
            pending: true,
          });
          pending.push(outcome.transfer.id);
        };
      case 'resolve': {
        const id =
          pending.length > 0 ? pending.splice(Math.floor(random() * pending.length), 1)[0] : null;
        const post = random() < 0.5;
        return async () => {
          if (!id) return;
          const view = post ? await ledger.post(id) : await ledger.void(id);
          if (view.status === 'posted') reversible.push(id);
        };
      }
      case 'reverse': {
        const id = reversible.length > 0 ? pick(reversible) : null;
        return async () => {
          if (id)
            await ledger.reverse(id, {
              idempotencyKey: key,
              kind: random() < 0.5 ? 'reversal' : 'refund',
            });
        };
      }
      case 'expire':
        return () => ledger.expireDue(now);
      case 'replay': {
        const earlier = spent.length > 0 ? pick(spent) : null;
        return async () => {
          if (!earlier) return;
          const again = (await spend(earlier.userId, earlier.amount, earlier.key)) as
            { replayed?: boolean } | undefined;
          if (again && again.replayed === false)
            throw new Error(`replay of ${earlier.key} moved points again`);
        };
      }
    }
  };

  const batches = Math.ceil(options.operations / options.parallel);
  for (let batch = 0; batch < batches; batch += 1) {
    const now = new Date(START + (SPAN_MS * batch) / batches);
    ctx.setNow(now);
    const ops = Array.from({ length: options.parallel }, () => chooseOp());
    const work = ops.map((op) => ({ op, run: plan(op, now) }));
    const results = await Promise.allSettled(work.map(({ run }) => run()));
    results.forEach((result, index) => {
      const { op } = work[index];
      report.operations += 1;
      if (result.status === 'fulfilled') {
        report.succeeded[op] = (report.succeeded[op] ?? 0) + 1;
      } else if (
        result.reason instanceof DomainError &&
        EXPECTED_REFUSALS.has(result.reason.code)
      ) {
        report.refused[result.reason.code] = (report.refused[result.reason.code] ?? 0) + 1;
      } else {
        const reason =
          result.reason instanceof Error ? result.reason.message : String(result.reason);
        report.unexpected.push(`${op}: ${reason}`);
      }
    });
  }
  return report;
}

/**
 * Test-only, deliberately wrong: reads the balance, checks it in JavaScript, and writes the new
 * value back — the read-then-write the ledger must never do. Two of these on one worker lose an
 * update or overdraw; the ledger check has to notice.
 */
export class NaiveSpender {
  private readonly rows: LedgerRepository;

  constructor(
    private readonly transactions: Transactions,
    app: NestFastifyApplication,
    private readonly merchantAccountId: string,
  ) {
    this.rows = app.get(LedgerRepository);
  }

  readonly spend: Spend = async (userId, amount, key) => {
    const accountId = accountIdOf(workerAccount(userId));
    await this.transactions.run(async (manager) => {
      const [row] = (await manager.query(
        'SELECT balance, pending_debit AS pendingDebit FROM points_account WHERE id = ?',
        [accountId],
      )) as Array<{ balance: number; pendingDebit: number }>;
      if (!row || row.balance - row.pendingDebit < amount) throw LedgerError.insufficient();
      // A moment between the read and the write, as a busy server has.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await manager.query('UPDATE points_account SET balance = ? WHERE id = ?', [
        row.balance - amount,
        accountId,
      ]);
      await manager.query('UPDATE points_account SET balance = balance + ? WHERE id = ?', [
        amount,
        this.merchantAccountId,
      ]);
      const transfer = Object.assign(new PointsTransferEntity(), {
        id: randomUUID(),
        debitAccountId: accountId,
        creditAccountId: this.merchantAccountId,
        amount,
        kind: 'redemption',
        status: 'posted',
        refType: 'redemption',
        refId: null,
        idempotencyKey: key,
        requestHash: 'naive',
        reversesTransferId: null,
        expiresAt: null,
        memo: null,
        createdBy: null,
        createdAt: new Date(),
        resolvedAt: null,
      });
      await manager.insert(PointsTransferEntity, transfer);
      let left = amount;
      for (const lot of await this.rows.spendableLots(manager, accountId, null)) {
        if (left === 0) break;
        const taken = Math.min(lot.remaining, left);
        if (await this.rows.drawFromLot(manager, lot.id, taken)) {
          await manager.insert(PointsLotDrawEntity, {
            id: randomUUID(),
            lotId: lot.id,
            transferId: transfer.id,
            amount: taken,
          });
          left -= taken;
        }
      }
    });
    return undefined;
  };
}
