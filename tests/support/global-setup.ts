import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULTS_DIR } from './browser';
import { freePort } from './free-port';
import { REPO_ROOT, SYSTEM_FILE, type SystemUnderTest } from './system';

const START_TIMEOUT_MS = 90_000;

/**
 * Starts the whole system with `node scripts/start.mjs --no-build` (what `pnpm start`
 * runs, minus the build the test command already did) on a fresh SQLite data dir.
 */
export default async function globalSetup(): Promise<void> {
  // Screenshots of an earlier run would pass for this run's failures.
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  // What the system says while the tests run (warnings and errors at LOG_LEVEL=warn): when a
  // suite fails with a refused connection, this tells whether the API or the H5 server died.
  const systemLog = createWriteStream(join(RESULTS_DIR, 'system.log'));
  const dataDir = mkdtempSync(join(tmpdir(), 'yizhan-e2e-'));
  const apiPort = await freePort();
  const webPort = await freePort();
  const child = spawn('node', ['scripts/start.mjs', '--no-build'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      WEB_PORT: String(webPort),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`system did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      systemLog.write(chunk);
      if (output.includes('[yizhan] ready')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`system exited with code ${code} before it was ready:\n${output}`));
    });
  });
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.pipe(systemLog, { end: false });
  child.stderr.pipe(systemLog, { end: false });
  child.once('exit', (code, signal) =>
    systemLog.write(`[tests] system exited (code ${code}, signal ${signal})\n`),
  );
  child.unref();
  const sut: SystemUnderTest = {
    apiOrigin: `http://127.0.0.1:${apiPort}`,
    webOrigin: `http://127.0.0.1:${webPort}`,
    dataDir,
    pid: child.pid ?? 0,
  };
  writeFileSync(SYSTEM_FILE, JSON.stringify(sut));
}
