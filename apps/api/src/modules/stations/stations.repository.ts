import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TxManager } from '../../database/transactions';
import { BoundingBox } from './geo';
import type { Watermark } from './nearby-stations';
import { RankingFields } from './station-grid';
import { StationEntity } from './station.entity';

/** SQL-side filters of a station search. */
export interface StationFilters {
  /** Bits that must all be set in `amenity_mask` (0 = any). */
  amenityMask: number;
  /** Materialised path of a region whose subtree the station must lie in. */
  regionPath: string | null;
  /** Substring of the name or address. */
  text: string | null;
  /** Only stations whose status is `open` (the opening hours are checked in code). */
  statusOpenOnly: boolean;
}

export interface NameKey {
  name: string;
  id: string;
}

/** The version (`updated_at` as the database prints it) of one station row. */
export interface StationVersion {
  id: string;
  version: string;
}

/** The columns a nearby page shows beyond the ranking fields, and the row's version. */
export interface SummaryText extends StationVersion {
  name: string;
  brand: string;
  address: string;
}

/** The rows written since a point in time, and the database clock when they were read. */
export interface ChangedVersions {
  /** The database clock minus COMMIT_LAG_SECONDS at the read. */
  horizon: string;
  changed: StationVersion[];
}

/**
 * Longest time a write may take between stamping `updated_at` and committing. A row read at
 * clock t may yet be joined by rows stamped after t - COMMIT_LAG_SECONDS, so readers of
 * "changed since" never move their mark past that (see NearbyStations).
 */
export const COMMIT_LAG_SECONDS = 10;

interface RankingRow {
  id: string;
  lat: string | number;
  lng: string | number;
  amenityMask: string | number;
  status: RankingFields['status'];
  regionId: string;
  regionPath: string;
  timeZone: string;
  openingHours: string | RankingFields['openingHours'];
  version: string;
}

// `!` as LIKE escape character behaves the same on MySQL and SQLite (a backslash does not).
const escapeLike = (text: string) => text.replace(/[!%_]/g, (char) => `!${char}`);

/** Queries of the station aggregate; rows come with their region (time zone, path). */
@Injectable()
export class StationsRepository {
  constructor(
    @InjectRepository(StationEntity) private readonly stations: Repository<StationEntity>,
  ) {}

  async findById(id: string): Promise<StationEntity | null> {
    // `find`, not `findOne`: with a join, findOne's LIMIT 1 makes TypeORM run a DISTINCT-ids
    // query first, a second round trip for a primary-key lookup (every check-in makes it).
    const [station] = await this.stations.find({ where: { id }, relations: { region: true } });
    return station ?? null;
  }

  async insert(station: StationEntity, manager: TxManager): Promise<void> {
    await manager.insert(StationEntity, station);
  }

  async update(id: string, changes: Partial<StationEntity>, manager: TxManager): Promise<void> {
    await manager.update(StationEntity, { id }, { ...changes, ...this.nextVersion() });
  }

  /**
   * A new `updated_at` for a write, larger than the row's current one. TypeORM would set
   * `CURRENT_TIMESTAMP`, whole seconds on MySQL: two writes in one second would leave the same
   * version and the in-memory indexes (which compare versions) would keep the first. SQLite
   * stamps in a trigger instead (see the migration StationChangesIndex).
   */
  private nextVersion(): QueryDeepPartialEntity<StationEntity> {
    if (this.isSqlite()) return {};
    return {
      updatedAt: () => 'GREATEST(CURRENT_TIMESTAMP(6), updated_at + INTERVAL 1 MICROSECOND)',
    };
  }

  /**
   * Raises the station's code generation by one in a single UPDATE, so parallel rotations each
   * count (none reads a stale value and writes it back), and answers the generation this
   * transaction wrote: its row lock holds until commit, so no other rotation can interleave.
   * Null when the station does not exist.
   */
  async nextCodeVersion(id: string, manager: TxManager): Promise<number | null> {
    const result = await manager
      .createQueryBuilder()
      .update(StationEntity)
      .set({ codeVersion: () => 'code_version + 1' })
      .where('id = :id', { id })
      .execute();
    if ((result.affected ?? 0) === 0) return null;
    const station = await manager.findOne(StationEntity, {
      where: { id },
      select: { id: true, codeVersion: true },
    });
    return station?.codeVersion ?? null;
  }

  /** Stations inside the box, unordered, at most `maxRows`. */
  findInBox(box: BoundingBox, filters: StationFilters, maxRows: number): Promise<StationEntity[]> {
    return this.filtered(filters)
      .andWhere('station.lat BETWEEN :minLat AND :maxLat', box)
      .andWhere('station.lng BETWEEN :minLng AND :maxLng', box)
      .limit(maxRows)
      .getMany();
  }

  /** The database clock minus COMMIT_LAG_SECONDS (where a first load starts watching). */
  async findHorizon(): Promise<string> {
    const sql = this.isSqlite()
      ? `SELECT datetime('now', '-${COMMIT_LAG_SECONDS} seconds') AS horizon`
      : `SELECT CAST(NOW(6) - INTERVAL ${COMMIT_LAG_SECONDS} SECOND AS CHAR) AS horizon`;
    const [row] = (await this.stations.query(sql)) as { horizon: string }[];
    return String(row?.horizon);
  }

