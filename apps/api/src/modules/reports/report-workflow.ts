import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import {
  AcceptReportDto,
  DispatchReportDto,
  DuplicateReportDto,
  EarningKind,
  HandlerAction,
  REPORT_AUTO_CLOSE_DAYS,
  REPORT_TRANSITIONS,
  RejectReportDto,
  ReportAction,
  ResolveReportDto,
  ReportView,
} from '@yizhan/contracts';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { Transactions, TxManager } from '../../database/transactions';
import { AccessError } from '../access/access.errors';
import { AccessPolicy } from '../access/access-policy';
import { Actor } from '../access/actor';
import { DepartmentsService } from '../departments/departments.service';
import { LedgerService } from '../ledger/ledger.service';
import { MediaAttachments } from '../media/media-attachments';
import { Notifier } from '../notifications/notifier';
import { ReportCategoriesRepository } from '../report-categories/report-categories.repository';
import { RegionsRepository } from '../regions/regions.repository';
import { ReportPoints } from './report-points';
import { ReportViews } from './report-views';
import { ReportEntity } from './report.entity';
import { ReportError } from './reports.errors';
import { ReportsRepository } from './reports.repository';
import { eventOf, ReportsService } from './reports.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSE_BATCH = 200;

/** What one step changes beyond the status, and what else happens in its transaction. */
interface Step {
  action: HandlerAction;
  note: string | null;
  changes: Partial<ReportEntity>;
  departmentId?: string | null;
  within?: (manager: TxManager) => Promise<void>;
}

/**
 * The handler's steps through a report's life (API.md): each is one transaction that moves
 * the status only from where the step is allowed (a conditional UPDATE, so of two handlers
 * racing exactly one wins and the other gets 409), writes its timeline entry and the
 * reporter's notification; the points follow right after commit (ReportPoints).
 */
