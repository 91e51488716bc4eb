import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EarningKind } from '@yizhan/contracts';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { drainDue } from '../../common/jobs/drain-due';
import { LedgerService } from '../ledger/ledger.service';
import { RegionEntity } from '../regions/region.entity';
import { CheckinEntity } from './checkin.entity';
import { CheckinsRepository } from './checkins.repository';

/** Visits settled per sweep batch. */
const BATCH = 200;
/** A visit younger than this is still being settled by its own request. */
const SETTLE_GRACE_MS = 60_000;

export interface Settlement {
  /** null when the ledger could not be reached; the sweep settles it later. */
  points: number | null;
  capped: boolean;
  /** The worker's spendable points after the award, when the ledger answered them with it. */
  balance?: number | null;
}

/**
 * Pays a visit its points under the region's check-in rule and caps. The visit commits first
 * and the award follows under the key `checkin:<visit id>`, so a crash between the two loses
 * nothing: the sweep (every minute) awards what is still unsettled, and the key makes sure no
 * visit is ever paid twice, whoever gets there first.
 */
@Injectable()
export class CheckinPoints {
  constructor(
    private readonly checkins: CheckinsRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    @InjectPinoLogger(CheckinPoints.name) private readonly logger: PinoLogger,
  ) {}

  /**
   * `fresh`: the visit was recorded by this very request (no award can exist yet); `region`: the
   * visit's region when the caller has it loaded.
   */
  async settle(
    visit: CheckinEntity,
    context: { fresh?: boolean; region?: RegionEntity } = {},
  ): Promise<Settlement> {
    if (visit.flag !== null) return { points: 0, capped: false };
    if (visit.pointsAwarded !== null) {
      return { points: visit.pointsAwarded, capped: visit.pointsCapped };
    }
    try {
      // The visit's points are stamped in the award's own transaction; an award that answers an
      // earlier one (another id) stamps them here, in case that earlier one could not.
      let stampedBy = null as string | null;
      let balance: number | null = null;
      const award = await this.ledger.award({
        workerId: visit.userId,
        regionId: visit.regionId,
        region: context.region,
        fresh: context.fresh,
        kind: EarningKind.Checkin,
        ref: { type: 'checkin', id: visit.id },
        idempotencyKey: `checkin:${visit.id}`,
        within: async (manager, result, spendable) => {
          await this.checkins.settle(visit.id, result.awarded, result.capped, manager);
          stampedBy = result.awardId;
          balance = spendable;
        },
      });
      if (award.awardId !== stampedBy) {
        await this.checkins.settle(visit.id, award.awarded, award.capped);
      }
      return {
        points: award.awarded,
        capped: award.capped,
        balance: award.awardId === stampedBy ? balance : null,
      };
    } catch (error) {
      this.logger.error(
        { err: error, checkinId: visit.id },
        'Check-in award failed; the sweep retries',
      );
      return { points: null, capped: false };
    }
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'checkin-settlement', waitForCompletion: true })
  async scheduled(): Promise<void> {
    try {
      const run = await this.sweep();
      if (run.settled > 0 || run.failures > 0) this.logger.info(run, 'Settled check-in points');
    } catch (error) {
      this.logger.error({ err: error }, 'Check-in settlement sweep failed');
    }
  }

  /** Settles every unflagged visit older than the grace period that has no points recorded. */
  async sweep(now = this.clock.now()): Promise<{ settled: number; failures: number }> {
    const before = new Date(now.getTime() - SETTLE_GRACE_MS);
    const run = await drainDue(
      (take) => this.checkins.unsettled(before, take),
      BATCH,
      async (visit) => (await this.settle(visit)).points !== null,
      () => undefined, // settle() logs its own failures
    );
    return { settled: run.done, failures: run.failures };
  }
}
