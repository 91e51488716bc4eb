import { Injectable } from '@nestjs/common';
import {
  DUPLICATE_RADIUS_M,
  DUPLICATE_WINDOW_DAYS,
  handlerActionsFrom,
  MediaView,
  OPEN_REPORT_STATUSES,
  PossibleDuplicate,
  ReportFlag,
  ReportSummary,
  ReportTimelineEntry,
  ReportView,
} from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { AccessPolicy } from '../access/access-policy';
import { Actor } from '../access/actor';
import { DepartmentEntity } from '../departments/department.entity';
import { DepartmentsRepository } from '../departments/departments.repository';
import { MediaAttachments } from '../media/media-attachments';
import { ReportCategoriesRepository } from '../report-categories/report-categories.repository';
import { ReportCategoryEntity } from '../report-categories/report-category.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { boundingBox, haversineMeters, LatLng } from '../stations/geo';
import { ProfilesService } from '../users/profiles.service';
import { UsersRepository } from '../users/users.repository';
import { ReportEntity } from './report.entity';
import { ReportsRepository } from './reports.repository';

const EXCERPT_LENGTH = 80;
const MAX_POSSIBLE_DUPLICATES = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isOverdue(report: Pick<ReportEntity, 'status' | 'dueAt'>, now: Date): boolean {
  return OPEN_REPORT_STATUSES.includes(report.status) && report.dueAt.getTime() < now.getTime();
}

function excerptOf(description: string): string {
  const characters = [...description];
  return characters.length <= EXCERPT_LENGTH
    ? description
    : `${characters.slice(0, EXCERPT_LENGTH).join('')}…`;
}

/**
 * Builds what callers see of reports: list lines in batches, and the full view with its
 * timeline, signed photo URLs and — for staff only — the reporter (masked) and nearby
 * possible duplicates. Callers have already decided the caller may see the report.
 */
@Injectable()
export class ReportViews {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly categories: ReportCategoriesRepository,
    private readonly departments: DepartmentsRepository,
    private readonly regions: RegionsRepository,
    private readonly media: MediaAttachments,
    private readonly users: UsersRepository,
    private readonly profiles: ProfilesService,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** List lines; `withFlags` for staff (workers never see why a report is under review). */
  async summaries(rows: ReportEntity[], withFlags: boolean): Promise<ReportSummary[]> {
    const ids = rows.map((row) => row.id);
    const [categories, photos] = await Promise.all([
      this.categoriesById(rows),
      this.media.viewsOf('report', ids),
    ]);
    const now = this.clock.now();
    return rows.map((row) =>
      toSummary(row, categories.get(row.categoryId), photos.get(row.id) ?? [], now, withFlags),
    );
  }

  /** `withDuplicates`: nearby open reports for the reporter too (the answer to a submission). */
  async view(actor: Actor, report: ReportEntity, withDuplicates = false): Promise<ReportView> {
    const handles = await this.policy.can(actor, 'update', 'Report', report);
    const [categories, photos, resolution, events, region] = await Promise.all([
      this.categoriesById([report]),
      this.media.viewsOf('report', [report.id]),
      this.media.viewsOf('report_resolution', [report.id]),
      this.reports.eventsOf(report.id),
      this.regions.findById(report.regionId),
    ]);
    const departmentIds = [
      report.departmentId,
      ...events.map((event) => event.departmentId),
    ].filter((id): id is string => id !== null);
    const departments = new Map(
      (await this.departments.findByIds([...new Set(departmentIds)])).map((d) => [d.id, d]),
    );
    const own = photos.get(report.id) ?? [];
    const resolutionPhotos = resolution.get(report.id) ?? [];
    const now = this.clock.now();
    const timeline: ReportTimelineEntry[] = events.map((event) => ({
      action: event.action,
      actorRole: event.actorRole,
      note: event.note,
      at: event.createdAt.toISOString(),
      department: departmentRef(
        event.departmentId ? departments.get(event.departmentId) : undefined,
      ),
      photos: event.action === 'resolve' ? resolutionPhotos : [],
    }));
    return {
      ...toSummary(report, categories.get(report.categoryId), own, now, handles),
      clientRequestId: report.clientRequestId,
      description: report.description,
      regionId: report.regionId,
      regionName: region?.name ?? '',
      photos: own,
      department: departmentRef(
        report.departmentId ? departments.get(report.departmentId) : undefined,
      ),
      duplicateOfId: report.duplicateOfId,
      meTooCount: report.meTooCount,
      reporter: handles ? await this.reporterOf(report) : null,
      points:
        report.pointsAmount !== null && report.pointsStatus !== null
          ? { amount: report.pointsAmount, status: report.pointsStatus }
          : null,
      timeline,
      allowedActions: handles
        ? handlerActionsFrom(report.status)
        : report.reporterId === actor.userId && report.status === 'submitted'
          ? ['edit']
          : [],
      possibleDuplicates:
        handles || withDuplicates
          ? await this.possibleDuplicates(report.categoryCode, report, report.id)
          : [],
    };
  }

