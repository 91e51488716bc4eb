import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { drainDue } from '../../common/jobs/drain-due';
import { RedemptionRefunds } from './redemption-refunds';
import { RedemptionsRepository } from './redemptions.repository';
import { RedemptionError } from './redemptions.errors';

/** Codes refunded per batch; a run keeps taking batches until none are due. */
const BATCH = 200;

export interface RedemptionExpiryRun {
  expired: number;
  /** Codes that were fulfilled or cancelled between being read and being closed. */
  skipped: number;
  failures: number;
}

/**
 * Refunds codes that lapsed unfulfilled, every minute (@nestjs/schedule; the scheduler is not
 * started under NODE_ENV=test, where tests call `run` with the time they choose). Each refund is
 * idempotent per redemption, so several API instances running it at once change nothing twice.
 */
@Injectable()
export class RedemptionExpiryJob {
  constructor(
    private readonly redemptions: RedemptionsRepository,
    private readonly refunds: RedemptionRefunds,
    private readonly clock: Clock,
    @InjectPinoLogger(RedemptionExpiryJob.name) private readonly logger: PinoLogger,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'redemption-expiry', waitForCompletion: true })
  async scheduled(): Promise<void> {
    try {
      const run = await this.run();
      if (run.expired > 0 || run.failures > 0) this.logger.info(run, 'Expired redemption codes');
    } catch (error) {
      this.logger.error({ err: error }, 'Redemption expiry run failed');
    }
  }

  async run(now = this.clock.now()): Promise<RedemptionExpiryRun> {
    const run: RedemptionExpiryRun = { expired: 0, skipped: 0, failures: 0 };
    const drained = await drainDue(
      (take) => this.redemptions.dueForExpiry(now, take),
      BATCH,
      async ({ id }) => {
        const redemption = await this.redemptions.findById(id);
        if (!redemption || redemption.status !== 'issued') return true;
        try {
          await this.refunds.refund(redemption, 'expired', now, null);
          run.expired++;
        } catch (error) {
          if (!(error instanceof RedemptionError)) throw error;
          run.skipped++;
        }
        return true;
      },
      (row, error) =>
        this.logger.error({ err: error, redemptionId: row.id }, 'Could not expire a redemption'),
    );
    run.failures = drained.failures;
    return run;
  }
}
