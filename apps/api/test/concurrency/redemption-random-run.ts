import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redemption } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { RedemptionExpiryJob } from '../../src/modules/redemptions/redemption-expiry.job';
import { RewardEntity } from '../../src/modules/rewards/reward.entity';
import { api, ApiResponse, errorCodeOf } from '../support/http';
import { atCounter, redeem, WorkerSession } from '../support/rewards';
import { TestApp } from '../support/test-app';
import { seededRandom } from './random-run';

export interface RedemptionRunOptions {
  ctx: TestApp;
  seed: number;
  workers: WorkerSession[];
  rewards: RewardEntity[];
  /** Counter accounts per merchant or station id (its rewards' `merchantId ?? stationId`). */
  counters: Map<string, string[]>;
  operations: number;
  /** Requests in flight at once. */
  parallel: number;
  /** Where the server clock starts; each batch moves it on by `stepMs`. */
  start: Date;
  stepMs: number;
}

/** One code the run issued, as the worker got it. */
export interface IssuedCode {
  redemption: Redemption;
  worker: WorkerSession;
  reward: RewardEntity;
  key: string;
}

export interface RedemptionRunReport {
  operations: number;
  /** `op:status` or `op:ERROR_CODE` → how many. */
  outcomes: Record<string, number>;
  expiredByJob: number;
  issued: IssuedCode[];
  /** Answers no rule allows: the run's failures. */
  unexpected: string[];
}

type Op = 'redeem' | 'replay' | 'cancel' | 'fulfil' | 'verify' | 'expire';
const WEIGHTS: Array<[Op, number]> = [
  ['redeem', 44],
  ['replay', 6],
  ['cancel', 14],
  ['fulfil', 20],
  ['verify', 6],
  ['expire', 10],
];

/** What each request may answer besides success. */
const ALLOWED: Record<Exclude<Op, 'expire'>, ReadonlySet<string>> = {
  redeem: new Set(['201', 'OUT_OF_STOCK', 'POINTS_INSUFFICIENT', 'REDEMPTION_LIMIT_REACHED']),
  replay: new Set(['200']),
  cancel: new Set(['200', 'REDEMPTION_ALREADY_FULFILLED', 'REDEMPTION_EXPIRED']),
  fulfil: new Set([
    '200',
    'REDEMPTION_ALREADY_FULFILLED',
    'REDEMPTION_CANCELLED',
    'REDEMPTION_EXPIRED',
  ]),
  verify: new Set(['200']),
};

/**
 * Budgets under the per-user rate limits (POST /redemptions 60, verify/fulfil 30 a minute): the
 * planner never sends a user more than this in a run, so the throttler never answers instead of
 * the code under test.
 */
const REDEEM_BUDGET = 55;
const COUNTER_BUDGET = 27;

/**
 * Random redeem / replay / cancel / fulfil / verify / expiry traffic over HTTP, `parallel`
 * requests at a time on a server clock that walks forward, so codes lapse and limit periods
 * turn. Half the redemptions come from the first two workers, so they collide on their accounts
 * and limits. Returns what happened; the caller checks the books.
 */