  /** Open reports of the category within DUPLICATE_RADIUS_M, filed in the last week. */
  async possibleDuplicates(
    categoryCode: string,
    point: LatLng,
    excludeId: string | null,
  ): Promise<PossibleDuplicate[]> {
    const since = new Date(this.clock.now().getTime() - DUPLICATE_WINDOW_DAYS * DAY_MS);
    const nearby = await this.reports.openNearby(
      categoryCode,
      boundingBox(point, DUPLICATE_RADIUS_M),
      since,
      excludeId,
      MAX_POSSIBLE_DUPLICATES * 4,
    );
    return nearby
      .map((report) => ({ report, distanceM: Math.round(haversineMeters(point, report)) }))
      .filter(({ distanceM }) => distanceM <= DUPLICATE_RADIUS_M)
      .sort((a, b) => a.distanceM - b.distanceM)
      .slice(0, MAX_POSSIBLE_DUPLICATES)
      .map(({ report, distanceM }) => ({
        id: report.id,
        category: report.categoryCode,
        status: report.status,
        address: report.address,
        distanceM,
        createdAt: report.createdAt.toISOString(),
        meTooCount: report.meTooCount,
      }));
  }

  private async reporterOf(report: ReportEntity): Promise<ReportView['reporter']> {
    if (!report.reporterId) return null;
    const user = await this.users.findById(report.reporterId);
    if (!user) return null;
    return { id: user.id, nickname: user.nickname, phoneMasked: this.profiles.maskedPhone(user) };
  }

  private async categoriesById(rows: ReportEntity[]): Promise<Map<string, ReportCategoryEntity>> {
    const ids = [...new Set(rows.map((row) => row.categoryId))];
    return new Map((await this.categories.findByIds(ids)).map((c) => [c.id, c]));
  }
}

function departmentRef(
  department: DepartmentEntity | undefined,
): { id: string; name: string } | null {
  return department ? { id: department.id, name: department.name } : null;
}

function toSummary(
  report: ReportEntity,
  category: ReportCategoryEntity | undefined,
  photos: MediaView[],
  now: Date,
  withFlags: boolean,
): ReportSummary {
  const flags: ReportFlag[] = withFlags && report.photoReused ? [ReportFlag.PhotoReused] : [];
  return {
    id: report.id,
    category: report.categoryCode,
    categoryName: category?.name ?? report.categoryCode,
    categoryIcon: category?.icon ?? 'other',
    status: report.status,
    excerpt: excerptOf(report.description),
    address: report.address,
    lat: report.lat,
    lng: report.lng,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    dueAt: report.dueAt.toISOString(),
    overdue: isOverdue(report, now),
    thumbUrl: photos[0]?.thumbUrl ?? null,
    photoCount: photos.length,
    flags,
  };
}
