// The built API (apps/api/dist) as a child process on a fresh SQLite data dir with the demo
// data, for the start-up and upload scenarios; and the black-box client steps they need
// (workers signed in by SMS through the dev outbox, consents, poster check-in codes).
import { spawn, spawnSync } from 'node:child_process';
import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 60_000;

export function apiDir(repoRoot) {
  const dir = join(repoRoot, 'apps', 'api');
  if (!existsSync(join(dir, 'dist', 'main.js'))) {
    throw new Error(`${dir}/dist/main.js missing: run \`pnpm --filter @yizhan/api build\` first`);
  }
  return dir;
}

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** A fresh data dir and the environment the API runs with (as `pnpm start` sets it). */
export async function prepareApi(ctx, label) {
  const dataDir = join(ctx.tmpDir, `${label}-${process.pid}-${Date.now()}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // As `pnpm start` and the Docker image run it (see docs/media.md).
    MALLOC_ARENA_MAX: '2',
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    SMS_SENDER: 'log',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
  };
  return { dir: apiDir(ctx.repoRoot), dataDir, port, env, url: `http://127.0.0.1:${port}` };
}

/** Deletes the prepared data dir (the database and the uploaded photos). */
export function removeData(prepared) {
  rmSync(prepared.dataDir, { recursive: true, force: true });
}

/** `seed:demo` (migrations and the demo dataset) into the prepared data dir. */
export function seedDemo(prepared) {
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'seed:demo'], {
    cwd: prepared.dir,
    env: prepared.env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`seed:demo failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Resident set size of a process in MB (VmRSS), or the peak so far (VmHWM). */
export function rssMb(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU time a process has used so far (user + system, all threads), in ms. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Spawns `node dist/main.js` and resolves once `/ready` answers 200, with the time that took
 * (from just before spawn). `stop()` sends SIGTERM and waits for the exit.
 */
export async function startApi(prepared, { nodeArgs = [] } = {}) {
  // BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) to look inside a run.
  const extraArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const started = performance.now();
  const child = spawn(process.execPath, [...extraArgs, ...nodeArgs, 'dist/main.js'], {
    cwd: prepared.dir,
    env: prepared.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal)));
  const api = {
    url: prepared.url,
    pid: child.pid,
    child,
    output: () => output,
    readyMs: NaN,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = started + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`API exited with ${child.exitCode} before /ready:\n${output}`);
    }
    try {
      const response = await fetch(`${prepared.url}/ready`);
      if (response.ok) {
        api.readyMs = performance.now() - started;
        await response.arrayBuffer();
        return api;
      }
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await api.stop();
      throw new Error(`API not ready after ${READY_TIMEOUT_MS / 1000}s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 10));
  }
}

let clientSequence = 0;
/** Headers of a distinct client address (the API trusts loopback's X-Forwarded-For). */
export function clientHeaders(token, json = true) {
  clientSequence += 1;
  const n = clientSequence;
  return {
    ...(json ? { 'content-type': 'application/json' } : {}),
    'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

export async function call(url, method, path, { body, token } = {}) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: clientHeaders(token),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, body: json, text };
}

async function expectStatus(reply, wanted, what) {
  if (reply.status !== wanted) throw new Error(`${what}: ${reply.status} ${reply.text}`);
  return reply.body;
}

let phoneSequence = 0;
/**
 * A worker signed in by SMS (the dev sender's outbox gives the code), with the given consents.
 * Phone numbers are unique per call.
 */
export async function newWorker(prepared, consents = ['location']) {
  phoneSequence += 1;
  const phone = `137${String((Date.now() % 1e5) * 1000 + (phoneSequence % 1000)).padStart(8, '0')}`;
  await expectStatus(
    await call(prepared.url, 'POST', '/auth/sms/send', { body: { phone } }),
    200,
    'SMS send',
  );
  const code = readFileSync(join(prepared.dataDir, 'dev-sms-outbox.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((message) => message.phone === phone)
    .pop()?.code;
  const login = await expectStatus(
    await call(prepared.url, 'POST', '/auth/sms/login', { body: { phone, code } }),
    200,
    'SMS login',
  );
  for (const kind of consents) {
    await expectStatus(
      await call(prepared.url, 'POST', '/me/consents', {
        body: { kind, version: 'bench' },
        token: login.accessToken,
      }),
      201,
      `consent ${kind}`,
    );
  }
  return { id: login.user.id, phone, token: login.accessToken };
}

/** `count` workers, made a few at a time. */
export async function newWorkers(prepared, count, consents, parallel = 4) {
  const workers = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        next += 1;
        workers.push(await newWorker(prepared, consents));
      }
    }),
  );
  return workers;
}

/**
 * Signs poster codes as the API does: the master key derived as StationCodes derives it from
 * the data encryption key, then the API's own `stationKey` and `signStationCode`.
 */
export function posterCodeSigner(prepared) {
  const require = createRequire(join(prepared.dir, 'package.json'));
  // @yizhan/contracts, which station-code.js imports, decorates its DTOs on load.
  require('reflect-metadata');
  const codes = require('./dist/modules/stations/station-code.js');
  const master = Buffer.from(
    hkdfSync('sha256', prepared.env.DATA_ENCRYPTION_KEY, 'yizhan', 'station-codes', 32),
  );
  return (stationId, codeVersion = 1) =>
    codes.signStationCode(
      codes.stationKey(master, stationId, codeVersion),
      'poster',
      stationId,
      codeVersion,
    );
}
