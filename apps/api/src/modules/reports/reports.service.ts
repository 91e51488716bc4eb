import { Injectable } from '@nestjs/common';
import {
  CreateReportDto,
  DEFAULT_PAGE_LIMIT,
  ListReportsQueryDto,
  MAX_REPORT_PHOTOS,
  OPEN_REPORT_STATUSES,
  Page,
  PossibleDuplicate,
  PossibleDuplicatesQueryDto,
  ReportSummary,
  ReportView,
  UpdateReportDto,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { isUuid } from '../../common/uuid';
import { Transactions, TxManager } from '../../database/transactions';
import { isUniqueViolation } from '../../database/unique-violation';
import { AccessError } from '../access/access.errors';
import { AccessPolicy } from '../access/access-policy';
import { Actor } from '../access/actor';
import { RegionScopeService } from '../access/region-scope.service';
import { MediaAttachments } from '../media/media-attachments';
import { ReportCategoriesService } from '../report-categories/report-categories.service';
import { ReportCategoryError } from '../report-categories/report-categories.errors';
import { ServiceArea } from '../report-categories/service-area';
import { ReportEventEntity } from './report-event.entity';
import { decodeQueueCursor, encodeQueueCursor } from './report-queue-cursor';
import { ReportViews } from './report-views';
import { ReportEntity } from './report.entity';
import { ReportError } from './reports.errors';
import { QueueFilters, ReportsRepository } from './reports.repository';

const HOUR_MS = 60 * 60 * 1000;
/** Roles that work a queue of reports in their region. */
const QUEUE_ROLES = ['handler', 'district_admin'] as const;

const MAX_EXPORTED_REPORTS = 10_000;

/** One of the worker's reports in their data export. */
export interface ReportExport {
  id: string;
  category: string;
  status: ReportEntity['status'];
  description: string;
  lat: number;
  lng: number;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  points: { amount: number; status: string } | null;
}

export interface Submission {
  report: ReportView;
  /** True when the clientRequestId had been used: the answer is the first report. */
  replayed: boolean;
}

/**
 * Filing reports and reading them: a worker's own, newest first; a handler's queue in their
 * region, overdue first. The steps a handler takes live in ReportWorkflow.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly views: ReportViews,
    private readonly categories: ReportCategoriesService,
    private readonly serviceArea: ServiceArea,
    private readonly media: MediaAttachments,
    private readonly policy: AccessPolicy,
    private readonly regionScope: RegionScopeService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Files a report where it was seen: the region is the nearest station's, the category must be
   * taken there, the photos must be the reporter's own unused uploads. Idempotent on the
   * reporter's `clientRequestId`, also when two copies race (the unique index decides).
   */
  async submit(actor: Actor, dto: CreateReportDto): Promise<Submission> {
    const earlier = await this.reports.findByClientRequest(actor.userId, dto.clientRequestId);
    if (earlier) return this.replay(actor, earlier);

    const region = await this.serviceArea.regionAt(dto);
    if (!region) throw ReportCategoryError.outsideServiceArea();
    const category = await this.categories.forReport(region, dto.category);
    const photoReused =
      (await this.media.reusedOnOthersReports(dto.mediaIds, actor.userId)).length > 0;
    const now = this.clock.now();
    const report = Object.assign(new ReportEntity(), {
      id: randomUUID(),
      clientRequestId: dto.clientRequestId,
      reporterId: actor.userId,
      regionId: region.id,
      categoryId: category.id,
      categoryCode: category.code,
      description: dto.description.trim(),
      lat: dto.lat,
      lng: dto.lng,
      address: dto.address?.trim() || null,
      status: 'submitted',
      departmentId: null,
      duplicateOfId: null,
      meTooCount: 0,
      photoReused,
      dueAt: new Date(now.getTime() + category.slaHours * HOUR_MS),
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      pointsAmount: null,
      pointsStatus: null,
      pointsSettled: true,
    } satisfies ReportEntity);
    if (report.description.length === 0) {
      throw ValidationFailedError.forField('description', 'isNotBlank', 'description is blank');
    }
    try {
      await this.transactions.run(async (manager) => {
        await this.reports.insert(report, manager);
        await this.media.attach(
          manager,
          dto.mediaIds,
          actor.userId,
          { type: 'report', id: report.id },
          now,
        );
        await this.reports.appendEvent(eventOf(report.id, 'submit', actor, null, now), manager);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const winner = await this.reports.findByClientRequest(actor.userId, dto.clientRequestId);
        if (winner) return this.replay(actor, winner);
      }
      throw error;
    }
    return { report: await this.views.view(actor, report, true), replayed: false };
  }

  /** Asked by the form before submitting: open reports nearby of the same category. */
  possibleDuplicates(query: PossibleDuplicatesQueryDto): Promise<PossibleDuplicate[]> {
    return this.views.possibleDuplicates(query.category, query, null);
  }

  async list(actor: Actor, query: ListReportsQueryDto): Promise<Page<ReportSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const works = QUEUE_ROLES.some((role) => actor.has(role));
    if (query.mine === true || !works) return this.listOwn(actor, query.cursor, limit);

    const after = query.cursor ? decodeQueueCursor(query.cursor) : null;
    const now = after?.now ?? this.clock.now();
    const filters: QueueFilters = {
      regionIds: await this.queueRegions(actor, query.regionId ?? null),
      statuses: query.status ? [query.status] : OPEN_REPORT_STATUSES,
      categoryCode: query.category ?? null,
      departmentId: query.departmentId ?? null,
      overdue: query.overdue ?? null,
    };
    const rows = await this.reports.queuePage(filters, now, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.summaries(
        page.map((row) => row.report),
        true,
      ),
      nextCursor:
        rows.length > limit && last
          ? encodeQueueCursor({
              phase: last.phase,
              at: last.report.createdAt,
              id: last.report.id,
              now,
            })
          : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    return this.views.view(actor, await this.visible(actor, id));
  }

  /** The reporter changes the description or adds photos, only while nobody has acted yet. */
  async edit(actor: Actor, id: string, dto: UpdateReportDto): Promise<ReportView> {
    const report = await this.visible(actor, id);
    if (report.reporterId !== actor.userId)
      throw AccessError.forbidden('Only the reporter edits a report');
    const description = dto.description?.trim();
    if (description !== undefined && description.length === 0) {
      throw ValidationFailedError.forField('description', 'isNotBlank', 'description is blank');
    }
    const added = dto.addMediaIds ?? [];
    if (description === undefined && added.length === 0) return this.views.view(actor, report);
    if (report.status !== 'submitted') throw ReportError.badTransition('edit', report.status);
    const reused = (await this.media.reusedOnOthersReports(added, actor.userId)).length > 0;
    const present = (await this.media.viewsOf('report', [report.id])).get(report.id) ?? [];
    const fresh = added.filter((mediaId) => !present.some((photo) => photo.id === mediaId));
    if (present.length + fresh.length > MAX_REPORT_PHOTOS) {
      throw ValidationFailedError.forField(
        'addMediaIds',
        'arrayMaxSize',
        `A report holds at most ${MAX_REPORT_PHOTOS} photos`,
      );
    }
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const changed = await this.reports.transition(manager, report.id, ['submitted'], {
        ...(description !== undefined ? { description } : {}),
        ...(reused ? { photoReused: true } : {}),
        updatedAt: now,
      });
      if (!changed) {
        const current = await this.reports.findById(report.id, manager);
        throw ReportError.badTransition('edit', current?.status ?? report.status);
      }
      await this.media.attach(manager, fresh, actor.userId, { type: 'report', id: report.id }, now);
      await this.reports.appendEvent(eventOf(report.id, 'edit', actor, null, now), manager);
    });
    const updated = await this.reports.findById(report.id);
    if (!updated) throw new NotFoundError('Report not found');
    return this.views.view(actor, updated);
  }

  /** The caller's reports for their data export, with where they filed them. */
  async exportOwn(userId: string): Promise<ReportExport[]> {
    const rows = await this.reports.allOfReporter(userId, MAX_EXPORTED_REPORTS);
    return rows.map((row) => ({
      id: row.id,
      category: row.categoryCode,
      status: row.status,
      description: row.description,
      lat: row.lat,
      lng: row.lng,
      address: row.address,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      points:
        row.pointsAmount !== null && row.pointsStatus !== null
          ? { amount: row.pointsAmount, status: row.pointsStatus }
          : null,
    }));
  }

  /** Erasure keeps the reports, anonymous; see ReportsRepository.forgetReporter. */
  forgetReporter(userId: string, manager: TxManager): Promise<void> {
    return this.reports.forgetReporter(manager, userId);
  }

  /** The report if the caller may see it; otherwise 404, as if it did not exist. */
  async visible(actor: Actor, id: string): Promise<ReportEntity> {
    const report = isUuid(id) ? await this.reports.findById(id) : null;
    if (!report || !(await this.policy.can(actor, 'read', 'Report', report))) {
      throw new NotFoundError('Report not found');
    }
    return report;
  }

  private async replay(actor: Actor, report: ReportEntity): Promise<Submission> {
    return { report: await this.views.view(actor, report, true), replayed: true };
  }

  private async listOwn(
    actor: Actor,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ReportSummary>> {
    const after = cursor ? decodeTimeCursor(cursor) : null;
    const rows = await this.reports.pageOfReporter(actor.userId, after, limit + 1);
    const page = toPage(
      rows,
      limit,
      (row) => row,
      (row) => [row.createdAt.toISOString(), row.id],
    );
    return { items: await this.views.summaries(page.items, false), nextCursor: page.nextCursor };
  }

  /** The caller's queue regions, narrowed to `regionId` (which must lie inside them). */
  private async queueRegions(actor: Actor, regionId: string | null): Promise<string[]> {
    const scope = new Set<string>();
    for (const role of QUEUE_ROLES) {
      for (const grant of actor.grantsOf(role)) {
        if (grant.regionId)
          for (const id of await this.regionScope.subtreeIds(grant.regionId)) scope.add(id);
      }
    }
    if (regionId === null) return [...scope];
    if (!scope.has(regionId)) throw new NotFoundError('Region not found');
    return (await this.regionScope.subtreeIds(regionId)).filter((id) => scope.has(id));
  }
}

export function eventOf(
  reportId: string,
  action: ReportEventEntity['action'],
  actor: Actor | null,
  note: string | null,
  now: Date,
  departmentId: string | null = null,
): Omit<ReportEventEntity, 'seq'> {
  return {
    id: randomUUID(),
    reportId,
    action,
    actorId: actor?.userId ?? null,
    actorRole: actor ? actorRoleOf(actor, action) : 'system',
    note,
    departmentId,
    createdAt: now,
  };
}

/** The reporter's own steps are a worker's; handling steps are the handler's (or the admin's). */
function actorRoleOf(
  actor: Actor,
  action: ReportEventEntity['action'],
): ReportEventEntity['actorRole'] {
  if (action === 'submit' || action === 'edit') return 'worker';
  return actor.has('handler')
    ? 'handler'
    : actor.has('district_admin')
      ? 'district_admin'
      : actor.primaryRole;
}
