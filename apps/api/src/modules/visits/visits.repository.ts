import { Injectable } from '@nestjs/common';
import { newestFirst } from '../../common/pagination/newest-first';
import { InjectDataSource } from '@nestjs/typeorm';
import { RegionVisitStat, StationVisitStat, VisitGranularity } from '@yizhan/contracts';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { TimePosition } from '../../common/pagination/cursor';
import { CheckinEntity } from '../checkins/checkin.entity';
import { VisitStatsPosition } from './visit-stats-cursor';

/**
 * Which visits a statistics query counts: local dates `from`..`to` (inclusive) and at least one
 * of the station or the regions (the regions the station was in at the time of the visit).
 * Either one leads the query onto its index, (station_id, local_date) or (region_id, local_date).
 */
export type VisitFilter = { from: string; to: string } & (
  | { stationId: string; regionIds?: readonly string[] }
  | { stationId?: undefined; regionIds: readonly string[] }
);

/** Most station rows one CSV export holds (a year of 250 stations by day is below it). */
export const MAX_VISIT_STATS_EXPORT_ROWS = 100_000;

/**
 * The period column of each granularity. Both are plain text functions on the stored local
 * date, the same on MySQL/MariaDB and SQLite: no time-zone arithmetic happens in SQL.
 */
const PERIOD_OF: Readonly<Record<VisitGranularity, string>> = {
  day: 'checkin.localDate',
  month: 'SUBSTR(checkin.localDate, 1, 7)',
};

// Flagged visits (impossible travel) earn nothing and count only in `flagged`. Workers are
// distinct within a group; COUNT(DISTINCT …) skips the NULLs the flagged rows give.
const VISITS = 'SUM(CASE WHEN checkin.flag IS NULL THEN 1 ELSE 0 END)';
const UNIQUE_WORKERS = 'COUNT(DISTINCT CASE WHEN checkin.flag IS NULL THEN checkin.userId END)';
const FLAGGED = 'SUM(CASE WHEN checkin.flag IS NULL THEN 0 ELSE 1 END)';

interface CountsRow {
  period: string;
  visits: string | number;
  unique_workers: string | number;
  flagged: string | number;
}

interface StationCountsRow extends CountsRow {
  station_id: string;
  station_name: string;
}

/** Read-only queries of recorded visits for station staff and statistics. */
@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A station's visits of one local date, newest first, with each worker's nickname. Only the
   * columns staff may see are read: no location, no phone.
   */
  dayPage(
    stationId: string,
    date: string,
    after: TimePosition | null,
    limit: number,
  ): Promise<CheckinEntity[]> {
    const query = this.checkins()
      .select(['checkin.id', 'checkin.createdAt', 'checkin.method', 'checkin.flag'])
      .leftJoin('checkin.user', 'user')
      .addSelect(['user.id', 'user.nickname', 'user.erasedAt'])
      .where('checkin.stationId = :stationId AND checkin.localDate = :date', { stationId, date });
    return newestFirst(query, 'checkin', after, limit).getMany();
  }

  /**
   * Counts per station and period, ordered by period, station name, station id, from after
   * `after`. A station appears in a period only if it recorded a visit then (flagged or not).
   */
  async stationPeriods(
    filter: VisitFilter,
    granularity: VisitGranularity,
    after: VisitStatsPosition | null,
    limit: number,
  ): Promise<StationVisitStat[]> {
    const period = PERIOD_OF[granularity];
    const query = this.counted(filter, period)
      .innerJoin('checkin.station', 'station')
      .addSelect('station.id', 'station_id')
      .addSelect('station.name', 'station_name');
    if (after) {
      query.andWhere(
        `(${period} > :afterPeriod OR (${period} = :afterPeriod AND ` +
          '(station.name > :afterName OR (station.name = :afterName AND station.id > :afterId))))',
        { afterPeriod: after.period, afterName: after.stationName, afterId: after.stationId },
      );
    }
    const rows = await query
      .groupBy(period)
      .addGroupBy('station.id')
      .addGroupBy('station.name')
      .orderBy(period, 'ASC')
      .addOrderBy('station.name', 'ASC')
      .addOrderBy('station.id', 'ASC')
      .limit(limit)
      .getRawMany<StationCountsRow>();
    return rows.map((row) => ({
      stationId: row.station_id,
      stationName: row.station_name,
      ...countsOf(row),
    }));
  }

  /** Counts per period over the whole filter: a worker seen at two stations counts once. */
  async periodTotals(
    filter: VisitFilter,
    granularity: VisitGranularity,
  ): Promise<RegionVisitStat[]> {
    const period = PERIOD_OF[granularity];
    const rows = await this.counted(filter, period)
      .groupBy(period)
      .orderBy(period, 'ASC')
      .getRawMany<CountsRow>();
    return rows.map(countsOf);
  }

  /** Counts over the whole filter at once: a worker seen in two periods counts once. */
  async rangeTotal(filter: VisitFilter): Promise<Omit<RegionVisitStat, 'period'>> {
    const row = await this.counted(filter, "'range'").getRawOne<CountsRow>();
    // SUM over no rows is NULL: Number(null) reads it as the 0 it means.
    const { visits, uniqueWorkers, flagged } = countsOf(
      row ?? { period: 'range', visits: 0, unique_workers: 0, flagged: 0 },
    );
    return { visits, uniqueWorkers, flagged };
  }

  private checkins(): SelectQueryBuilder<CheckinEntity> {
    return this.dataSource.getRepository(CheckinEntity).createQueryBuilder('checkin');
  }

  /** The filter's visits with the period and the three counts selected. */
  private counted(filter: VisitFilter, period: string): SelectQueryBuilder<CheckinEntity> {
    const query = this.checkins()
      .select(period, 'period')
      .addSelect(VISITS, 'visits')
      .addSelect(UNIQUE_WORKERS, 'unique_workers')
      .addSelect(FLAGGED, 'flagged')
      .where('checkin.localDate >= :from AND checkin.localDate <= :to', {
        from: filter.from,
        to: filter.to,
      });
    if (filter.stationId !== undefined) {
      query.andWhere('checkin.stationId = :stationId', { stationId: filter.stationId });
    }
    if (filter.regionIds !== undefined) {
      if (filter.regionIds.length === 0) query.andWhere('1 = 0');
      else query.andWhere('checkin.regionId IN (:...regionIds)', { regionIds: filter.regionIds });
    }
    return query;
  }
}

/** MySQL answers SUM as a DECIMAL string, SQLite as a number. */
function countsOf(row: CountsRow): RegionVisitStat {
  return {
    period: row.period,
    visits: Number(row.visits),
    uniqueWorkers: Number(row.unique_workers),
    flagged: Number(row.flagged),
  };
}
