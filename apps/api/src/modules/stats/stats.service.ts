import { Injectable } from '@nestjs/common';
import {
  COVERAGE_RADIUS_M,
  COVERAGE_RIDE_MINUTES,
  CoverageQueryDto,
  CoverageReportPoint,
  CoverageResponse,
  DEFAULT_TOP_VOLUNTEERS,
  MAX_COVERAGE_REPORT_POINTS,
  MAX_TOP_VOLUNTEERS,
  PointsStatsResponse,
  REPORT_STATUSES,
  ReportCategoryStat,
  ReportStatsResponse,
  ReportStatusCounts,
  StatsExportQueryDto,
  StatsQueryDto,
  VolunteerStat,
  VolunteerStatsQueryDto,
  VolunteerStatsResponse,
} from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { CsvFile } from '../../common/http/csv-download';
import { AccessPolicy } from '../access/access-policy';
import { Actor } from '../access/actor';
import { RegionScopeService } from '../access/region-scope.service';
import { RegionsRepository } from '../regions/regions.repository';
import { BoundingBox, boundingBox } from '../stations/geo';
import { toLocalMoment } from '../stations/opening-hours';
import { ProfilesService } from '../users/profiles.service';
import { NearestStationIndex } from './nearest-station';
import {
  pointsCsv,
  reportsByCategoryCsv,
  reportsByDepartmentCsv,
  statsFilename,
  volunteersCsv,
} from './stats-csv';
import {
  instantsOf,
  LocalDateRange,
  monthWindows,
  resolveStatsRange,
  yearRange,
} from './stats-range';
import { PositionRow, StatsFilter, StatsRepository } from './stats.repository';

/**
 * Most reports one coverage answer measures. A district files tens of thousands a year; past
 * this the request is refused (400) and asks for a shorter range or a smaller region rather
 * than holding an unbounded list in memory.
 */
export const MAX_COVERAGE_REPORTS = 200_000;

/** Shown for a worker with neither a nickname nor a phone on file. */
export const NAMELESS_WORKER = '未设置昵称';

/** The region a statistic counts: its subtree, and the clock its local dates are read on. */
interface StatsScope {
  regionId: string;
  regionIds: string[];
  timeZone: string;
}

