import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { StationStatus } from '@yizhan/contracts';
import { boundingBox, haversineMeters, LatLng } from './geo';
import { isOpenAt } from './opening-hours';
import { StationCursor } from './station-cursor';
import { RankingFields, StationGrid } from './station-grid';
import { StationFilters, StationsRepository, SummaryText } from './stations.repository';

/** Rows per query when loading the index (all stations at first, then changed ones). */
export const LOAD_PAGE_SIZE = 10_000;
/**
 * The first box of a search on the index, smaller than the SQL search's (1 km, widening ×4):
 * a box too small costs a few cells here, not a query, and ~36 stations/km² (a dense
 * district) fill a page of 10 within 400 m.
 */
const FIRST_INDEX_RADIUS_M = 400;
const INDEX_SEARCH_GROWTH = 2;
/** Rankings redone when the page's rows turn out newer than the index (then it gives up). */
const MAX_RERANKS = 3;

/** Rows stamped after `since` (or at it, when inclusive) may be missing from the index. */
export interface Watermark {
  since: string;
  inclusive: boolean;
}

type DistanceCursor = Extract<StationCursor, { kind: 'distance' }>;

/** A nearby search on the index: filters but the text one, which SQL answers. */
export interface NearbySearch {
  origin: LatLng;
  radiusM: number;
  filters: Omit<StationFilters, 'text'>;
  /** The instant `openNow` is judged at, or null when the query does not filter on it. */
  openAt: Date | null;
  limit: number;
  cursor: DistanceCursor | null;
}

export interface RankedStation {
  station: RankingFields;
  distanceM: number;
}

/** A ranked station with the texts its summary shows, read from its current row. */
export interface NearbyStation extends RankedStation {
  text: SummaryText;
}

export interface NearbyPage {
  /** The page, plus one more station when a next page exists. */
  stations: NearbyStation[];
}

/**
 * Nearby search on an in-memory grid of every station's ranking fields, so a request ranks a
 * few hundred stations without a query (a TypeORM query hydrating them costs milliseconds).
 *
 * The database stays the truth: before a search, the ids and versions of the stations stamped
 * since the watermark are read (one index range, empty most of the time; concurrent searches
 * share a read that started after they arrived, ~6% of searches make one under load) and the
 * changed rows reloaded, so a write made by any process shows on the next request.
 * After ranking, the page's rows are read by id: a deleted station leaves the index, and a row
 * newer than the index is reloaded and the ranking redone.
 */
