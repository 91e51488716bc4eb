import {
  Routes,
  type DepartmentView,
  type HandlerAction,
  type Page,
  type PossibleDuplicate,
  type ReportCategoryView,
  type ReportStatus,
  type ReportSummary,
  type ReportView,
} from '@yizhan/contracts';
import { request } from './request';

/**
 * Reports (报事): categories, the worker's own reports, the handler's queue and actions. The
 * client's views of the contract's DTO classes are plain interfaces: those classes carry
 * validation decorators the mini-program must not bundle.
 */

/** `POST /reports`: photos go first (`POST /media`), their ids here. */
export interface CreateReportBody {
  /** Made when the form is composed and kept for every retry, so nothing is filed twice. */
  clientRequestId: string;
  category: string;
  description: string;
  lat: number;
  lng: number;
  address?: string;
  mediaIds: string[];
}

export interface UpdateReportBody {
  description?: string;
  addMediaIds?: string[];
}

export interface ReportQueueQuery {
  status?: ReportStatus;
  category?: string;
  overdue?: boolean;
  regionId?: string;
  departmentId?: string;
  limit?: number;
  cursor?: string;
}

/** Where the categories apply: a place (as a report there would be filed) or a region. */
export type CategoryPlace = { lat: number; lng: number } | { regionId: string };

/** `GET /report-categories`: those in service at the place, or all of them without one. */
export function listReportCategories(place?: CategoryPlace): Promise<ReportCategoryView[]> {
  const query =
    place === undefined
      ? undefined
      : 'regionId' in place
        ? { regionId: place.regionId }
        : { lat: place.lat, lng: place.lng };
  return request<ReportCategoryView[]>(Routes.reportCategories, { query });
}

/** `GET /reports/possible-duplicates`: open reports of this category nearby, asked before submitting. */
export function listPossibleDuplicates(query: {
  category: string;
  lat: number;
  lng: number;
  accuracy?: number | null;
}): Promise<PossibleDuplicate[]> {
  return request<PossibleDuplicate[]>(Routes.reportPossibleDuplicates, {
    query: {
      category: query.category,
      lat: query.lat,
      lng: query.lng,
      accuracy: query.accuracy ?? undefined,
    },
  });
}

/** `POST /reports`: 201 with the new report, or 200 with the one filed before under this id. */
export function createReport(body: CreateReportBody): Promise<ReportView> {
  return request<ReportView>(Routes.reports, { method: 'POST', body });
}

/** `GET /reports?mine=true`: the caller's own, newest first. */
export function listMyReports(
  query: { limit?: number; cursor?: string } = {},
): Promise<Page<ReportSummary>> {
  return request<Page<ReportSummary>>(Routes.reports, {
    query: { mine: true, limit: query.limit, cursor: query.cursor },
  });
}

/** `GET /reports`: the handler's queue in their region, overdue first, then oldest first. */
export function listReportQueue(query: ReportQueueQuery = {}): Promise<Page<ReportSummary>> {
  return request<Page<ReportSummary>>(Routes.reports, {
    query: {
      status: query.status,
      category: query.category,
      overdue: query.overdue ? true : undefined,
      regionId: query.regionId,
      departmentId: query.departmentId,
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}

/** `GET /reports/:id` with the timeline and what the caller may do now. */
export function getReport(id: string): Promise<ReportView> {
  return request<ReportView>(Routes.report(id));
}

/** `PATCH /reports/:id`: the reporter, while `submitted`. */
export function updateReport(id: string, body: UpdateReportBody): Promise<ReportView> {
  return request<ReportView>(Routes.report(id), { method: 'PATCH', body });
}

/** Each handler action's body, as the contract names its fields. */
export interface HandlerActionBodies {
  accept: { note?: string };
  dispatch: { departmentId: string; note?: string };
  resolve: { note: string; mediaIds?: string[] };
  reject: { reason: string };
  duplicate: { duplicateOfId: string; note?: string };
}

/**
 * `POST /reports/:id/<action>`; a step the report's status does not allow (someone else acted
 * first) is 409 REPORT_BAD_TRANSITION.
 */
export function actOnReport<Action extends HandlerAction>(
  id: string,
  action: Action,
  body: HandlerActionBodies[Action],
): Promise<ReportView> {
  return request<ReportView>(Routes.reportAction(id, action), { method: 'POST', body });
}

/** `GET /departments?regionId=`: the departments serving a region (its own and its ancestors'). */
export function listDepartments(regionId?: string): Promise<DepartmentView[]> {
  return request<DepartmentView[]>(Routes.departments, { query: { regionId } });
}
