import { t } from '../i18n';

/** Average e-bike speed in a city, used only when the API sent no `rideMinutes`. */
const RIDE_METRES_PER_MINUTE = 250;

/** "350 米" below a kilometre (rounded to 10 m from 100 m up), "1.2 公里" up to 10 km, then "12 公里". */
export function formatDistance(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return '';
  const shown = metres < 100 ? Math.round(metres) : Math.round(metres / 10) * 10;
  if (shown < 1000) return t('format.meters', { n: shown });
  const km = metres / 1000;
  const text = km < 10 ? km.toFixed(1) : String(Math.round(km));
  return t('format.kilometers', { n: text });
}

/** Ride time from the API's `rideMinutes`, or estimated from the distance. */
export function rideMinutesOf(station: {
  rideMinutes?: number;
  distanceM?: number;
}): number | null {
  if (typeof station.rideMinutes === 'number' && Number.isFinite(station.rideMinutes)) {
    return station.rideMinutes;
  }
  if (typeof station.distanceM === 'number' && Number.isFinite(station.distanceM)) {
    return station.distanceM / RIDE_METRES_PER_MINUTE;
  }
  return null;
}

/** "骑行约 4 分钟"; below one minute "骑行 1 分钟内". */
export function formatRideMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '';
  if (minutes < 1) return t('format.rideUnderOneMinute');
  return t('format.rideMinutes', { n: Math.ceil(minutes - 1e-9) });
}
