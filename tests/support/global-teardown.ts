import { rmSync } from 'node:fs';
import { system } from './system';

/** Stops the system started by global-setup (SIGTERM to its process group) and removes its data. */
export default async function globalTeardown(): Promise<void> {
  const { pid, dataDir } = system();
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((done) => setTimeout(done, 1000));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // stopped cleanly
  }
  rmSync(dataDir, { recursive: true, force: true });
}
