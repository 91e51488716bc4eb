import { StationStatus } from '@yizhan/contracts';
import { isOpenAt } from './opening-hours';
import { stationTimeZone } from './station.mapper';
import { StationEntity } from './station.entity';

/** Open for workers at `instant`: status `open` and inside its hours on its region's clock. */
export function isStationOpenAt(station: StationEntity, instant: Date): boolean {
  return (
    station.status === StationStatus.Open &&
    isOpenAt(station.openingHours, instant, stationTimeZone(station))
  );
}