  /**
   * Ids and versions of the stations stamped after the watermark, and the horizon, in one
   * round trip (an index-only range on `(updated_at, id)`; the outer join answers the horizon
   * when nothing changed).
   */
  async findVersionsSince({ since, inclusive }: Watermark): Promise<ChangedVersions> {
    const after = inclusive ? '>=' : '>';
    const sql = this.isSqlite()
      ? `SELECT datetime('now', '-${COMMIT_LAG_SECONDS} seconds') AS horizon, s.id AS id,
           s.updated_at AS version
         FROM (SELECT 1 AS one) AS clock LEFT JOIN station s ON s.updated_at ${after} ?`
      : `SELECT CAST(NOW(6) - INTERVAL ${COMMIT_LAG_SECONDS} SECOND AS CHAR) AS horizon,
           s.id AS id, CAST(s.updated_at AS CHAR) AS version
         FROM (SELECT 1 AS one) AS clock LEFT JOIN station s ON s.updated_at ${after} ?`;
    const rows = (await this.stations.query(sql, [since])) as {
      horizon: string;
      id: string | null;
      version: string | null;
    }[];
    return {
      horizon: String(rows[0]?.horizon),
      changed: rows.flatMap(({ id, version }) =>
        id === null ? [] : [{ id, version: String(version) }],
      ),
    };
  }

  /** The ranking fields of up to `take` stations in id order after `afterId` (first load). */
  async findRankingFields(afterId: string | null, take: number): Promise<RankingFields[]> {
    const query = this.rankingQuery();
    if (afterId !== null) query.andWhere('station.id > :afterId', { afterId });
    const rows = await query.orderBy('station.id', 'ASC').limit(take).getRawMany<RankingRow>();
    return rows.map(toRankingFields);
  }

  /** The ranking fields of these stations (those that still exist). */
  async findRankingFieldsByIds(ids: string[]): Promise<RankingFields[]> {
    if (ids.length === 0) return [];
    const rows = await this.rankingQuery()
      .andWhere('station.id IN (:...ids)', { ids })
      .getRawMany<RankingRow>();
    return rows.map(toRankingFields);
  }

  /** Name, brand, address and version of these stations (those that still exist), unordered. */
  async findSummaryTexts(ids: string[]): Promise<SummaryText[]> {
    if (ids.length === 0) return [];
    // Plain SQL: every nearby search makes this query, and building it with the query builder
    // cost more than running it (the SQL differs only in its number of ids).
    const placeholders = ids.map(() => '?').join(', ');
    const rows = (await this.stations.query(
      `SELECT station.id AS id, station.name AS name, station.brand AS brand,
         station.address AS address, ${this.versionColumn()} AS version
       FROM station WHERE station.id IN (${placeholders})`,
      ids,
    )) as SummaryText[];
    return rows.map((row) => ({ ...row, version: String(row.version) }));
  }

  private rankingQuery(): SelectQueryBuilder<StationEntity> {
    return this.stations
      .createQueryBuilder('station')
      .innerJoin('station.region', 'region')
      .select('station.id', 'id')
      .addSelect('station.lat', 'lat')
      .addSelect('station.lng', 'lng')
      .addSelect('station.amenityMask', 'amenityMask')
      .addSelect('station.status', 'status')
      .addSelect('station.regionId', 'regionId')
      .addSelect('region.path', 'regionPath')
      .addSelect('region.timeZone', 'timeZone')
      .addSelect('station.openingHours', 'openingHours')
      .addSelect(this.versionColumn(), 'version');
  }

  /** `updated_at` as text with all its digits (mysql2 would cut a DATETIME(6) to a JS Date). */
  private versionColumn(): string {
    return this.isSqlite() ? 'station.updated_at' : 'CAST(station.updated_at AS CHAR)';
  }

  private isSqlite(): boolean {
    return this.stations.manager.connection.options.type === 'better-sqlite3';
  }

  /** The next `take` stations in (name, id) order after `after`. */
  findAfterName(
    after: NameKey | null,
    filters: StationFilters,
    take: number,
  ): Promise<StationEntity[]> {
    const query = this.filtered(filters);
    if (after) {
      query.andWhere(
        '(station.name > :afterName OR (station.name = :afterName AND station.id > :afterId))',
        { afterName: after.name, afterId: after.id },
      );
    }
    return query
      .orderBy('station.name', 'ASC')
      .addOrderBy('station.id', 'ASC')
      .limit(take)
      .getMany();
  }

  private filtered(filters: StationFilters): SelectQueryBuilder<StationEntity> {
    const query = this.stations
      .createQueryBuilder('station')
      .innerJoinAndSelect('station.region', 'region');
    if (filters.amenityMask !== 0) {
      query.andWhere('(station.amenityMask & :mask) = :mask', { mask: filters.amenityMask });
    }
    if (filters.regionPath !== null) {
      query.andWhere("region.path LIKE :pathPrefix ESCAPE '!'", {
        pathPrefix: `${escapeLike(filters.regionPath)}%`,
      });
    }
    if (filters.text !== null) {
      query.andWhere(
        "(station.name LIKE :text ESCAPE '!' OR station.address LIKE :text ESCAPE '!')",
        {
          text: `%${escapeLike(filters.text)}%`,
        },
      );
    }
    if (filters.statusOpenOnly) query.andWhere('station.status = :open', { open: 'open' });
    return query;
  }
}

function toRankingFields(row: RankingRow): RankingFields {
  return {
    id: row.id,
    lat: Number(row.lat),
    lng: Number(row.lng),
    amenityMask: Number(row.amenityMask),
    status: row.status,
    regionId: row.regionId,
    regionPath: row.regionPath,
    timeZone: row.timeZone,
    openingHours:
      typeof row.openingHours === 'string'
        ? (JSON.parse(row.openingHours) as RankingFields['openingHours'])
        : row.openingHours,
    version: String(row.version),
  };
}
