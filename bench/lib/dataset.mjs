// The bench's datasets, made once per run: the demo seed (migrations, regions, rules,
// categories) plus generated rows inserted with multi-row INSERTs.
//   small (`yizhan_bench`):     150 stations, 1,000 reports, the check-in and redemption workers
//   big   (`yizhan_bench_big`): 100,000 stations, 100,000 reports; 5,000 of each in quick mode,
//                                so CI's `pnpm bench --quick` generates it in seconds
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apiCli, BENCH_SECRETS } from './api.mjs';
import { bulkInsert, connect, databaseUrl, recreateDatabase } from './db.mjs';

export const LIUYANG = '7b42b369-33e9-5c1b-b7b3-aebc92d3f0a3';
/** Centre of the generated stations and reports (Liuyang) and the half side of their square. */
export const CENTRE = { lat: 28.15, lng: 113.63 };
export const SPREAD = 0.25;

// BENCH_DB: another name, for two checkouts benching on one MariaDB at once.
const DATABASE = process.env.BENCH_DB ?? 'yizhan_bench';
const DATABASES = { small: DATABASE, big: `${DATABASE}_big` };
const SIZES = {
  small: { stations: 150, reports: 1_000 },
  big: { stations: 100_000, reports: 100_000 },
};
const QUICK_BIG = { stations: 5_000, reports: 5_000 };

/** Station and report counts of a dataset in this run's mode. */
export function sizeOf(ctx, size) {
  return ctx.quick && size === 'big' ? QUICK_BIG : SIZES[size];
}

const cache = new Map();
const json = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The dataset of that size, generated on first use in this run. */
export function dataset(ctx, size) {
  if (!cache.has(size)) cache.set(size, generate(ctx, size));
  return cache.get(size);
}

/** The API's own helpers (exported for scenarios) (built CommonJS): ids of ledger accounts, station codes. */
export function apiModules(ctx) {
  const require = createRequire(join(ctx.repoRoot, 'apps/api/package.json'));
  require('reflect-metadata');
  return {
    stationCode: require(join(ctx.repoRoot, 'apps/api/dist/modules/stations/station-code.js')),
    ledgerAccounts: require(join(ctx.repoRoot, 'apps/api/dist/modules/ledger/ledger-accounts.js')),
  };
}

// A seeded random sequence, so both sizes have the same kind of spread.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const around = (rand) => ({
  lat: +(CENTRE.lat + (rand() * 2 - 1) * SPREAD).toFixed(6),
  lng: +(CENTRE.lng + (rand() * 2 - 1) * SPREAD).toFixed(6),
});

