import { MediaView, StationDetail, StationSummary } from '@yizhan/contracts';
import { DEFAULT_TIME_ZONE } from '../regions/region.entity';
import { fromAmenityMask } from './amenity-mask';
import { rideMinutes, walkMinutes } from './geo';
import { StationEntity } from './station.entity';

/** Facts computed for one request (not stored on the station). */
export interface StationView {
  openNow: boolean;
  distanceM?: number;
}

/** The station columns a summary shows. */
export type SummaryFields = Pick<
  StationEntity,
  'id' | 'name' | 'brand' | 'address' | 'lat' | 'lng' | 'regionId' | 'status' | 'amenityMask'
>;

export function toStationSummary(station: SummaryFields, view: StationView): StationSummary {
  const summary: StationSummary = {
    id: station.id,
    name: station.name,
    brand: station.brand,
    address: station.address,
    lat: station.lat,
    lng: station.lng,
    regionId: station.regionId,
    status: station.status,
    amenities: fromAmenityMask(station.amenityMask),
    openNow: view.openNow,
  };
  if (view.distanceM !== undefined) {
    summary.distanceM = view.distanceM;
    summary.walkMinutes = walkMinutes(view.distanceM);
    summary.rideMinutes = rideMinutes(view.distanceM);
  }
  return summary;
}

export function toStationDetail(
  station: StationEntity,
  view: StationView,
  photos: MediaView[],
): StationDetail {
  return {
    ...toStationSummary(station, view),
    phone: station.phone,
    managerName: station.managerName,
    openingHours: station.openingHours,
    timeZone: stationTimeZone(station),
    services: station.services,
    hotlines: station.hotlines,
    description: station.description,
    geofenceRadiusM: station.geofenceRadiusM,
    photos,
  };
}

/** Stations read their hours on their region's clock. */
export function stationTimeZone(station: StationEntity): string {
  return station.region?.timeZone ?? DEFAULT_TIME_ZONE;
}
