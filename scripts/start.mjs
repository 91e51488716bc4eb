#!/usr/bin/env node
// `pnpm start`: builds what is needed, loads the demo data and runs the whole system on
// the embedded default (API on SQLite under DATA_DIR, H5 client served beside it).
// Flags: --no-build (reuse existing builds, used by the browser tests).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startH5Server } from './h5-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_DIR = resolve(ROOT, 'apps/api');
const H5_DIR = resolve(ROOT, 'apps/miniapp/dist-h5');
const CONSOLE_DIR = resolve(ROOT, 'apps/console/dist');
const READY_TIMEOUT_MS = 60_000;

const shouldBuild = !process.argv.includes('--no-build');
const apiPort = Number(process.env.PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 8080);
const dataDir = resolve(ROOT, process.env.DATA_DIR ?? 'data');
// Two malloc arenas keep the photo decoder's memory from fragmenting across threads (about
// 400 MB instead of 300 MB after parallel 12 MP uploads; see docs/media.md).
const apiEnv = {
  MALLOC_ARENA_MAX: '2',
  ...process.env,
  PORT: String(apiPort),
  DATA_DIR: dataDir,
};

function log(message) {
  process.stdout.write(`[yizhan] ${message}\n`);
}

function runOrExit(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) {
    log(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

async function waitForReady(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`API not ready after ${READY_TIMEOUT_MS / 1000}s at ${url}`);
}

if (shouldBuild) {
  log('building contracts, API, H5 client and console …');
  runOrExit('pnpm', ['--filter', '@yizhan/contracts', 'build']);
  runOrExit('pnpm', ['--filter', '@yizhan/api', 'build']);
  runOrExit('pnpm', ['--filter', '@yizhan/miniapp', 'build:h5']);
  runOrExit('pnpm', ['--filter', '@yizhan/console', 'build']);
}

mkdirSync(dataDir, { recursive: true });
log(`loading demo data into ${process.env.DATABASE_URL ? 'DATABASE_URL' : dataDir} …`);
runOrExit('node', ['dist/cli/main.js', 'seed:demo'], { cwd: API_DIR, env: apiEnv });

const api = spawn('node', ['dist/main.js'], { cwd: API_DIR, env: apiEnv, stdio: 'inherit' });
const apiOrigin = `http://127.0.0.1:${apiPort}`;
let web;

async function shutdown(code) {
  if (web) await web.close().catch(() => undefined);
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
api.on('exit', (code) => {
  if (web) {
    log(`API stopped (code ${code})`);
    void shutdown(code ?? 1);
  }
});

try {
  await waitForReady(`${apiOrigin}/ready`, api);
  web = await startH5Server({
    rootDir: H5_DIR,
    consoleDir: CONSOLE_DIR,
    apiOrigin,
    port: webPort,
  });
} catch (error) {
  log(String(error instanceof Error ? error.message : error));
  await shutdown(1);
}

log('ready');
log(`H5 client:   ${web.url}/`);
log(
  `Console:     ${web.url}/console/  (district_admin@liuyang / ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : 'yizhan-demo'})`,
);
log(`API:         http://localhost:${apiPort}/api/v1  (health: /health, ready: /ready)`);
log(`API docs:    http://localhost:${apiPort}/api/docs`);
log('stop with Ctrl+C');
