import 'reflect-metadata';
import { loadConfigOrExit } from './config/load-config';

/**
 * Entry point of `node dist/main.js`. Configuration is validated before anything else
 * loads, so a wrong variable costs no connection attempt and prints one line naming it.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const { startServer } = await import('./server');
  await startServer(config);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