/**
 * The district console's statistics: reports, points, the top volunteers and station coverage
 * of a district admin's region subtree (or a region inside it). Read-only; every figure is
 * aggregated by the database. A region the caller may not see is "not found", like an absent one.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly regions: RegionsRepository,
    private readonly regionScope: RegionScopeService,
    private readonly policy: AccessPolicy,
    private readonly profiles: ProfilesService,
    private readonly clock: Clock,
  ) {}

  async reports(actor: Actor, query: StatsQueryDto): Promise<ReportStatsResponse> {
    const { scope, range, filter } = await this.rangeRequest(actor, query);
    const now = this.clock.now();
    const [byCategoryAndStatus, departments, totals, departmentMedians, overallMedian] =
      await Promise.all([
        this.stats.reportsByCategoryAndStatus(filter),
        this.stats.reportsByDepartment(filter, now),
        this.stats.overdueTotals(filter, now),
        this.stats.medianResolveSeconds(filter, true),
        this.stats.medianResolveSeconds(filter, false),
      ]);
    const byStatus = zeroCounts();
    const categories = new Map<string, ReportCategoryStat>();
    for (const row of byCategoryAndStatus) {
      byStatus[row.status] += row.count;
      let category = categories.get(row.category);
      if (!category) {
        // Two regions may define the same code: they are one category to the console.
        category = {
          category: row.category,
          categoryName: row.categoryName,
          total: 0,
          byStatus: zeroCounts(),
        };
        categories.set(row.category, category);
      }
      category.total += row.count;
      category.byStatus[row.status] += row.count;
    }
    const handled = totals.total - totals.refused;
    return {
      regionId: scope.regionId,
      from: range.from,
      to: range.to,
      total: totals.total,
      byStatus,
      byCategory: [...categories.values()].sort(
        (a, b) => b.total - a.total || compareText(a.category, b.category),
      ),
      byDepartment: departments.map((row) => ({
        departmentId: row.departmentId,
        departmentName: row.departmentName ?? '',
        dispatched: row.dispatched,
        resolved: row.resolved,
        medianResolveHours: hoursOf(departmentMedians.get(row.departmentId)),
        overdue: row.overdue,
        overdueShare: shareOf(row.overdue, row.dispatched),
      })),
      medianResolveHours: hoursOf(overallMedian.get('')),
      overdueShare: shareOf(totals.overdue, handled),
    };
  }

  async points(actor: Actor, query: StatsQueryDto): Promise<PointsStatsResponse> {
    const { scope, range } = await this.rangeRequest(actor, query);
    const months = monthWindows(range, scope.timeZone);
    const [issued, redeemed, expired, balances] = await Promise.all([
      this.stats.issuedByMonth(scope.regionIds, months),
      this.stats.redeemedByMonth(scope.regionIds, months),
      this.stats.expiredByMonth(scope.regionIds, months),
      this.stats.balances(scope.regionIds),
    ]);
    const rows = months.map(({ period }) => ({
      period,
      issued: issued.get(period) ?? 0,
      redeemed: redeemed.get(period) ?? 0,
      expired: expired.get(period) ?? 0,
    }));
    return {
      regionId: scope.regionId,
      from: range.from,
      to: range.to,
      months: rows,
      totals: {
        issued: sum(rows.map((row) => row.issued)),
        redeemed: sum(rows.map((row) => row.redeemed)),
        expired: sum(rows.map((row) => row.expired)),
      },
      ...balances,
    };
  }

  async volunteers(actor: Actor, query: VolunteerStatsQueryDto): Promise<VolunteerStatsResponse> {
    const scope = await this.scopeOf(actor, query.regionId);
    const year = query.year ?? Number(this.todayIn(scope).slice(0, 4));
    const dates = yearRange(year);
    const filter: StatsFilter = {
      regionIds: scope.regionIds,
      ...instantsOf(dates, scope.timeZone),
    };
    const earners = await this.stats.topEarners(filter, query.limit ?? DEFAULT_TOP_VOLUNTEERS);
    const userIds = earners.map((earner) => earner.userId);
    const [resolved, checkins] = await Promise.all([
      this.stats.reportsResolvedBy(userIds, filter),
      this.stats.checkinsBy(userIds, scope.regionIds, dates.from, dates.to),
    ]);
    const items: VolunteerStat[] = [];
    earners.forEach((earner, index) => {
      const previous = items[index - 1];
      items.push({
        // Equal points share a rank (1, 1, 3); the list order among them is by user id.
        rank: previous && previous.pointsEarned === earner.pointsEarned ? previous.rank : index + 1,
        userId: earner.userId,
        displayName:
          earner.nickname?.trim() ||
          this.profiles.maskedPhone({ phoneCipher: earner.phoneCipher }) ||
          NAMELESS_WORKER,
        pointsEarned: earner.pointsEarned,
        reportsResolved: resolved.get(earner.userId) ?? 0,
        checkins: checkins.get(earner.userId) ?? 0,
      });
    });
    return { regionId: scope.regionId, year, items };
  }

  async coverage(actor: Actor, query: CoverageQueryDto): Promise<CoverageResponse> {
    const { scope, range, filter } = await this.rangeRequest(actor, query);
    const [stations, positions] = await Promise.all([
      this.stats.openStations(scope.regionIds),
      this.stats.reportPositions(filter, MAX_COVERAGE_REPORTS + 1),
    ]);
    if (positions.length > MAX_COVERAGE_REPORTS) {
      throw ValidationFailedError.forField(
        'from',
        'maxRows',
        `More than ${MAX_COVERAGE_REPORTS} reports: choose a shorter range or a smaller region`,
      );
    }
    // A report near the border is within reach of a neighbour's open station as much as of
    // one of ours: stations outside the scope but within the radius of some report count for
    // coverage (they are not listed as the scope's stations).
    const neighbours =
      positions.length > 0
        ? await this.stats.openStationsOutside(scope.regionIds, reachOf(positions))
        : [];
    const index = new NearestStationIndex([...stations, ...neighbours]);
    let farther = 0;
    const points: CoverageReportPoint[] = [];
    for (const position of positions) {
      const nearest = index.nearestMeters(position);
      const covered = nearest !== null && nearest <= COVERAGE_RADIUS_M;
      if (!covered) farther += 1;
      if (points.length < MAX_COVERAGE_REPORT_POINTS) {
        points.push({
          lat: position.lat,
          lng: position.lng,
          nearestStationM: nearest === null ? null : Math.round(nearest),
          covered,
        });
      }
    }
    return {
      regionId: scope.regionId,
      from: range.from,
      to: range.to,
      rideMinutes: COVERAGE_RIDE_MINUTES,
      radiusM: COVERAGE_RADIUS_M,
      stations,
      reports: {
        total: positions.length,
        farther,
        fartherShare: shareOf(farther, positions.length),
      },
      points,
    };
  }

  /** One statistics table as CSV; `year` belongs to the volunteers table, a range to the others. */
  async exportCsv(actor: Actor, query: StatsExportQueryDto): Promise<CsvFile> {
    const { table, year, ...rangeQuery } = query;
    if (table === 'volunteers') {
      if (query.from !== undefined || query.to !== undefined) {
        throw ValidationFailedError.forField(
          query.from !== undefined ? 'from' : 'to',
          'notForTable',
          'The volunteers table covers a calendar year: send year, not from/to',
        );
      }
      const stats = await this.volunteers(actor, {
        year,
        regionId: query.regionId,
        limit: MAX_TOP_VOLUNTEERS,
      });
      return { filename: statsFilename(table, String(stats.year)), csv: volunteersCsv(stats) };
    }
    if (year !== undefined) {
      throw ValidationFailedError.forField(
        'year',
        'notForTable',
        'Only the volunteers table takes a year; this one takes from/to',
      );
    }
    if (table === 'points') {
      const stats = await this.points(actor, rangeQuery);
      return { filename: statsFilename(table, `${stats.from}-${stats.to}`), csv: pointsCsv(stats) };
    }
    const stats = await this.reports(actor, rangeQuery);
    return {
      filename: statsFilename(table, `${stats.from}-${stats.to}`),
      csv:
        table === 'reports-by-category'
          ? reportsByCategoryCsv(stats)
          : reportsByDepartmentCsv(stats),
    };
  }

  /** The scope and the local-date range of a request, and the instants of that range. */
  private async rangeRequest(
    actor: Actor,
    query: StatsQueryDto,
  ): Promise<{ scope: StatsScope; range: LocalDateRange; filter: StatsFilter }> {
    const scope = await this.scopeOf(actor, query.regionId);
    const range = resolveStatsRange(query, this.todayIn(scope));
    return {
      scope,
      range,
      filter: { regionIds: scope.regionIds, ...instantsOf(range, scope.timeZone) },
    };
  }

  /**
   * The caller's district-admin region, or the region they name if it lies inside it; anything
   * else (another district, the city above, no such region) is 404 alike.
   */
  private async scopeOf(actor: Actor, regionId: string | undefined): Promise<StatsScope> {
    const own = actor.grantsOf('district_admin').find((grant) => grant.regionId)?.regionId;
    const target = regionId?.toLowerCase() ?? own;
    if (!target || !(await this.policy.can(actor, 'read', 'Statistics', { regionId: target }))) {
      throw new NotFoundError('Region not found');
    }
    const region = await this.regions.findById(target);
    if (!region) throw new NotFoundError('Region not found');
    return {
      regionId: region.id,
      regionIds: await this.regionScope.subtreeIds(region.id),
      timeZone: region.timeZone,
    };
  }

  /** Today's date on the scope region's clock. */
  private todayIn(scope: StatsScope): string {
    return toLocalMoment(this.clock.now(), scope.timeZone).date;
  }
}

