import {
  Routes,
  type Amenity,
  type LiveCodeResponse,
  type Page,
  type StationDetail,
  type StationSummary,
  type StationVisitsPage,
  type UpdateStationDto,
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

/** What a station manager may change on their own station (`STATION_MANAGER_FIELDS`). */
export type StationManagerPatch = Pick<UpdateStationDto, 'status' | 'amenities'>;

/** `PATCH /stations/:id`: only the fields sent change. */
export function updateStation(id: string, patch: StationManagerPatch): Promise<StationDetail> {
  return request<StationDetail>(Routes.station(id), { method: 'PATCH', body: patch });
}

/** `GET /stations/:id/live-code`: the rotating code the station's screen shows now. */
export function getLiveCode(id: string): Promise<LiveCodeResponse> {
  return request<LiveCodeResponse>(Routes.stationLiveCode(id));
}

export interface StationVisitsQuery {
  /** Local date (YYYY-MM-DD) at the station; the API takes today when it is left out. */
  date?: string;
  limit?: number;
  cursor?: string;
}

/** `GET /stations/:id/visits`: a page of one day's visits and that day's totals. */
export function listStationVisits(
  id: string,
  query: StationVisitsQuery = {},
): Promise<StationVisitsPage> {
  return request<StationVisitsPage>(Routes.stationVisits(id), {
    query: { date: query.date, limit: query.limit, cursor: query.cursor },
  });
}