export async function redemptionRandomRun(
  options: RedemptionRunOptions,
): Promise<RedemptionRunReport> {
  const { ctx, workers, rewards } = options;
  const app: NestFastifyApplication = ctx.app;
  const random = seededRandom(options.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const weightTotal = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const chooseOp = (): Op => {
    let roll = random() * weightTotal;
    for (const [op, weight] of WEIGHTS) if ((roll -= weight) < 0) return op;
    return 'redeem';
  };
  const redeemsSent = new Map<string, number>();
  const lookupsSent = new Map<string, number>();
  const spend = (budget: Map<string, number>, id: string, limit: number) => {
    const used = budget.get(id) ?? 0;
    if (used >= limit) return false;
    budget.set(id, used + 1);
    return true;
  };
  /** A worker with redemption budget left, the two hot ones half the time. */
  const redeemer = (): WorkerSession | null => {
    const first = random() < 0.5 ? workers[Math.floor(random() * 2)] : pick(workers);
    const order = [first, ...workers];
    return order.find((worker) => spend(redeemsSent, worker.id, REDEEM_BUDGET)) ?? null;
  };
  /** A counter account of the code's merchant or station with lookups left. */
  const counterFor = (reward: RewardEntity): string | null => {
    const accounts = options.counters.get(reward.merchantId ?? reward.stationId ?? '') ?? [];
    const start = Math.floor(random() * accounts.length);
    for (let n = 0; n < accounts.length; n += 1) {
      const token = accounts[(start + n) % accounts.length];
      if (spend(lookupsSent, token, COUNTER_BUDGET)) return token;
    }
    return null;
  };

  const report: RedemptionRunReport = {
    operations: 0,
    outcomes: {},
    expiredByJob: 0,
    issued: [],
    unexpected: [],
  };
  const judge = (op: Exclude<Op, 'expire'>, response: ApiResponse<unknown>) => {
    const answer = errorCodeOf(response) ?? String(response.status);
    report.outcomes[`${op}:${answer}`] = (report.outcomes[`${op}:${answer}`] ?? 0) + 1;
    const expectedStatus = answer === '200' || answer === '201' || response.status === 409;
    if (!ALLOWED[op].has(answer) || !expectedStatus) {
      report.unexpected.push(`${op}: ${response.status} ${response.text.slice(0, 200)}`);
    }
  };

  const plan = (op: Op, now: Date): (() => Promise<void>) => {
    switch (op) {
      case 'redeem': {
        const worker = redeemer();
        const reward = pick(rewards);
        const key = `rr-${options.seed}-${randomUUID()}`;
        return async () => {
          if (!worker) return;
          const response = await redeem(app, worker.token, reward.id, key);
          judge('redeem', response);
          if (response.status === 201) {
            report.issued.push({ redemption: response.body, worker, reward, key });
          }
        };
      }
      case 'replay': {
        const earlier = report.issued.length > 0 ? pick(report.issued) : null;
        const allowed = earlier ? spend(redeemsSent, earlier.worker.id, REDEEM_BUDGET) : false;
        return async () => {
          if (!earlier || !allowed) return;
          const again = await redeem(app, earlier.worker.token, earlier.reward.id, earlier.key);
          judge('replay', again);
          if (again.status === 200 && again.body.id !== earlier.redemption.id) {
            report.unexpected.push(`replay of ${earlier.key} answered another redemption`);
          }
        };
      }
      case 'cancel': {
        const target = report.issued.length > 0 ? pick(report.issued) : null;
        return async () => {
          if (!target) return;
          const response = await api(app, {
            method: 'POST',
            path: `/redemptions/${target.redemption.id}/cancel`,
            token: target.worker.token,
          });
          judge('cancel', response);
        };
      }
      case 'fulfil':
      case 'verify': {
        const target = report.issued.length > 0 ? pick(report.issued) : null;
        const counter = target ? counterFor(target.reward) : null;
        return async () => {
          if (!target || !counter) return;
          judge(op, await atCounter(app, op, counter, target.redemption.code));
        };
      }
      case 'expire':
        return async () => {
          const run = await app.get(RedemptionExpiryJob).run(now);
          report.outcomes['expire:run'] = (report.outcomes['expire:run'] ?? 0) + 1;
          report.expiredByJob += run.expired;
          if (run.failures > 0) report.unexpected.push(`expire: ${run.failures} failures`);
        };
    }
  };

  const batches = Math.ceil(options.operations / options.parallel);
  for (let batch = 0; batch < batches; batch += 1) {
    const now = new Date(options.start.getTime() + options.stepMs * batch);
    ctx.setNow(now);
    const work = Array.from({ length: options.parallel }, () => {
      const op = chooseOp();
      return { op, run: plan(op, now) };
    });
    const results = await Promise.allSettled(work.map(({ run }) => run()));
    results.forEach((result, index) => {
      report.operations += 1;
      if (result.status === 'rejected') {
        const reason =
          result.reason instanceof Error ? result.reason.message : String(result.reason);
        report.unexpected.push(`${work[index].op}: threw ${reason}`);
      }
    });
  }
  return report;
}
