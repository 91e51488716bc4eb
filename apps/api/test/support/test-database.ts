import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export type TestDialect = 'sqlite' | 'mysql';

/** The dialect of this Jest run: `test:mysql` sets it in a setup file, `test` leaves SQLite. */
export function currentDialect(): TestDialect {
  return process.env.YIZHAN_TEST_DIALECT === 'mysql' ? 'mysql' : 'sqlite';
}

export const DEFAULT_TEST_MYSQL_URL = 'mysql://root@127.0.0.1:3306';

/** A private, empty database for one suite, plus the environment that points the API at it. */
export interface TestDatabase {
  dialect: TestDialect;
  dataDir: string;
  /** DATA_DIR and DATABASE_URL for `loadConfig` (and spawned processes). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect = currentDialect()): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yizhan-api-test-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return { dialect, dataDir, env: { DATA_DIR: dataDir }, drop: async () => removeDataDir() };
  }

  const server = new URL(process.env.TEST_MYSQL_URL || DEFAULT_TEST_MYSQL_URL);
  const name = `yizhan_test_${randomBytes(6).toString('hex')}`;
  const admin = () =>
    createConnection({
      host: server.hostname,
      port: server.port ? Number(server.port) : 3306,
      user: decodeURIComponent(server.username) || 'root',
      password: decodeURIComponent(server.password),
    });
  const connection = await admin();
  try {
    await connection.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    dialect,
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      const cleanup = await admin();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await cleanup.end();
        removeDataDir();
      }
    },
  };
}
