// Starts the built API (apps/api/dist) on a database and waits until /ready answers.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** Fixed secrets of the bench's databases: tokens and station codes are made with them. */
export const BENCH_SECRETS = {
  JWT_SECRET: 'bench-jwt-secret-bench-jwt-secret-0123456789',
  DATA_ENCRYPTION_KEY: 'bench-data-key-bench-data-key-0123456789abcd',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The API's environment for the bench: production mode, logs at warn (no per-request lines). */
export function apiEnv(databaseUrl, extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    ...BENCH_SECRETS,
    SMS_SENDER: 'none',
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    ...extra,
  };
}

/** Runs the API's CLI (`migrate`, `seed:demo`, `ledger:check`); resolves with its output. */
export function apiCli(ctx, databaseUrl, command) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ctx.repoRoot, 'apps/api/dist/cli/main.js'), command],
      {
        env: { ...apiEnv(databaseUrl), DATA_DIR: join(ctx.tmpDir, 'data') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Starts `apps/api/dist/main.js`; returns {url, pid, stop()}. Extra args go to node. */
export async function startApi(ctx, { databaseUrl, env = {}, nodeArgs = [] }) {
  const port = await freePort();
  const dataDir = join(ctx.tmpDir, `api-${port}`);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(ctx.repoRoot, 'apps/api/dist/main.js')],
    {
      cwd: dataDir,
      env: {
        ...apiEnv(databaseUrl, env),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = code ?? signal));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`API exited (${exited}) before ready:\n${output}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (exited !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Starts bench/lib/baseline-server.mjs (bare fastify, raw mysql2) in its own process. */
export async function startBaseline(ctx, { databaseUrl: dbUrl } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ctx.repoRoot, 'bench/lib/baseline-server.mjs')], {
    env: { PATH: process.env.PATH, PORT: String(port), ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`baseline server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
