import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/system';

/** The built API refuses to start on invalid configuration and names the variable. */
function startApi(env: Record<string, string>) {
  return spawnSync('node', ['apps/api/dist/main.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'yizhan-cfg-')),
      PORT: '0',
      ...env,
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('API configuration (black box)', () => {
  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'nonsense' }],
    ['PORT', { PORT: 'eighty' }],
    ['JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: 'short' }],
    ['WECHAT_API_BASE', { WECHAT_API_BASE: 'not a url' }],
    ['DATA_ENCRYPTION_KEY', { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) }],
    [
      'SMS_SENDER',
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(32),
        DATA_ENCRYPTION_KEY: 'k'.repeat(32),
        SMS_SENDER: 'log',
      },
    ],
  ])('exits non-zero naming %s', (variable, env) => {
    const result = startApi(env);
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(`${result.stdout}${result.stderr}`).toContain(variable);
  });
});
