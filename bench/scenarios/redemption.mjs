// POST /redemptions (points debit, stock debit, code issue) beside a raw mysql2 server doing the
// same writes; afterwards the ledger check (cli ledger:check) must be clean. Each request is a
// different worker holding enough points, so the per-minute limit is never reached.
import { randomUUID } from 'node:crypto';
import { apiCli, startApi, startBaseline } from '../lib/api.mjs';
import { assertMostlyOk, cannonServer, refusals, side } from '../lib/cannon.mjs';
import {
  accessToken,
  apiModules,
  createReward,
  createWorkers,
  creditWorkers,
  dataset,
  LIUYANG,
} from '../lib/dataset.mjs';

export const name = 'redemption';

export async function run(ctx) {
  const data = await dataset(ctx, 'small');
  const perSide = ctx.quick ? 1_500 : 15_000;
  const { accountIdOf } = apiModules(ctx).ledgerAccounts;
  const apiWorkers = await createWorkers(ctx, data, perSide);
  const baseWorkers = await createWorkers(ctx, data, perSide);
  await creditWorkers(ctx, data, [...apiWorkers, ...baseWorkers], 10);
  const apiReward = await createReward(ctx, data, 'Bench reward (API)');
  const baseReward = await createReward(ctx, data, 'Bench reward (baseline)');
  const poolId = accountIdOf({ kind: 'region_pool', ownerId: LIUYANG });

  const apiRequests = apiWorkers.map((userId) => ({
    method: 'POST',
    path: '/api/v1/redemptions',
    headers: { authorization: `Bearer ${accessToken(userId)}` },
    body: { rewardId: apiReward, idempotencyKey: randomUUID() },
  }));
  const baseRequests = baseWorkers.map((userId) => ({
    method: 'POST',
    path: '/redeem',
    body: {
      userId,
      rewardId: baseReward,
      regionId: LIUYANG,
      poolId,
      accountId: accountIdOf({ kind: 'worker_points', ownerId: userId }),
    },
  }));

  const databaseUrl = data.url;
  const base = await cannonServer(
    ctx,
    startBaseline,
    { databaseUrl },
    {
      requests: baseRequests,
      title: 'raw mysql2 redemption',
    },
  );
  const project = await cannonServer(
    ctx,
    startApi,
    { databaseUrl },
    {
      requests: apiRequests,
      title: 'API POST /redemptions',
    },
  );
  assertMostlyOk('redemption', project);
  assertMostlyOk('redemption baseline', base);
  const check = await apiCli(ctx, data.url, 'ledger:check');
  ctx.log(`  ledger:check exit ${check.code}`);
  if (check.code !== 0) ctx.log(check.out.slice(0, 2000));
  const ratio = project.rps / base.rps;
  const notes = refusals(project, { oneTime: true });
  notes.push(check.code === 0 ? 'ledger check clean' : 'LEDGER CHECK FAILED');
  return {
    rows: [
      {
        scenario: 'redemption (50 connections)',
        project: side('API POST /redemptions', project),
        baseline: side('raw mysql2 transaction', base),
        ratio,
        target: 'ratio ≥ 0.5, ledger check clean',
        met: ratio >= 0.5 && check.code === 0,
        notes: notes.join('; '),
      },
    ],
  };
}
