import { ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// These run the real entry points as processes, from the TypeScript sources through a small
// SWC require hook (no build needed), on SQLite in a temporary DATA_DIR.
const API_DIR = resolve(__dirname, '..');
const REGISTER = join(__dirname, 'support', 'swc-register.js');
const MAIN = join(API_DIR, 'src', 'main.ts');
const CLI = join(API_DIR, 'src', 'cli', 'main.ts');

const dataDirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-process-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function environment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', LOG_PRETTY: 'false' };
  for (const name of ['DATABASE_URL', 'NODE_ENV', 'JWT_SECRET', 'PORT', 'YIZHAN_TEST_DIALECT']) {
    delete env[name];
  }
  return { ...env, ...overrides };
}

function runNode(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', REGISTER, script, ...args], {
    cwd: API_DIR,
    env: environment(env),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('API process', () => {
  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'nonsense' }],
    ['PORT', { PORT: 'eighty' }],
    ['JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: 'short' }],
    ['WECHAT_API_BASE', { WECHAT_API_BASE: 'not a url' }],
  ])('refuses to start on an invalid %s, printing one line that names it', (variable, env) => {
    const result = runNode(MAIN, [], { DATA_DIR: freshDataDir(), ...env });

    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(variable)]);
    expect(result.stderr).toMatch(/^Invalid configuration: /);
  });

  it('serves on PORT=0, then on SIGTERM finishes and exits 0', async () => {
    const child = spawn(process.execPath, ['-r', REGISTER, MAIN], {
      cwd: API_DIR,
      env: environment({ DATA_DIR: freshDataDir(), PORT: '0', HOST: '127.0.0.1' }),
    });
    try {
      const url = await listeningUrl(child);
      const health = await fetch(`${url}/health`);
      const ready = await fetch(`${url}/ready`);

      expect(health.status).toBe(200);
      expect(ready.status).toBe(200);

      const exitCode = new Promise<number | null>((done) => child.once('exit', done));
      child.kill('SIGTERM');
      expect(await exitCode).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('CLI process', () => {
  it('seeds the demo data idempotently into a fresh database', () => {
    const dataDir = freshDataDir();

    const first = runNode(CLI, ['seed:demo'], { DATA_DIR: dataDir });
    const second = runNode(CLI, ['seed:demo'], { DATA_DIR: dataDir });

    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/stations: \d+ created, 0 updated, 0 unchanged/);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/regions: 0 created, 0 updated, \d+ unchanged/);
    expect(second.stdout).toMatch(/stations: 0 created, 0 updated, \d+ unchanged/);
  });

  it('applies migrations with `migrate` and reports when up to date', () => {
    const dataDir = freshDataDir();

    expect(runNode(CLI, ['migrate'], { DATA_DIR: dataDir }).stdout).toContain('applied:');
    expect(runNode(CLI, ['migrate'], { DATA_DIR: dataDir }).stdout).toContain('up to date');
  });

  it('exits 2 with usage on an unknown command', () => {
    const result = runNode(CLI, ['frobnicate'], { DATA_DIR: freshDataDir() });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command: frobnicate');
    expect(result.stderr).toContain('seed:demo');
  });
});

/** Resolves with the base URL once the server logs that it listens. */
function listeningUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "Listening" line:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
}
