import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { LedgerService } from './ledger.service';

/** How often the API looks for expired points. Each lot expires once, whoever runs the job. */
export const POINTS_EXPIRY_INTERVAL_MS = 60 * 60 * 1000;
/** The first pass after start (a restart across midnight on New Year's Eve should not wait an hour). */
export const POINTS_EXPIRY_FIRST_RUN_MS = 60 * 1000;

/**
 * Expires due points every hour, as ledger transfers (LedgerService.expireDue). A plain timer
 * owned by the module rather than a scheduler dependency: the work is idempotent per lot, so
 * several API instances running it at once, or a run after downtime, changes nothing twice.
 * Not started under tests (NODE_ENV=test), which call `expireDue` with the time they choose.
 */
@Injectable()
export class PointsExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private firstRun: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ledger: LedgerService,
    private readonly config: AppConfig,
    @InjectPinoLogger(PointsExpiryJob.name) private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.firstRun = setTimeout(() => void this.runOnce(), POINTS_EXPIRY_FIRST_RUN_MS);
    this.firstRun.unref();
    this.timer = setInterval(() => void this.runOnce(), POINTS_EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.firstRun) clearTimeout(this.firstRun);
    if (this.timer) clearInterval(this.timer);
    this.firstRun = null;
    this.timer = null;
    await this.running;
  }

  /** One pass; a pass still running is not started twice. */
  runOnce(): Promise<void> {
    this.running ??= this.ledger
      .expireDue()
      .then(
        (run) => {
          if (run.lots > 0 || run.failures > 0) this.logger.info(run, 'Expired points');
        },
        (error: unknown) => this.logger.error({ err: error }, 'Points expiry run failed'),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
