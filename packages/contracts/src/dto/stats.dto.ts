import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { ReportStatus } from '../enums';
import { MAX_TOP_VOLUNTEERS, STATS_TABLES, type StatsTable } from '../stats-values';

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Scope and range of every console statistic: a district admin's own region subtree unless
 * `regionId` narrows it (a region outside → 404). `from`/`to` are local dates on the region's
 * clock, both included, at most MAX_STATS_RANGE_DAYS apart (default: the last 12 months).
 */
export class StatsQueryDto {
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsUUID()
  regionId?: string;
}

/** `GET /admin/stats/export.csv?table=…` plus the same scope and range. */
export class StatsExportQueryDto extends StatsQueryDto {
  @IsIn(STATS_TABLES)
  table!: StatsTable;

  /** Only for `table=volunteers`: the calendar year (default: this year). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** `GET /admin/stats/volunteers?year=&regionId=&limit=`. */
export class VolunteerStatsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsUUID()
  regionId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TOP_VOLUNTEERS)
  limit?: number;
}

/** Report counts by status; every status is present (0 when none). */
export type ReportStatusCounts = Record<ReportStatus, number>;

export interface ReportCategoryStat {
  category: string;
  categoryName: string;
  total: number;
  byStatus: ReportStatusCounts;
}

/** One department: reports dispatched to it in the range and how fast they were resolved. */
export interface ReportDepartmentStat {
  departmentId: string;
  departmentName: string;
  dispatched: number;
  resolved: number;
  /** Median hours from filing to resolution over its resolved reports; null when none. */
  medianResolveHours: number | null;
  /** Reports resolved after their due time, or still open past it. */
  overdue: number;
  /** overdue ÷ dispatched, 0–1; null when nothing was dispatched. */
  overdueShare: number | null;
}

/** `GET /admin/stats/reports`: reports filed in the range, in the scope. */
export interface ReportStatsResponse {
  regionId: string;
  from: string;
  to: string;
  total: number;
  byStatus: ReportStatusCounts;
  byCategory: ReportCategoryStat[];
  byDepartment: ReportDepartmentStat[];
  medianResolveHours: number | null;
  overdueShare: number | null;
}

/** Points moved in one month (`YYYY-MM`), all positive numbers. */
export interface PointsMonthStat {
  period: string;
  /** Credited to workers (check-ins, reports, adjustments up). */
  issued: number;
  /** Spent on redemptions, net of cancellations and refunds. */
  redeemed: number;
  /** Lots that expired unspent. */
  expired: number;
}

/** `GET /admin/stats/points`: the programme's points flows and its liability. */
export interface PointsStatsResponse {
  regionId: string;
  from: string;
  to: string;
  months: PointsMonthStat[];
  totals: Omit<PointsMonthStat, 'period'>;
  /** Points workers hold now (posted balances of workers in scope): what the programme owes. */
  outstanding: number;
  /** Points held pending (e.g. a report accepted but not resolved yet). */
  pending: number;
  /** Workers holding a positive balance. */
  holders: number;
}

export interface VolunteerStat {
  rank: number;
  userId: string;
  /** The worker's nickname, or a masked phone when they set none. */
  displayName: string;
  pointsEarned: number;
  reportsResolved: number;
  checkins: number;
}

/** `GET /admin/stats/volunteers`: the year's top earners (金牌骑士 candidates). */
export interface VolunteerStatsResponse {
  regionId: string;
  year: number;
  items: VolunteerStat[];
}

/** `GET /admin/coverage?regionId=&from=&to=`. */
export class CoverageQueryDto extends StatsQueryDto {}

export interface CoverageStation {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export interface CoverageReportPoint {
  lat: number;
  lng: number;
  /** Great-circle metres to the nearest open station; null when there is none. */
  nearestStationM: number | null;
  covered: boolean;
}

/** Which places are within a short ride of an open station, and how many reports are not. */
export interface CoverageResponse {
  regionId: string;
  from: string;
  to: string;
  rideMinutes: number;
  radiusM: number;
  /** Stations in scope whose status is open (closed and paused ones do not count). */
  stations: CoverageStation[];
  reports: {
    total: number;
    farther: number;
    /** farther ÷ total, 0–1; null when no report was filed. */
    fartherShare: number | null;
  };
  /** At most MAX_COVERAGE_REPORT_POINTS positions (the newest), for the map. */
  points: CoverageReportPoint[];
}
