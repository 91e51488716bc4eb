import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { REPORT_STATUSES, type ReportStatus, type Role } from '../enums';
import {
  CATEGORY_CODE_PATTERN,
  MAX_REPORT_DESCRIPTION,
  MAX_REPORT_PHOTOS,
  type CategoryIcon,
  type HandlerAction,
  type ReportAction,
  type ReportFlag,
} from '../report-values';
import type { MediaView } from './media.dto';
import { PageQueryDto } from './pagination.dto';
import { parseBooleanFlag } from './query-transforms';

const NOTE_MAX = 500;

/**
 * `POST /reports`. `clientRequestId` is made on the phone when the report is composed, so a
 * retry (or the offline queue sending it later) never files it twice. The region comes from the
 * location; `category` is a category code valid there. Photos are uploaded first (`POST /media`).
 */
export class CreateReportDto {
  @IsUUID()
  clientRequestId!: string;

  @IsString()
  @Matches(CATEGORY_CODE_PATTERN, { message: 'category must be a category code' })
  category!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REPORT_DESCRIPTION)
  description!: string;

  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @Type(() => Number)
  @IsLongitude()
  lng!: number;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @IsArray()
  @ArrayMaxSize(MAX_REPORT_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mediaIds!: string[];
}

/** `PATCH /reports/:id`: the reporter, while the report is still `submitted`. */
export class UpdateReportDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REPORT_DESCRIPTION)
  description?: string;

  /** Photos to add (the total stays at most MAX_REPORT_PHOTOS). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REPORT_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  addMediaIds?: string[];
}

export class AcceptReportDto {
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}

export class DispatchReportDto {
  @IsUUID()
  departmentId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}

export class ResolveReportDto {
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX)
  note!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REPORT_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mediaIds?: string[];
}

export class RejectReportDto {
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX)
  reason!: string;
}

export class DuplicateReportDto {
  @IsUUID()
  duplicateOfId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}

/**
 * `GET /reports`. `mine=true`: the caller's own reports, newest first (a worker always gets
 * these). Otherwise the handler's queue inside their region: overdue first, then oldest first.
 */
export class ListReportsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(parseBooleanFlag)
  @IsBoolean()
  mine?: boolean;

  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @IsOptional()
  @IsString()
  @Matches(CATEGORY_CODE_PATTERN, { message: 'category must be a category code' })
  category?: string;

  @IsOptional()
  @Transform(parseBooleanFlag)
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @IsUUID()
  regionId?: string;

  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** `GET /reports/possible-duplicates`: asked before submitting, with what the form holds. */
export class PossibleDuplicatesQueryDto {
  @IsString()
  @Matches(CATEGORY_CODE_PATTERN, { message: 'category must be a category code' })
  category!: string;

  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @Type(() => Number)
  @IsLongitude()
  lng!: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000)
  accuracy?: number;
}

/**
 * Another open report of the same category nearby. Workers see no one else's description,
 * photos or identity: category, status, place and time are enough to recognise the incident.
 */
export interface PossibleDuplicate {
  id: string;
  category: string;
  status: ReportStatus;
  address: string | null;
  distanceM: number;
  createdAt: string;
  /** Workers who said "me too" by filing the same incident (marked duplicate of this one). */
  meTooCount: number;
}

export interface ReportTimelineEntry {
  action: ReportAction;
  actorRole: Role | 'system';
  note: string | null;
  at: string;
  /** Set on `dispatch`. */
  department: { id: string; name: string } | null;
  /** Set on `resolve` when the handler added photos. */
  photos: MediaView[];
}

/** The reporter's points for a report: held when accepted, paid when resolved. */
export interface ReportPoints {
  amount: number;
  status: 'pending' | 'posted' | 'voided';
}

/** One line of a list (the worker's own, or a handler's queue). */
export interface ReportSummary {
  id: string;
  category: string;
  categoryName: string;
  categoryIcon: CategoryIcon;
  status: ReportStatus;
  /** The first 80 characters of the description. */
  excerpt: string;
  address: string | null;
  lat: number;
  lng: number;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  overdue: boolean;
  /** The first photo's thumbnail, signed. */
  thumbUrl: string | null;
  photoCount: number;
  flags: ReportFlag[];
}

/** `GET /reports/:id`, and the answer of every write. */
export interface ReportView extends ReportSummary {
  clientRequestId: string;
  description: string;
  regionId: string;
  regionName: string;
  photos: MediaView[];
  department: { id: string; name: string } | null;
  duplicateOfId: string | null;
  meTooCount: number;
  /** Staff see who reported (masked phone); the reporter sees null. */
  reporter: { id: string; nickname: string | null; phoneMasked: string | null } | null;
  /** The reporter's points (reporter and staff); null before acceptance. */
  points: ReportPoints | null;
  timeline: ReportTimelineEntry[];
  /** What the caller may do now: handler actions in their region, `edit` for the reporter. */
  allowedActions: Array<HandlerAction | 'edit'>;
  /** Open reports nearby of the same category (on submit, and for handlers). */
  possibleDuplicates: PossibleDuplicate[];
}
