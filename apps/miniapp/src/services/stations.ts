import {
  Routes,
  type Amenity,
  type Page,
  type StationDetail,
  type StationSummary,
} from '@yizhan/contracts';
import { request } from './request';

/**
 * The client's view of `ListStationsQueryDto` (the DTO class itself carries validation
 * decorators we do not need to construct a query).
 */
export interface ListStationsQuery {
  lat?: number;
  lng?: number;
  radius?: number;
  amenities?: readonly Amenity[];
  openNow?: boolean;
  regionId?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** `GET /stations`: nearest first with lat/lng, by name without. */
export function listStations(query: ListStationsQuery = {}): Promise<Page<StationSummary>> {
  return request<Page<StationSummary>>(Routes.stations, {
    query: {
      lat: query.lat,
      lng: query.lng,
      radius: query.radius,
      amenities: query.amenities && query.amenities.length > 0 ? query.amenities : undefined,
      openNow: query.openNow ? true : undefined,
      regionId: query.regionId,
      q: query.q,
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}

/** `GET /stations/:id` (no distance: the detail page computes it from the last known position). */
export function getStation(id: string): Promise<StationDetail> {
  return request<StationDetail>(Routes.station(id));
}
