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

export const SYSTEM_FILE = join(tmpdir(), 'yizhan-tests-system.json');
export const REPO_ROOT = join(__dirname, '..', '..');

export function system(): SystemUnderTest {
  return JSON.parse(readFileSync(SYSTEM_FILE, 'utf8')) as SystemUnderTest;
}

export const api = (path: string) => `${system().apiOrigin}/api/v1${path}`;
