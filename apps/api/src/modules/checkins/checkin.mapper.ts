import { CheckinResponse, CheckinView } from '@yizhan/contracts';
import { fromAmenityMask } from '../stations/amenity-mask';
import { StationEntity } from '../stations/station.entity';
import { CheckinEntity } from './checkin.entity';

export function toCheckinView(visit: CheckinEntity, stationName: string): CheckinView {
  return {
    id: visit.id,
    stationId: visit.stationId,
    stationName,
    createdAt: visit.createdAt.toISOString(),
    method: visit.method,
    distanceM: visit.distanceM,
    flags: visit.flag ? [visit.flag] : [],
    pointsAwarded: visit.pointsAwarded,
  };
}

export function toCheckinResponse(
  visit: CheckinEntity,
  station: StationEntity,
  outcome: { points: number | null; capped: boolean; balance: number; openNow: boolean },
): CheckinResponse {
  return {
    checkIn: { ...toCheckinView(visit, station.name), pointsAwarded: outcome.points },
    pointsAwarded: outcome.points ?? 0,
    capped: outcome.capped,
    balance: outcome.balance,
    station: {
      id: station.id,
      name: station.name,
      brand: station.brand,
      address: station.address,
      status: station.status,
      amenities: fromAmenityMask(station.amenityMask),
      openNow: outcome.openNow,
    },
  };
}