async function generate(ctx, size) {
  const name = DATABASES[size];
  const { stations: stationCount, reports: reportCount } = sizeOf(ctx, size);
  const started = Date.now();
  ctx.log(
    `dataset ${size}: ${name}, ${stationCount} stations, ${reportCount} reports` +
      (ctx.quick && size === 'big' ? ' (quick mode: full runs use 100,000 of each)' : ''),
  );
  await recreateDatabase(ctx, name);
  const url = databaseUrl(ctx, name);
  const seeded = await apiCli(ctx, url, 'seed:demo');
  if (seeded.code !== 0) throw new Error(`seed:demo failed:\n${seeded.out}`);
  const pool = connect(ctx, name);
  try {
    const rand = random(size === 'big' ? 7 : 3);
    const [[template]] = await pool.query(
      'SELECT opening_hours, services, hotlines FROM station LIMIT 1',
    );
    const [[{ seededStations }]] = await pool.query(
      'SELECT COUNT(*) AS seededStations FROM station',
    );
    const [streets] = await pool.query('SELECT id FROM region WHERE parent_id = ?', [LIUYANG]);
    const regionIds = [LIUYANG, ...streets.map((row) => row.id)];
    const stations = [];
    for (let n = 0; n < stationCount - seededStations; n++) {
      const at = around(rand);
      stations.push([
        randomUUID(),
        regionIds[n % regionIds.length],
        `Bench station ${n}`,
        'bench',
        `Bench road ${n}`,
        at.lat,
        at.lng,
        'open',
        n % 64,
        json(template.opening_hours),
        json(template.services),
        json(template.hotlines),
        150,
        1,
      ]);
    }
    await bulkInsert(
      pool,
      'station',
      [
        'id',
        'region_id',
        'name',
        'brand',
        'address',
        'lat',
        'lng',
        'status',
        'amenity_mask',
        'opening_hours',
        'services',
        'hotlines',
        'geofence_radius_m',
        'code_version',
      ],
      stations,
    );

    const [categories] = await pool.query(
      'SELECT id, code, sla_hours FROM report_category WHERE region_id = ?',
      [LIUYANG],
    );
    const statuses = ['submitted', 'accepted', 'dispatched'];
    const now = Date.now();
    const reports = [];
    for (let n = 0; n < reportCount; n++) {
      const category = categories[n % categories.length];
      const at = around(rand);
      const created = new Date(now - Math.floor(rand() * 30 * 86_400_000));
      reports.push([
        randomUUID(),
        randomUUID(),
        null,
        regionIds[n % regionIds.length],
        category.id,
        category.code,
        `Bench report ${n}`,
        at.lat,
        at.lng,
        statuses[n % statuses.length],
        new Date(created.getTime() + category.sla_hours * 3_600_000),
        created,
        created,
      ]);
    }
    await bulkInsert(
      pool,
      'report',
      [
        'id',
        'client_request_id',
        'reporter_id',
        'region_id',
        'category_id',
        'category_code',
        'description',
        'lat',
        'lng',
        'status',
        'due_at',
        'created_at',
        'updated_at',
      ],
      reports,
    );
    const [stationRows] = await pool.query(
      "SELECT id, lat, lng, region_id AS regionId, code_version AS codeVersion FROM station WHERE status = 'open' ORDER BY id",
    );
    ctx.log(`dataset ${size}: generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return {
      name,
      url,
      reports: reportCount,
      stations: stationRows.map((row) => ({ ...row, lat: Number(row.lat), lng: Number(row.lng) })),
    };
  } finally {
    await pool.end();
  }
}

/** Workers with the location consent (check-in needs it); returns their ids. */
export async function createWorkers(ctx, data, count) {
  const pool = connect(ctx, data.name);
  try {
    const ids = Array.from({ length: count }, () => randomUUID());
    const grantedAt = new Date();
    await bulkInsert(
      pool,
      'app_user',
      ['id', 'nickname', 'platform'],
      ids.map((id, n) => [id, `bench${n}`, 'bench']),
    );
    await bulkInsert(
      pool,
      'consent',
      ['id', 'user_id', 'kind', 'version', 'granted_at'],
      ids.map((id) => [randomUUID(), id, 'location', 'bench', grantedAt]),
    );
    return ids;
  } finally {
    await pool.end();
  }
}

/**
 * Credits each worker `points` from the region pool as the ledger would: the worker's account,
 * a posted manual transfer and one lot each, the pool's balance lowered by the total. The ledger
 * check stays clean.
 */
export async function creditWorkers(ctx, data, userIds, points, regionId = LIUYANG) {
  const { ledgerAccounts } = apiModules(ctx);
  const poolId = ledgerAccounts.accountIdOf({ kind: 'region_pool', ownerId: regionId });
  const db = connect(ctx, data.name);
  try {
    const total = points * userIds.length;
    await db.query(
      `INSERT INTO points_account (id, kind, owner_id, region_id, balance) VALUES (?, 'region_pool', ?, ?, ?)
       ON DUPLICATE KEY UPDATE balance = balance + VALUES(balance)`,
      [poolId, regionId, regionId, -total],
    );
    const now = new Date();
    const accounts = [];
    const transfers = [];
    const lots = [];
    for (const userId of userIds) {
      const accountId = ledgerAccounts.accountIdOf({ kind: 'worker_points', ownerId: userId });
      const transferId = randomUUID();
      accounts.push([accountId, 'worker_points', userId, regionId, points]);
      transfers.push([
        transferId,
        poolId,
        accountId,
        points,
        'manual',
        'posted',
        `bench:grant:${userId}`,
        '0'.repeat(64),
        now,
      ]);
      lots.push([randomUUID(), accountId, transferId, points, points, now]);
    }
    await bulkInsert(
      db,
      'points_account',
      ['id', 'kind', 'owner_id', 'region_id', 'balance'],
      accounts,
    );
    await bulkInsert(
      db,
      'points_transfer',
      [
        'id',
        'debit_account_id',
        'credit_account_id',
        'amount',
        'kind',
        'status',
        'idempotency_key',
        'request_hash',
        'created_at',
      ],
      transfers,
    );
    await bulkInsert(
      db,
      'points_lot',
      ['id', 'account_id', 'source_transfer_id', 'amount', 'remaining', 'earned_at'],
      lots,
    );
  } finally {
    await db.end();
  }
}

/** A reward of the district costing 1 point with stock enough for any run; returns its id. */
export async function createReward(ctx, data, title) {
  const db = connect(ctx, data.name);
  try {
    const id = randomUUID();
    await db.query(
      `INSERT INTO reward (id, region_id, title, points_cost, stock, code_valid_hours, status)
       VALUES (?, ?, ?, 1, 100000000, 24, 'active')`,
      [id, LIUYANG, title],
    );
    return id;
  } finally {
    await db.end();
  }
}

/** The printed poster's code of a station, as the API signs it. */
export function posterCode(ctx, station) {
  const { stationCode } = apiModules(ctx);
  const master = Buffer.from(
    hkdfSync('sha256', BENCH_SECRETS.DATA_ENCRYPTION_KEY, 'yizhan', 'station-codes', 32),
  );
  const key = stationCode.stationKey(master, station.id, station.codeVersion);
  return stationCode.signStationCode(key, 'poster', station.id, station.codeVersion);
}

/** An access token exactly as the API issues one (HS256, issuer and audience), valid an hour. */
export function accessToken(userId, roles = [{ role: 'worker' }]) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    sub: userId,
    sid: randomUUID(),
    typ: 'access',
    roles: roles.map((claim) => ({ regionId: null, stationId: null, merchantId: null, ...claim })),
    iat: now,
    exp: now + 3600,
    iss: 'yizhan',
    aud: 'yizhan-api',
  });
  const signature = createHmac('sha256', BENCH_SECRETS.JWT_SECRET)
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Points around the centre where the nearest-stations query is asked. */
export function queryPoints(count, seed = 11) {
  const rand = random(seed);
  return Array.from({ length: count }, () => around(rand));
}
