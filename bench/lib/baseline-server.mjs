// The baselines: bare fastify, and raw mysql2 transactions doing the writes the API does.
// Runs as its own process: `node baseline-server.mjs` with PORT and (optional) DATABASE_URL.
import { randomBytes, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import mysql from 'mysql2/promise';

const app = Fastify({ logger: false });
const pool = process.env.DATABASE_URL
  ? mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10, timezone: 'Z' })
  : null;

app.get('/ping', async () => ({ pong: true }));

async function inTransaction(work) {
  const connection = await pool.getConnection();
  try {
    await connection.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await connection.beginTransaction();
    const result = await work(connection);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback().catch(() => {});
    throw error;
  } finally {
    connection.release();
  }
}

// Check-in: the worker's gate, the cooldown read, the visit row, then the points credit
// (pool debit, worker account, transfer, lot) and the visit's points stamped.
app.post('/checkin', async (request, reply) => {
  const { userId, stationId, regionId, poolId, accountId, ruleId, lat, lng } = request.body;
  const now = new Date();
  const visitId = randomUUID();
  await pool.query('INSERT IGNORE INTO checkin_gate (user_id, turns) VALUES (?, 0)', [userId]);
  await inTransaction(async (db) => {
    await db.query('UPDATE checkin_gate SET turns = turns + 1 WHERE user_id = ?', [userId]);
    const [recent] = await db.query(
      'SELECT created_at FROM checkin WHERE user_id = ? AND station_id = ? ORDER BY created_at DESC LIMIT 1',
      [userId, stationId],
    );
    if (recent.length && now - recent[0].created_at < 30 * 60_000) throw new Error('cooldown');
    await db.query(
      `INSERT INTO checkin (id, user_id, station_id, region_id, created_at, local_date, method, lat, lng, accuracy_m, distance_m)
       VALUES (?, ?, ?, ?, ?, ?, 'poster', ?, ?, 10, 0)`,
      [visitId, userId, stationId, regionId, now, now.toISOString().slice(0, 10), lat, lng],
    );
  });
  await inTransaction(async (db) => {
    const transferId = randomUUID();
    await db.query('UPDATE points_account SET balance = balance - 5 WHERE id = ?', [poolId]);
    await db.query(
      `INSERT INTO points_account (id, kind, owner_id, region_id, balance) VALUES (?, 'worker_points', ?, ?, 5)
       ON DUPLICATE KEY UPDATE balance = balance + 5`,
      [accountId, userId, regionId],
    );
    await db.query(
      `INSERT INTO points_transfer (id, debit_account_id, credit_account_id, amount, kind, status, idempotency_key, request_hash, created_at)
       VALUES (?, ?, ?, 5, 'checkin', 'posted', ?, ?, ?)`,
      [transferId, poolId, accountId, `base:checkin:${visitId}`, '0'.repeat(64), now],
    );
    await db.query(
      'INSERT INTO points_lot (id, account_id, source_transfer_id, amount, remaining, earned_at) VALUES (?, ?, ?, 5, 5, ?)',
      [randomUUID(), accountId, transferId, now],
    );
    for (const period of [`d:${now.toISOString().slice(0, 10)}`, 'w:bench']) {
      await db.query(
        `INSERT INTO points_cap_counter (id, user_id, rule_id, period_key, points) VALUES (?, ?, ?, ?, 5)
         ON DUPLICATE KEY UPDATE points = points + 5`,
        [randomUUID(), userId, ruleId, period],
      );
    }
    await db.query(
      `INSERT INTO points_award (id, idempotency_key, request_hash, user_id, region_id, rule_id, kind, requested, awarded, transfer_id)
       VALUES (?, ?, ?, ?, ?, ?, 'checkin', 5, 5, ?)`,
      [
        randomUUID(),
        `base:checkin:${visitId}`,
        '0'.repeat(64),
        userId,
        regionId,
        ruleId,
        transferId,
      ],
    );
    await db.query('UPDATE checkin SET points_awarded = 5 WHERE id = ?', [visitId]);
  });
  reply.status(201);
  return { id: visitId, points: 5 };
});

// Redemption: the worker's conditional debit, the pool's credit, the transfer, a lot drawn,
// the reward's stock, and the redemption row with its code.
app.post('/redeem', async (request, reply) => {
  const { userId, rewardId, regionId, poolId, accountId } = request.body;
  const now = new Date();
  const id = randomUUID();
  const code = randomBytes(6).toString('hex');
  await inTransaction(async (db) => {
    const transferId = randomUUID();
    const [debit] = await db.query(
      'UPDATE points_account SET balance = balance - 1 WHERE id = ? AND balance - pending_debit >= 1',
      [accountId],
    );
    if (debit.affectedRows !== 1) throw new Error('insufficient');
    await db.query('UPDATE points_account SET balance = balance + 1 WHERE id = ?', [poolId]);
    await db.query(
      `INSERT INTO points_transfer (id, debit_account_id, credit_account_id, amount, kind, status, idempotency_key, request_hash, created_at)
       VALUES (?, ?, ?, 1, 'redemption', 'posted', ?, ?, ?)`,
      [transferId, accountId, poolId, `base:redeem:${id}`, '0'.repeat(64), now],
    );
    const [lots] = await db.query(
      'SELECT id FROM points_lot WHERE account_id = ? AND remaining > 0 ORDER BY expires_at, earned_at LIMIT 1 FOR UPDATE',
      [accountId],
    );
    await db.query('UPDATE points_lot SET remaining = remaining - 1 WHERE id = ?', [lots[0].id]);
    await db.query(
      'INSERT INTO points_lot_draw (id, transfer_id, lot_id, amount) VALUES (?, ?, ?, 1)',
      [randomUUID(), transferId, lots[0].id],
    );
    const [stock] = await db.query(
      'UPDATE reward SET stock = stock - 1 WHERE id = ? AND stock > 0',
      [rewardId],
    );
    if (stock.affectedRows !== 1) throw new Error('out of stock');
    await db.query(
      `INSERT INTO redemption (id, code, user_id, reward_id, region_id, points_cost, status, idempotency_key, transfer_id, expires_at)
       VALUES (?, ?, ?, ?, ?, 1, 'issued', ?, ?, ?)`,
      [
        id,
        code,
        userId,
        rewardId,
        regionId,
        `base:${id}`,
        transferId,
        new Date(now.getTime() + 86_400_000),
      ],
    );
  });
  reply.status(201);
  return { id, code };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
