/**
 * Report, media and notification values the client needs at run time, kept free of DTO classes
 * (their decorators need reflect-metadata, which the mini-program does not ship).
 */
import type { ReportStatus } from './enums';

// ---- photos ------------------------------------------------------------------------------

/** Largest upload accepted by `POST /media` (bytes); a phone's full-size photo fits. */
export const MEDIA_MAX_BYTES = 15 * 1024 * 1024;
/** Largest decoded image accepted (width × height); refused from the header, before decoding. */
export const MEDIA_MAX_PIXELS = 50_000_000;
/** Long side of the stored photo and of its thumbnail (pixels). */
export const MEDIA_LONG_SIDE_PX = 1600;
export const MEDIA_THUMB_LONG_SIDE_PX = 320;
/** Signed photo URLs stay valid this long (seconds). */
export const MEDIA_URL_TTL_SECONDS = 3600;
/** The client compresses to about this long side before uploading. */
export const CLIENT_UPLOAD_LONG_SIDE_PX = 1920;
/** Photos a station shows (`PATCH /stations/:id` `photoMediaIds`). */
export const MAX_STATION_PHOTOS = 6;

// ---- reports -----------------------------------------------------------------------------

/** Photos on one report (its own, and separately the handler's on resolve). */
export const MAX_REPORT_PHOTOS = 6;
export const MAX_REPORT_DESCRIPTION = 500;
/** Open reports of the same category this close (metres) and this recent are possible duplicates. */
export const DUPLICATE_RADIUS_M = 250;
export const DUPLICATE_WINDOW_DAYS = 7;
/** A location farther than this (metres) from every station is outside the served area. */
export const REPORT_SERVICE_RADIUS_M = 20_000;
/** A resolved report closes by itself after this many days. */
export const REPORT_AUTO_CLOSE_DAYS = 7;
export const MIN_SLA_HOURS = 1;
export const MAX_SLA_HOURS = 24 * 90;

/** What a handler (or the system, or the reporter) did to a report; one timeline entry each. */
export const ReportAction = {
  Submit: 'submit',
  Edit: 'edit',
  Accept: 'accept',
  Dispatch: 'dispatch',
  Resolve: 'resolve',
  Reject: 'reject',
  Duplicate: 'duplicate',
  Close: 'close',
} as const;
export type ReportAction = (typeof ReportAction)[keyof typeof ReportAction];
export const REPORT_ACTIONS: readonly ReportAction[] = Object.values(ReportAction);

/** The handler's actions (`POST /reports/:id/<action>`). */
export type HandlerAction = 'accept' | 'dispatch' | 'resolve' | 'reject' | 'duplicate';
export const HANDLER_ACTIONS: readonly HandlerAction[] = [
  'accept',
  'dispatch',
  'resolve',
  'reject',
  'duplicate',
];

/**
 * The lifecycle: which handler action is allowed from which status, and where it leads.
 * A dispatched report may be dispatched again (to another department). `close` is the system's
 * (REPORT_AUTO_CLOSE_DAYS after resolve); `edit` is the reporter's while `submitted`.
 */
export const REPORT_TRANSITIONS: Readonly<
  Record<HandlerAction, { from: readonly ReportStatus[]; to: ReportStatus }>
> = {
  accept: { from: ['submitted'], to: 'accepted' },
  dispatch: { from: ['accepted', 'dispatched'], to: 'dispatched' },
  resolve: { from: ['accepted', 'dispatched'], to: 'resolved' },
  reject: { from: ['submitted', 'accepted', 'dispatched'], to: 'rejected' },
  duplicate: { from: ['submitted', 'accepted', 'dispatched'], to: 'duplicate' },
};

/** Statuses still waiting for someone to act (they can be overdue and duplicates of). */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = [
  'submitted',
  'accepted',
  'dispatched',
];

export function handlerActionsFrom(status: ReportStatus): HandlerAction[] {
  return HANDLER_ACTIONS.filter((action) => REPORT_TRANSITIONS[action].from.includes(status));
}

/** Why a report deserves a second look; shown to handlers only. */
export const ReportFlag = {
  /** One of its photos (by perceptual hash) is already on another worker's report. */
  PhotoReused: 'photo_reused',
} as const;
export type ReportFlag = (typeof ReportFlag)[keyof typeof ReportFlag];
export const REPORT_FLAGS: readonly ReportFlag[] = Object.values(ReportFlag);

/** Icon keys a category can carry; the client maps each to its picture. */
export const CategoryIcon = {
  Road: 'road',
  Guardrail: 'guardrail',
  Fire: 'fire',
  Sanitation: 'sanitation',
  Traffic: 'traffic',
  LostFound: 'lost_found',
  Elderly: 'elderly',
  Other: 'other',
} as const;
export type CategoryIcon = (typeof CategoryIcon)[keyof typeof CategoryIcon];
export const CATEGORY_ICONS: readonly CategoryIcon[] = Object.values(CategoryIcon);

/** Category codes: lowercase words joined by `_`. */
export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

// ---- notifications -----------------------------------------------------------------------

export const NotificationKind = {
  /** A report of the worker's changed status (details carry reportId, status, action). */
  ReportStatus: 'report_status',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);
