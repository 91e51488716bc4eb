import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const API_DIR = resolve(__dirname, '..', '..');
const REGISTER = join(__dirname, 'swc-register.js');
const MAIN = join(API_DIR, 'src', 'main.ts');

/** The real API entry point as a child process, everything it prints kept for inspection. */
export interface ApiProcess {
  /** Base URL it listens on, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then resolves with the exit code once the process (and its log) is done. */
  stop(): Promise<number | null>;
}

/**
 * Starts `src/main.ts` (through the SWC require hook, no build) with only `env` on top of a
 * clean environment, and resolves once it logs that it listens.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'NODE_ENV', 'JWT_SECRET', 'PORT', 'YIZHAN_TEST_DIALECT']) {
    delete base[name];
  }
  const child = spawn(process.execPath, ['-r', REGISTER, MAIN], {
    cwd: API_DIR,
    env: { ...base, PORT: '0', HOST: '127.0.0.1', LOG_PRETTY: 'false', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  try {
    const url = await listeningUrl(child, () => output);
    return {
      url,
      output: () => output,
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        return exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

function listeningUrl(
  child: ChildProcessWithoutNullStreams,
  output: () => string,
): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "Listening" line:\n${output()}`)), 30_000);
    const onData = () => {
      const match = /Listening on (http:\/\/[^\s"]+)/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      resolveUrl(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output()}`));
    });
  });
}
