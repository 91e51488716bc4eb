// MariaDB databases of the bench: create, drop, connect.
import mysql from 'mysql2/promise';

/** `mysql://root@127.0.0.1:3306` + database name. */
export function databaseUrl(ctx, name) {
  return `${ctx.mysqlUrl.replace(/\/+$/, '')}/${name}`;
}

export async function recreateDatabase(ctx, name) {
  const admin = await mysql.createConnection(ctx.mysqlUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(ctx, name) {
  const admin = await mysql.createConnection(ctx.mysqlUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.end();
  }
}

export function connect(ctx, name, options = {}) {
  return mysql.createPool({
    uri: databaseUrl(ctx, name),
    connectionLimit: 16,
    dateStrings: false,
    timezone: 'Z',
    ...options,
  });
}

export async function serverVersion(ctx) {
  const admin = await mysql.createConnection(ctx.mysqlUrl);
  try {
    const [rows] = await admin.query('SELECT VERSION() AS version');
    return rows[0].version;
  } finally {
    await admin.end();
  }
}

/** Inserts rows (arrays in `columns` order) in multi-row statements of `batch` rows. */
export async function bulkInsert(pool, table, columns, rows, batch = 2000) {
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    await pool.query(
      `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`,
      [chunk],
    );
  }
}
