import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_LIMIT,
  ListStationVisitsQueryDto,
  StationVisitsPage,
  VisitGranularity,
  VisitStatsQueryDto,
  VisitStatsResponse,
} from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { CsvFile } from '../../common/http/csv-download';
import { isCalendarDate } from '../../common/local-dates';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { isUuid } from '../../common/uuid';
import { AccessPolicy } from '../access/access-policy';
import { Actor } from '../access/actor';
import { RegionScopeService } from '../access/region-scope.service';
import { toLocalMoment } from '../stations/opening-hours';
import { StationEntity } from '../stations/station.entity';
import { stationTimeZone } from '../stations/station.mapper';
import { StationsRepository } from '../stations/stations.repository';
import { toStationVisit } from './visit.mapper';
import { decodeVisitStatsCursor, visitStatsSortKey } from './visit-stats-cursor';
import { toVisitStatsCsv, visitStatsFilename } from './visit-stats-csv';
import { assertVisitStatsRange } from './visit-stats-range';
import { MAX_VISIT_STATS_EXPORT_ROWS, VisitFilter, VisitsRepository } from './visits.repository';

/** What a statistics request covers once the caller's right to it is checked. */
interface VisitScope {
  /** The region the answer is about (the station's own when only a station was named). */
  regionId: string;
  filter: { stationId: string; regionIds?: string[] } | { regionIds: string[] };
}

/** The statistics query without paging, as the CSV export takes it. */
export type VisitStatsExportQuery = Omit<VisitStatsQueryDto, 'limit' | 'cursor'>;

/**
 * Visits as station staff and district admins see them: a station's day, and counts per
 * station and period inside the caller's scope. Whatever the caller may not see is "not
 * found", so probing ids tells nothing about other districts.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly stations: StationsRepository,
    private readonly regionScope: RegionScopeService,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** One local date of a station (today on the station region's clock by default). */
  async stationDay(
    actor: Actor,
    stationId: string,
    query: ListStationVisitsQueryDto,
  ): Promise<StationVisitsPage> {
    if (query.date !== undefined && !isCalendarDate(query.date)) {
      throw ValidationFailedError.forField('date', 'isDate', 'date must be a real date');
    }
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const station = await this.visibleStation(actor, stationId);
    const date = query.date ?? toLocalMoment(this.clock.now(), stationTimeZone(station)).date;
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const [rows, [day]] = await Promise.all([
      this.visits.dayPage(station.id, date, after, limit + 1),
      this.visits.periodTotals({ stationId: station.id, from: date, to: date }, 'day'),
    ]);
    return {
      date,
      visits: day?.visits ?? 0,
      uniqueWorkers: day?.uniqueWorkers ?? 0,
      ...toPage(rows, limit, toStationVisit, (row) => [row.createdAt.toISOString(), row.id]),
    };
  }

  /** A page of station rows plus the totals of every period for the whole scope. */
  async stats(actor: Actor, query: VisitStatsQueryDto): Promise<VisitStatsResponse> {
    const { regionId, granularity, filter } = await this.statsRequest(actor, query);
    const after = query.cursor ? decodeVisitStatsCursor(query.cursor, granularity) : null;
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const [rows, totals, rangeTotal] = await Promise.all([
      this.visits.stationPeriods(filter, granularity, after, limit + 1),
      this.visits.periodTotals(filter, granularity),
      this.visits.rangeTotal(filter),
    ]);
    return {
      regionId,
      granularity,
      from: query.from,
      to: query.to,
      totals,
      rangeTotal,
      ...toPage(rows, limit, (row) => row, visitStatsSortKey),
    };
  }

  /** The same statistics, every station row at once, as CSV. */
  async statsCsv(actor: Actor, query: VisitStatsExportQuery): Promise<CsvFile> {
    const { granularity, filter } = await this.statsRequest(actor, query);
    const [rows, totals] = await Promise.all([
      this.visits.stationPeriods(filter, granularity, null, MAX_VISIT_STATS_EXPORT_ROWS + 1),
      this.visits.periodTotals(filter, granularity),
    ]);
    if (rows.length > MAX_VISIT_STATS_EXPORT_ROWS) {
      throw ValidationFailedError.forField(
        'to',
        'maxRows',
        'Too many rows: export a shorter period, by month, or fewer stations',
      );
    }
    return {
      filename: visitStatsFilename(query.from, query.to),
      csv: toVisitStatsCsv(rows, totals),
    };
  }

  /** A statistics request checked: its dates, and the scope the caller may count. */
  private async statsRequest(
    actor: Actor,
    query: VisitStatsExportQuery,
  ): Promise<{ regionId: string; granularity: VisitGranularity; filter: VisitFilter }> {
    assertVisitStatsRange(query.from, query.to);
    const scope = await this.scopeOf(actor, query);
    return {
      regionId: scope.regionId,
      granularity: query.granularity ?? 'day',
      filter: { ...scope.filter, from: query.from, to: query.to },
    };
  }

  /**
   * The scope a statistics request names, or the caller's own: a district admin's region, else
   * a station manager's station. A named region must be one the caller sees whole; a named
   * station one whose visits they see; both together, a station inside that region.
   */
  private async scopeOf(
    actor: Actor,
    query: { regionId?: string; stationId?: string },
  ): Promise<VisitScope> {
    const regionId = query.regionId?.toLowerCase();
    if (query.stationId !== undefined) {
      const station = await this.visibleStation(actor, query.stationId);
      if (regionId === undefined) {
        return { regionId: station.regionId, filter: { stationId: station.id } };
      }
      const regionIds = await this.visibleRegion(actor, regionId);
      if (!regionIds.includes(station.regionId)) throw new NotFoundError('Station not found');
      return { regionId, filter: { stationId: station.id, regionIds } };
    }
    if (regionId !== undefined) {
      return { regionId, filter: { regionIds: await this.visibleRegion(actor, regionId) } };
    }
    const ownRegion = actor.grantsOf('district_admin').find((grant) => grant.regionId)?.regionId;
    if (ownRegion) {
      return {
        regionId: ownRegion,
        filter: { regionIds: await this.visibleRegion(actor, ownRegion) },
      };
    }
    const ownStation = actor
      .grantsOf('station_manager')
      .find((grant) => grant.stationId)?.stationId;
    if (ownStation) return this.scopeOf(actor, { stationId: ownStation });
    // A staff grant without its region or station: there is nothing this caller may count.
    throw new NotFoundError('No region or station to count');
  }

  /** The station if the caller may see its visits; 404 alike for absent and foreign ones. */
  private async visibleStation(actor: Actor, id: string): Promise<StationEntity> {
    const station = isUuid(id) ? await this.stations.findById(id.toLowerCase()) : null;
    if (
      !station ||
      !(await this.policy.can(actor, 'read', 'Visit', {
        regionId: station.regionId,
        stationId: station.id,
      }))
    ) {
      throw new NotFoundError('Station not found');
    }
    return station;
  }

  /**
   * The ids of the region's subtree if the caller may see the visits of all of it. The policy
   * only grants that inside the caller's own subtree, which holds existing regions only.
   */
  private async visibleRegion(actor: Actor, regionId: string): Promise<string[]> {
    if (!(await this.policy.can(actor, 'read', 'Visit', { regionId, stationId: null }))) {
      throw new NotFoundError('Region not found');
    }
    return this.regionScope.subtreeIds(regionId);
  }
}
