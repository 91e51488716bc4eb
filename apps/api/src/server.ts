import { Logger } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { createApp } from './create-app';

/** How long in-flight requests get to finish after SIGTERM before the process gives up. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Starts the API and owns its shutdown. Nest's enableShutdownHooks() re-raises the signal
 * after closing (exit status 143); orchestrators and `pnpm start` expect 0 for a clean stop,
 * so the signals are handled here: stop accepting, finish in-flight requests, close the
 * DataSource (Nest's shutdown hooks via app.close()), exit 0.
 */
export async function startServer(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  const logger = new Logger('Server');
  await app.listen({ port: config.port, host: config.host });
  logger.log(`Listening on ${await app.getUrl()} (database: ${config.database.kind})`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: closing`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
