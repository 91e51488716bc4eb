import { Type } from 'class-transformer';
import {
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
import {
  VISIT_GRANULARITIES,
  type CheckinFlag,
  type CheckinMethod,
  type VisitGranularity,
} from '../checkin-values';
import type { Amenity, StationStatus } from '../enums';
import { PageQueryDto } from './pagination.dto';

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * `POST /checkins`: what the worker's phone scanned and where it was (GCJ-02, accuracy in metres
 * as the phone reports it). A retry with the same `idempotencyKey` answers the first outcome.
 */
export class CreateCheckinDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code!: string;

  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @Type(() => Number)
  @IsLongitude()
  lng!: number;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000)
  accuracy!: number;

  @IsOptional()
  @IsUUID()
  idempotencyKey?: string;
}

/** One recorded visit as its worker sees it. */
export interface CheckinView {
  id: string;
  stationId: string;
  stationName: string;
  createdAt: string;
  method: CheckinMethod;
  /** Metres from the station as reported (null for visits whose location was erased). */
  distanceM: number | null;
  /** Non-empty when the visit earned nothing for a reason (impossible travel). */
  flags: CheckinFlag[];
  /** null while the points are still being settled. */
  pointsAwarded: number | null;
}

/** `POST /checkins` → 201 (200 for a replayed idempotency key). */
export interface CheckinResponse {
  checkIn: CheckinView;
  pointsAwarded: number;
  /** True when the day's or week's cap cut the points. */
  capped: boolean;
  /** The worker's spendable points after the visit. */
  balance: number;
  /** For the result page: what the station offers and whether it is open. */
  station: {
    id: string;
    name: string;
    brand: string;
    address: string;
    status: StationStatus;
    amenities: Amenity[];
    openNow: boolean;
  };
}

/** `GET /stations/:id/visits` (the station's manager, its region's admins). */
export class ListStationVisitsQueryDto extends PageQueryDto {
  /** Local date of the station's region; today when omitted. */
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

/** One visit as station staff see it: no location, no phone, no full name. */
export interface StationVisit {
  id: string;
  createdAt: string;
  nickname: string | null;
  method: CheckinMethod;
  flags: CheckinFlag[];
}

/** `GET /stations/:id/visits`: a page of the day's visits plus the day's totals. */
export interface StationVisitsPage {
  date: string;
  visits: number;
  uniqueWorkers: number;
  items: StationVisit[];
  nextCursor: string | null;
}

/**
 * `GET /stations/visit-stats` and `.csv`. Counts per station (or one station) per local day or
 * month, inside a region's subtree (default: the caller's own). `from`/`to` are local dates,
 * inclusive, at most MAX_VISIT_STATS_DAYS apart.
 */
export class VisitStatsQueryDto extends PageQueryDto {
  @Matches(LOCAL_DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @Matches(LOCAL_DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;

  @IsOptional()
  @IsIn(VISIT_GRANULARITIES)
  granularity?: VisitGranularity;

  @IsOptional()
  @IsUUID()
  regionId?: string;

  @IsOptional()
  @IsUUID()
  stationId?: string;
}

/** One station in one period. Flagged visits are counted apart and not in `visits`. */
export interface StationVisitStat {
  stationId: string;
  stationName: string;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  period: string;
  visits: number;
  uniqueWorkers: number;
  flagged: number;
}

/** The whole scope in one period (unique workers are unique across its stations). */
export interface RegionVisitStat {
  period: string;
  visits: number;
  uniqueWorkers: number;
  flagged: number;
}

/** `GET /stations/visit-stats`: station rows are paged; the region's totals come whole. */
export interface VisitStatsResponse {
  regionId: string;
  granularity: VisitGranularity;
  from: string;
  to: string;
  totals: RegionVisitStat[];
  /** The whole range at once: a worker seen in two periods counts once (periods do not add up). */
  rangeTotal: Omit<RegionVisitStat, 'period'>;
  items: StationVisitStat[];
  nextCursor: string | null;
}
