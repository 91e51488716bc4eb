import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EarningKind, ReportStatus } from '@yizhan/contracts';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { drainDue } from '../../common/jobs/drain-due';
import { AwardResult, LedgerService } from '../ledger/ledger.service';
import { ReportEntity, ReportPointsStatus } from './report.entity';
import { ReportsRepository } from './reports.repository';

const BATCH = 200;
/** A change younger than this is still being settled by its own request. */
const SETTLE_GRACE_MS = 60_000;

const HELD: readonly ReportStatus[] = ['accepted', 'dispatched'];
const PAID: readonly ReportStatus[] = ['resolved', 'closed'];
const REFUSED: readonly ReportStatus[] = ['rejected', 'duplicate'];

export function awardKeyOf(reportId: string): string {
  return `report:${reportId}`;
}

/**
 * Makes the ledger follow a report's status: points held (pending) once it is accepted, posted
 * when it is resolved, voided when it is rejected or found a duplicate. The status change
 * commits first and marks the report unsettled; this follows, idempotently (one award key per
 * report, post and void answer the same when repeated), and the sweep finishes whatever a
 * crash or a ledger failure left.
 */
@Injectable()
export class ReportPoints {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    @InjectPinoLogger(ReportPoints.name) private readonly logger: PinoLogger,
  ) {}

  /** Settles one report as it stands now; false when the ledger failed (the sweep retries). */
  async settle(reportId: string): Promise<boolean> {
    const report = await this.reports.findById(reportId);
    if (!report || report.pointsSettled) return true;
    try {
      const points = await this.follow(report);
      await this.reports.markSettled(report.id, report.status, points);
      return true;
    } catch (error) {
      this.logger.error({ err: error, reportId }, 'Report points failed; the sweep retries');
      return false;
    }
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'report-points', waitForCompletion: true })
  async scheduled(): Promise<void> {
    try {
      const run = await this.sweep();
      if (run.settled > 0 || run.failures > 0) this.logger.info(run, 'Settled report points');
    } catch (error) {
      this.logger.error({ err: error }, 'Report points sweep failed');
    }
  }

  async sweep(now = this.clock.now()): Promise<{ settled: number; failures: number }> {
    const before = new Date(now.getTime() - SETTLE_GRACE_MS);
    const run = await drainDue(
      (take) => this.reports.unsettled(before, take),
      BATCH,
      (report) => this.settle(report.id),
      () => undefined, // settle() logs its own failures
    );
    return { settled: run.done, failures: run.failures };
  }

  private async follow(
    report: ReportEntity,
  ): Promise<{ amount: number; status: ReportPointsStatus } | null> {
    if (!report.reporterId) return this.release(report);
    if (HELD.includes(report.status) || PAID.includes(report.status)) {
      const award = await this.hold(report, report.reporterId);
      if (!PAID.includes(report.status)) return { amount: award.awarded, status: 'pending' };
      if (award.transferId) await this.ledger.post(award.transferId);
      return { amount: award.awarded, status: 'posted' };
    }
    if (REFUSED.includes(report.status)) return this.release(report);
    return null;
  }

  /** Voids what is still held for the report (refused, or its reporter erased their account). */
  private async release(
    report: ReportEntity,
  ): Promise<{ amount: number; status: ReportPointsStatus } | null> {
    const award = await this.ledger.awardOf(awardKeyOf(report.id));
    if (!award) return null;
    if (award.transferId && award.status === 'pending') await this.ledger.void(award.transferId);
    if (award.status === 'posted') return { amount: award.awarded, status: 'posted' };
    return { amount: award.awarded, status: 'voided' };
  }

  private hold(report: ReportEntity, reporterId: string): Promise<AwardResult> {
    return this.ledger.award({
      workerId: reporterId,
      regionId: report.regionId,
      kind: EarningKind.Report,
      ref: { type: 'report', id: report.id },
      idempotencyKey: awardKeyOf(report.id),
      pending: true,
    });
  }
}
