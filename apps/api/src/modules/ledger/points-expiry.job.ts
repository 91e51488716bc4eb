import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { LedgerService } from './ledger.service';

/**
 * Expires due points at the top of every hour (points lapse at a local midnight), as ledger
 * transfers (LedgerService.expireDue). Each lot expires once whoever runs the job, so several
 * API instances, or a run after downtime, change nothing twice. The scheduler is not started
 * under NODE_ENV=test (see AppModule); tests call `expireDue` with the time they choose.
 */
@Injectable()
export class PointsExpiryJob {
  constructor(
    private readonly ledger: LedgerService,
    @InjectPinoLogger(PointsExpiryJob.name) private readonly logger: PinoLogger,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'points-expiry', waitForCompletion: true })
  async scheduled(): Promise<void> {
    try {
      const run = await this.ledger.expireDue();
      if (run.lots > 0 || run.failures > 0) this.logger.info(run, 'Expired points');
    } catch (error) {
      this.logger.error({ err: error }, 'Points expiry run failed');
    }
  }
}
