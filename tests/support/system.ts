import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** Where the running system can be reached; written by global-setup, read by every suite. */
export interface SystemUnderTest {
  apiOrigin: string;
  webOrigin: string;
  dataDir: string;
  pid: number;
}

export const REPO_ROOT = join(__dirname, '..', '..');
/**
 * One file per checkout: test runs of two worktrees on one machine would otherwise read each
 * other's system, and one run's teardown would stop the system the other is testing.
 */
export const SYSTEM_FILE = join(
  tmpdir(),
  `yizhan-tests-system-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.json`,
);

export function system(): SystemUnderTest {
  return JSON.parse(readFileSync(SYSTEM_FILE, 'utf8')) as SystemUnderTest;
}

export const api = (path: string) => `${system().apiOrigin}/api/v1${path}`;