@Injectable()
export class ReportWorkflow {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly reading: ReportsService,
    private readonly views: ReportViews,
    private readonly points: ReportPoints,
    private readonly departments: DepartmentsService,
    private readonly categories: ReportCategoriesRepository,
    private readonly regions: RegionsRepository,
    private readonly media: MediaAttachments,
    private readonly ledger: LedgerService,
    private readonly notifier: Notifier,
    private readonly policy: AccessPolicy,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @InjectPinoLogger(ReportWorkflow.name) private readonly logger: PinoLogger,
  ) {}

  async accept(actor: Actor, id: string, dto: AcceptReportDto): Promise<ReportView> {
    const report = await this.handled(actor, id);
    return this.take(actor, report, {
      action: 'accept',
      note: dto.note?.trim() || null,
      changes: { pointsSettled: false },
    });
  }

  async dispatch(actor: Actor, id: string, dto: DispatchReportDto): Promise<ReportView> {
    const report = await this.handled(actor, id);
    const region = await this.regions.findById(report.regionId);
    const department = region ? await this.departments.serves(dto.departmentId, region.path) : null;
    if (!department) throw new NotFoundError('Department not found');
    return this.take(actor, report, {
      action: 'dispatch',
      note: dto.note?.trim() || null,
      changes: { departmentId: department.id },
      departmentId: department.id,
    });
  }

  async resolve(actor: Actor, id: string, dto: ResolveReportDto): Promise<ReportView> {
    const report = await this.handled(actor, id);
    const now = this.clock.now();
    return this.take(actor, report, {
      action: 'resolve',
      note: dto.note.trim() || null,
      changes: { resolvedAt: now, pointsSettled: false },
      within: (manager) =>
        this.media.attach(
          manager,
          dto.mediaIds ?? [],
          actor.userId,
          {
            type: 'report_resolution',
            id: report.id,
          },
          now,
        ),
    });
  }

  async reject(actor: Actor, id: string, dto: RejectReportDto): Promise<ReportView> {
    const report = await this.handled(actor, id);
    return this.take(actor, report, {
      action: 'reject',
      note: dto.reason.trim() || null,
      changes: { pointsSettled: false },
    });
  }

  /**
   * Links the report to the first report of the same incident ("me too"): its points, if any
   * were held, are voided; only the original's reporter earns. A duplicate of a duplicate is
   * linked to the original.
   */
  async duplicate(actor: Actor, id: string, dto: DuplicateReportDto): Promise<ReportView> {
    const report = await this.handled(actor, id);
    let original = await this.reports.findById(dto.duplicateOfId);
    if (original?.duplicateOfId) original = await this.reports.findById(original.duplicateOfId);
    if (!original || !(await this.policy.can(actor, 'read', 'Report', original))) {
      throw new NotFoundError('The original report was not found');
    }
    if (original.id === report.id) {
      throw ReportError.badTransition(
        'duplicate',
        report.status,
        'A report cannot duplicate itself',
      );
    }
    if (original.status === 'rejected') {
      throw ReportError.badTransition(
        'duplicate',
        report.status,
        'The original report was rejected',
      );
    }
    const originalId = original.id;
    return this.take(actor, report, {
      action: 'duplicate',
      note: dto.note?.trim() || null,
      changes: { duplicateOfId: originalId, pointsSettled: false },
      within: (manager) => this.reports.addMeToo(manager, originalId),
    });
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'report-auto-close', waitForCompletion: true })
  async scheduled(): Promise<void> {
    try {
      const closed = await this.closeResolved();
      if (closed > 0) this.logger.info({ closed }, 'Closed resolved reports');
    } catch (error) {
      this.logger.error({ err: error }, 'Closing resolved reports failed');
    }
  }

  /** Closes reports resolved more than REPORT_AUTO_CLOSE_DAYS ago; answers how many. */
  async closeResolved(now = this.clock.now()): Promise<number> {
    const before = new Date(now.getTime() - REPORT_AUTO_CLOSE_DAYS * DAY_MS);
    let closed = 0;
    for (;;) {
      const due = await this.reports.resolvedBefore(before, CLOSE_BATCH);
      let progressed = false;
      for (const report of due) {
        const categoryName = await this.categoryNameOf(report);
        const done = await this.transactions.run(async (manager) => {
          if (
            !(await this.reports.transition(manager, report.id, ['resolved'], {
              status: 'closed',
              updatedAt: now,
            }))
          ) {
            return false;
          }
          await this.reports.appendEvent(eventOf(report.id, 'close', null, null, now), manager);
          await this.notify(manager, report, categoryName, 'close', 'closed', null, now);
          return true;
        });
        if (done) {
          closed += 1;
          progressed = true;
        }
      }
      if (due.length < CLOSE_BATCH || !progressed) return closed;
    }
  }

  /** The report if the caller may handle it: 404 when they may not see it, 403 when only see. */
  private async handled(actor: Actor, id: string): Promise<ReportEntity> {
    const report = await this.reading.visible(actor, id);
    if (!(await this.policy.can(actor, 'update', 'Report', report))) {
      throw AccessError.forbidden('Only a handler of its region handles a report');
    }
    return report;
  }

  private async take(actor: Actor, report: ReportEntity, step: Step): Promise<ReportView> {
    const { from, to } = REPORT_TRANSITIONS[step.action];
    if (!from.includes(report.status)) throw ReportError.badTransition(step.action, report.status);
    const now = this.clock.now();
    const expected = await this.expectedPoints(report, step.action);
    // Read before the transaction: a query on another pooled connection while holding one
    // could starve the pool when many steps run at once.
    const categoryName = await this.categoryNameOf(report);
    await this.transactions.run(async (manager) => {
      const moved = await this.reports.transition(manager, report.id, from, {
        ...step.changes,
        status: to,
        updatedAt: now,
      });
      if (!moved) {
        const current = await this.reports.findById(report.id, manager);
        throw ReportError.badTransition(step.action, current?.status ?? report.status);
      }
      await this.reports.appendEvent(
        eventOf(report.id, step.action, actor, step.note, now, step.departmentId ?? null),
        manager,
      );
      if (step.within) await step.within(manager);
      await this.notify(manager, report, categoryName, step.action, to, step.note, now, expected);
    });
    await this.points.settle(report.id);
    const updated = await this.reports.findById(report.id);
    if (!updated) throw new NotFoundError('Report not found');
    return this.views.view(actor, updated);
  }

  /** The points a step will hold or pay, as the notice tells the reporter (caps aside). */
  private async expectedPoints(
    report: ReportEntity,
    action: HandlerAction,
  ): Promise<number | null> {
    if (action !== 'accept' && action !== 'resolve') return null;
    const region = await this.regions.findById(report.regionId);
    const rule = region ? await this.ledger.ruleFor(region, EarningKind.Report) : null;
    return rule ? rule.points : null;
  }

  private async categoryNameOf(report: ReportEntity): Promise<string> {
    return (await this.categories.findById(report.categoryId))?.name ?? report.categoryCode;
  }

  private async notify(
    manager: TxManager,
    report: ReportEntity,
    categoryName: string,
    action: ReportAction,
    status: ReportEntity['status'],
    note: string | null,
    now: Date,
    points: number | null = null,
  ): Promise<void> {
    if (!report.reporterId) return;
    await this.notifier.reportStatusChanged(
      manager,
      report.reporterId,
      {
        reportId: report.id,
        category: report.categoryCode,
        categoryName,
        action,
        status,
        note,
        points,
      },
      now,
    );
  }
}