@Injectable()
export class NearbyStations implements OnApplicationBootstrap {
  private readonly grid = new StationGrid();
  /** Newest version read so far. */
  private newestSeen = '';
  /**
   * Where the next read of changes starts, null until loaded. A read at database clock t may
   * yet be joined by rows stamped after its horizon (t - COMMIT_LAG_SECONDS), never before: so
   * the mark is the horizon (inclusive), or the newest version seen when that is older (then
   * every row stamped up to it has been read, and it is exclusive: a batch written in one
   * statement shares one stamp and would otherwise be read again by every search).
   */
  private watermark: Watermark | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly stations: StationsRepository,
    @InjectPinoLogger(NearbyStations.name) private readonly logger: PinoLogger,
  ) {}

  /** Starts the first load now, so the first search does not wait for all of it. */
  onApplicationBootstrap(): void {
    this.catchUp().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Nearby index: first load failed; the next search retries'),
    );
  }

  async search(search: NearbySearch): Promise<NearbyPage> {
    await this.catchUp();
    for (let attempt = 0; ; attempt++) {
      const ranked = this.rank(search);
      const texts = await this.stations.findSummaryTexts(ranked.map(({ station }) => station.id));
      const textById = new Map(texts.map((text) => [text.id, text]));
      const stale = ranked.filter(
        ({ station }) => textById.get(station.id)?.version !== station.version,
      );
      if (stale.length === 0 || attempt === MAX_RERANKS) {
        return {
          stations: ranked.flatMap((found) => {
            const text = textById.get(found.station.id);
            return text ? [{ ...found, text }] : [];
          }),
        };
      }
      await this.reload(stale.map(({ station }) => station.id));
    }
  }

  /**
   * Resolves once the index holds every write committed before the call: joins a read that
   * starts after it, never one already under way (that one may have missed a commit).
   */
  catchUp(): Promise<void> {
    if (this.running === null) return this.startRead();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.running ?? this.startRead();
      });
    return this.queued;
  }

  private startRead(): Promise<void> {
    const read = this.readChanges().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }

  /** Loads every station the first time, then reads the rows stamped since the watermark. */
  private async readChanges(): Promise<void> {
    if (this.watermark === null) {
      const startedAt = Date.now();
      const horizon = await this.stations.findHorizon();
      await this.loadAll();
      this.moveWatermark(horizon);
      this.logger.info(
        { stations: this.grid.size, ms: Date.now() - startedAt },
        'Nearby index loaded',
      );
      return;
    }
    const { horizon, changed } = await this.stations.findVersionsSince(this.watermark);
    const outdated = changed.filter(({ id, version }) => this.grid.get(id)?.version !== version);
    for (let start = 0; start < outdated.length; start += LOAD_PAGE_SIZE) {
      await this.reload(outdated.slice(start, start + LOAD_PAGE_SIZE).map(({ id }) => id));
    }
    for (const { version } of changed) this.noteVersion(version);
    this.moveWatermark(horizon);
  }

  private async loadAll(): Promise<void> {
    let afterId: string | null = null;
    for (;;) {
      const rows = await this.stations.findRankingFields(afterId, LOAD_PAGE_SIZE);
      for (const row of rows) {
        this.grid.upsert(row);
        this.noteVersion(row.version);
      }
      afterId = rows[rows.length - 1]?.id ?? null;
      if (rows.length < LOAD_PAGE_SIZE) return;
    }
  }

  private noteVersion(version: string): void {
    if (version > this.newestSeen) this.newestSeen = version;
  }

  private moveWatermark(horizon: string): void {
    this.watermark =
      this.newestSeen < horizon
        ? { since: this.newestSeen, inclusive: false }
        : { since: horizon, inclusive: true };
  }

  /** Rereads these stations' rows; those gone leave the index. */
  private async reload(ids: string[]): Promise<void> {
    const rows = await this.stations.findRankingFieldsByIds(ids);
    const found = new Set(rows.map((row) => row.id));
    for (const id of ids) if (!found.has(id)) this.grid.remove(id);
    for (const row of rows) this.grid.upsert(row);
  }

  /**
   * Nearest first, as the SQL search ranks: a box of radius r holds every station within r,
   * so once more than `limit` matching stations lie within r, the first limit + 1 are exact.
   */
  rank(search: NearbySearch): RankedStation[] {
    const { origin, radiusM, limit, cursor } = search;
    const matches = matcherOf(search);
    let searchM = Math.min(radiusM, Math.max(FIRST_INDEX_RADIUS_M, cursor?.distanceM ?? 0));
    for (;;) {
      const ranked: RankedStation[] = [];
      const within = searchM;
      this.grid.forEachInBox(boundingBox(origin, searchM), (station) => {
        if (!matches(station)) return;
        const distanceM = Math.round(haversineMeters(origin, station));
        if (distanceM > within) return;
        if (cursor && !isAfter(distanceM, station.id, cursor)) return;
        ranked.push({ station, distanceM });
      });
      if (ranked.length > limit || searchM >= radiusM) {
        return ranked.sort(byDistanceThenId).slice(0, limit + 1);
      }
      searchM = Math.min(radiusM, searchM * INDEX_SEARCH_GROWTH);
    }
  }
}

/** The filters of a search as one test of a station's ranking fields. */
function matcherOf(search: NearbySearch): (station: RankingFields) => boolean {
  const { amenityMask, regionPath, statusOpenOnly } = search.filters;
  const openAt = search.openAt;
  return (station) =>
    (station.amenityMask & amenityMask) === amenityMask &&
    (regionPath === null || station.regionPath.startsWith(regionPath)) &&
    (!statusOpenOnly || station.status === StationStatus.Open) &&
    (openAt === null || isRankedStationOpenAt(station, openAt));
}

/** `isStationOpenAt` on the ranking fields. */
export function isRankedStationOpenAt(station: RankingFields, instant: Date): boolean {
  return (
    station.status === StationStatus.Open &&
    isOpenAt(station.openingHours, instant, station.timeZone)
  );
}

function byDistanceThenId(a: RankedStation, b: RankedStation): number {
  return a.distanceM - b.distanceM || compareIds(a.station.id, b.station.id);
}

/** Byte order of ids, the same order SQL uses for ASCII ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isAfter(distanceM: number, id: string, cursor: DistanceCursor): boolean {
  return distanceM > cursor.distanceM || (distanceM === cursor.distanceM && id > cursor.id);
}