function zeroCounts(): ReportStatusCounts {
  return Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as ReportStatusCounts;
}

/** Seconds as hours with two decimals; null when there was nothing to measure. */
function hoursOf(seconds: number | undefined): number | null {
  return seconds === undefined || Number.isNaN(seconds) ? null : Math.round(seconds / 36) / 100;
}

/** part ÷ whole with four decimals; null when the whole is 0. */
function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The box holding every point within the coverage radius of any of the positions: their own
 * box widened by the radius (longitude degrees widened at the latitude nearest a pole).
 */
function reachOf(positions: readonly PositionRow[]): BoundingBox {
  // A loop, not Math.min(...list): spreading 200,000 arguments overflows the stack.
  const box = { minLat: Infinity, maxLat: -Infinity, minLng: Infinity, maxLng: -Infinity };
  for (const { lat, lng } of positions) {
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
    box.minLng = Math.min(box.minLng, lng);
    box.maxLng = Math.max(box.maxLng, lng);
  }
  const south = boundingBox({ lat: box.minLat, lng: box.minLng }, COVERAGE_RADIUS_M);
  const north = boundingBox({ lat: box.maxLat, lng: box.maxLng }, COVERAGE_RADIUS_M);
  const lngDelta = Math.max(box.minLng - south.minLng, north.maxLng - box.maxLng);
  return {
    minLat: south.minLat,
    maxLat: north.maxLat,
    minLng: box.minLng - lngDelta,
    maxLng: box.maxLng + lngDelta,
  };
}
