// POST /checkins with a poster code inside the geofence (auth, code and geofence check, the
// visit row, the points credit) beside a raw mysql2 server doing the same writes. Every request
// is a fresh worker's first check-in, so none meets the cooldown, the rate limit or a cap.
import { randomUUID } from 'node:crypto';
import { startApi, startBaseline } from '../lib/api.mjs';
import { assertMostlyOk, cannonServer, refusals, side } from '../lib/cannon.mjs';
import { connect } from '../lib/db.mjs';
import {
  accessToken,
  apiModules,
  createWorkers,
  dataset,
  LIUYANG,
  posterCode,
} from '../lib/dataset.mjs';

export const name = 'checkin';

export async function run(ctx) {
  const data = await dataset(ctx, 'small');
  const perSide = ctx.quick ? 1_500 : 15_000;
  const stations = data.stations.filter((station) => station.regionId);
  const apiWorkers = await createWorkers(ctx, data, perSide);
  const baseWorkers = await createWorkers(ctx, data, perSide);
  const { accountIdOf } = apiModules(ctx).ledgerAccounts;
  const db = connect(ctx, data.name);
  const [[rule]] = await db.query(
    "SELECT id FROM points_rule WHERE region_id = ? AND kind = 'checkin'",
    [LIUYANG],
  );
  const poolId = accountIdOf({ kind: 'region_pool', ownerId: LIUYANG });
  await db.query(
    `INSERT IGNORE INTO points_account (id, kind, owner_id, region_id, balance) VALUES (?, 'region_pool', ?, ?, 0)`,
    [poolId, LIUYANG, LIUYANG],
  );
  await db.end();

  const at = (n) => stations[n % stations.length];
  const apiRequests = apiWorkers.map((userId, n) => ({
    method: 'POST',
    path: '/api/v1/checkins',
    headers: { authorization: `Bearer ${accessToken(userId)}` },
    body: {
      code: posterCode(ctx, at(n)),
      lat: at(n).lat,
      lng: at(n).lng,
      accuracy: 10,
      idempotencyKey: randomUUID(),
    },
  }));
  const baseRequests = baseWorkers.map((userId, n) => ({
    method: 'POST',
    path: '/checkin',
    body: {
      userId,
      stationId: at(n).id,
      regionId: LIUYANG,
      poolId,
      ruleId: rule.id,
      accountId: accountIdOf({ kind: 'worker_points', ownerId: userId }),
      lat: at(n).lat,
      lng: at(n).lng,
    },
  }));

  const databaseUrl = data.url;
  const base = await cannonServer(
    ctx,
    startBaseline,
    { databaseUrl },
    {
      requests: baseRequests,
      title: 'raw mysql2 check-in',
    },
  );
  const project = await cannonServer(
    ctx,
    startApi,
    { databaseUrl },
    {
      requests: apiRequests,
      title: 'API POST /checkins',
    },
  );
  assertMostlyOk('checkin', project);
  assertMostlyOk('checkin baseline', base);
  const ratio = project.rps / base.rps;
  return {
    rows: [
      {
        scenario: 'check-in (50 connections)',
        project: side('API POST /checkins', project),
        baseline: side('raw mysql2 transactions', base),
        ratio,
        target: 'ratio ≥ 0.5, p99 < 50 ms',
        met: ratio >= 0.5 && project.p99 < 50,
        notes: refusals(project, { oneTime: true }).join('; ') || undefined,
      },
    ],
  };
}
