import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_LIMIT,
  ListStationsQueryDto,
  Page,
  StationDetail,
  StationSummary,
} from '@yizhan/contracts';
import { PinoLogger, InjectPinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import { MediaAttachments } from '../media/media-attachments';
import { RegionsService } from '../regions/regions.service';
import { toAmenityMask } from './amenity-mask';
import { boundingBox, haversineMeters, LatLng } from './geo';
import { isStationOpenAt } from './station-open';
import {
  compareIds,
  isAfter,
  isRankedStationOpenAt,
  NearbySearch,
  NearbyStations,
} from './nearby-stations';
import { decodeStationCursor, encodeStationCursor, StationCursor } from './station-cursor';
import { toStationDetail, toStationSummary } from './station.mapper';
import { StationEntity } from './station.entity';
import { StationError } from './stations.errors';
import { invalidCursor } from '../../common/pagination/cursor';
import { StationFilters, StationsRepository } from './stations.repository';

/** Radius of a nearby search when the client sends none. */
export const DEFAULT_RADIUS_M = 20_000;
/**
 * Most stations a nearby search ranks in memory. A 50 km circle holds a few hundred stations
 * in the densest district we serve; past this the list would be cut, so it is logged.
 */
export const MAX_NEARBY_CANDIDATES = 5_000;
/** The first box of a nearby search; it widens by SEARCH_GROWTH until the page is full. */
export const FIRST_SEARCH_RADIUS_M = 1_000;
const SEARCH_GROWTH = 4;
/** Rows read per query when walking the name order (opening hours filter in code). */
const NAME_BATCH_SIZE = 100;

interface RankedStation {
  station: StationEntity;
  distanceM: number;
}

@Injectable()
export class StationsService {
  constructor(
    private readonly stations: StationsRepository,
    private readonly regions: RegionsService,
    private readonly media: MediaAttachments,
    private readonly nearby: NearbyStations,
    private readonly clock: Clock,
    @InjectPinoLogger(StationsService.name) private readonly logger: PinoLogger,
  ) {}

  async get(id: string): Promise<StationDetail> {
    const station = isUuid(id) ? await this.stations.findById(id.toLowerCase()) : null;
    if (!station) throw StationError.notFound();
    // Whoever may see a station may see its photos.
    const photos = (await this.media.viewsOf('station', [station.id])).get(station.id) ?? [];
    return toStationDetail(
      station,
      { openNow: isStationOpenAt(station, this.clock.now()) },
      photos,
    );
  }

  async list(query: ListStationsQueryDto): Promise<Page<StationSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const cursor = query.cursor === undefined ? null : decodeStationCursor(query.cursor);
    if (query.cursor !== undefined && cursor === null) throw invalidCursor('isStationCursor');

    const filters = await this.filtersOf(query);
    if (filters === null) return { items: [], nextCursor: null };

    if (query.lat !== undefined && query.lng !== undefined) {
      if (cursor !== null && cursor.kind !== 'distance') throw invalidCursor('isStationCursor');
      const origin = { lat: query.lat, lng: query.lng };
      return this.listNearby(
        origin,
        query.radius ?? DEFAULT_RADIUS_M,
        filters,
        query,
        limit,
        cursor,
      );
    }
    if (cursor !== null && cursor.kind !== 'name') throw invalidCursor('isStationCursor');
    return this.listByName(filters, query, limit, cursor);
  }

  /** SQL filters of the query, or null when they can match nothing (an unknown region). */
  private async filtersOf(query: ListStationsQueryDto): Promise<StationFilters | null> {
    let regionPath: string | null = null;
    if (query.regionId !== undefined) {
      const region = await this.regions.findScope(query.regionId);
      if (!region) return null;
      regionPath = region.path;
    }
    const text = query.q?.trim();
    return {
      amenityMask: toAmenityMask(query.amenities ?? []),
      regionPath,
      text: text ? text : null,
      statusOpenOnly: query.openNow === true,
    };
  }

  /**
   * Nearest first. SQL narrows to the bounding box on the indexed coordinates; the exact
   * great-circle distance, the radius, the opening hours and the (distanceM, id) keyset are
   * applied here, so every page is exact.
   */
  private async listNearby(
    origin: LatLng,
    radiusM: number,
    filters: StationFilters,
    query: ListStationsQueryDto,
    limit: number,
    cursor: Extract<StationCursor, { kind: 'distance' }> | null,
  ): Promise<Page<StationSummary>> {
    if (filters.text === null) {
      return this.listNearbyFromIndex({
        origin,
        radiusM,
        filters,
        openAt: query.openNow ? this.clock.now() : null,
        limit,
        cursor,
      });
    }
    const now = this.clock.now();
    // Start small and widen: a page needs only the nearest stations, and a box of the whole
    // radius holds thousands in a dense network. A box of radius r holds every station within
    // r, so once more than `limit` stations lie within r the page is exact.
    let searchM = Math.min(radiusM, Math.max(FIRST_SEARCH_RADIUS_M, cursor?.distanceM ?? 0));
    let ranked: RankedStation[];
    for (;;) {
      const candidates = await this.stations.findInBox(
        boundingBox(origin, searchM),
        filters,
        MAX_NEARBY_CANDIDATES,
      );
      const capped = candidates.length === MAX_NEARBY_CANDIDATES;
      if (capped) {
        this.logger.warn(
          { origin, radiusM: searchM },
          'Nearby search hit the candidate cap; results cut',
        );
      }
      const within = searchM;
      ranked = candidates
        .map((station) => ({
          station,
          distanceM: Math.round(haversineMeters(origin, station)),
        }))
        .filter(({ distanceM }) => distanceM <= within)
        .filter(({ station }) => !query.openNow || isStationOpenAt(station, now))
        .filter(({ station, distanceM }) => !cursor || isAfter(distanceM, station.id, cursor))
        .sort((a, b) => a.distanceM - b.distanceM || compareIds(a.station.id, b.station.id));
      if (ranked.length > limit || searchM >= radiusM || capped) break;
      searchM = Math.min(radiusM, searchM * SEARCH_GROWTH);
    }

    const page = ranked.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ station, distanceM }) =>
        toStationSummary(station, { openNow: isStationOpenAt(station, now), distanceM }),
      ),
      nextCursor:
        ranked.length > limit && last
          ? encodeStationCursor({
              kind: 'distance',
              distanceM: last.distanceM,
              id: last.station.id,
            })
          : null,
    };
  }

  /** The same search on the in-memory index (every filter but the text one). */
  private async listNearbyFromIndex(search: NearbySearch): Promise<Page<StationSummary>> {
    const now = search.openAt ?? this.clock.now();
    const { stations } = await this.nearby.search(search);
    const page = stations.slice(0, search.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ station, text, distanceM }) =>
        toStationSummary(
          {
            id: station.id,
            name: text.name,
            brand: text.brand,
            address: text.address,
            lat: station.lat,
            lng: station.lng,
            regionId: station.regionId,
            status: station.status,
            amenityMask: station.amenityMask,
          },
          { openNow: isRankedStationOpenAt(station, now), distanceM },
        ),
      ),
      nextCursor:
        stations.length > search.limit && last
          ? encodeStationCursor({
              kind: 'distance',
              distanceM: last.distanceM,
              id: last.station.id,
            })
          : null,
    };
  }

  /**
   * By name, keyset in SQL. When `openNow` filters in code a batch may come back thin, so
   * batches are read until the page (plus one row proving a next page) is full or rows end.
   */
  private async listByName(
    filters: StationFilters,
    query: ListStationsQueryDto,
    limit: number,
    cursor: Extract<StationCursor, { kind: 'name' }> | null,
  ): Promise<Page<StationSummary>> {
    const now = this.clock.now();
    const matches: StationEntity[] = [];
    let after = cursor ? { name: cursor.name, id: cursor.id } : null;
    const batchSize = query.openNow ? NAME_BATCH_SIZE : limit + 1;
    while (matches.length <= limit) {
      const batch = await this.stations.findAfterName(after, filters, batchSize);
      for (const station of batch) {
        if (!query.openNow || isStationOpenAt(station, now)) matches.push(station);
        if (matches.length > limit) break;
      }
      const lastRead = batch[batch.length - 1];
      if (batch.length < batchSize || !lastRead) break;
      after = { name: lastRead.name, id: lastRead.id };
    }
    const page = matches.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((station) =>
        toStationSummary(station, { openNow: isStationOpenAt(station, now) }),
      ),
      nextCursor:
        matches.length > limit && last
          ? encodeStationCursor({ kind: 'name', name: last.name, id: last.id })
          : null,
    };
  }
}
