import { MAX_CHECKIN_ACCURACY_M } from '@yizhan/contracts';
import { haversineMeters, LatLng } from '../stations/geo';

/** The same station again within this long is refused (one visit is one stay, not a scan loop). */
export const CHECKIN_COOLDOWN_MS = 30 * 60 * 1000;

/**
 * Fastest believable travel between two stations: a driver on an urban expressway. Riders move
 * far slower; anything above this is two phones sharing one account, or a relayed code.
 */
export const MAX_TRAVEL_SPEED_KMH = 120;
/** Distance that never counts as travel: GPS and station coordinates are both approximate. */
export const TRAVEL_SLACK_M = 1_000;

export type GeofenceVerdict =
  | { ok: true; distanceM: number }
  | { ok: false; reason: 'inaccurate'; accuracyM: number }
  | { ok: false; reason: 'too_far'; distanceM: number; allowedM: number };

/**
 * A poster check-in counts when the fix lies within the station's radius plus the fix's own
 * accuracy. The accuracy allowance is capped (a 2 km "accuracy" would admit anyone in the
 * district), and a fix worse than the cap is refused outright: it cannot prove anything.
 */
export function checkGeofence(
  station: LatLng & { geofenceRadiusM: number },
  fix: LatLng & { accuracy: number },
): GeofenceVerdict {
  const distanceM = Math.round(haversineMeters(station, fix));
  if (fix.accuracy > MAX_CHECKIN_ACCURACY_M) {
    return { ok: false, reason: 'inaccurate', accuracyM: Math.round(fix.accuracy) };
  }
  const allowedM = station.geofenceRadiusM + Math.ceil(fix.accuracy);
  return distanceM <= allowedM
    ? { ok: true, distanceM }
    : { ok: false, reason: 'too_far', distanceM, allowedM };
}

/** When the worker may check in at the same station again, or null when they may now. */
export function cooldownEnd(lastAtStation: Date | null, now: Date): Date | null {
  if (!lastAtStation) return null;
  const end = new Date(lastAtStation.getTime() + CHECKIN_COOLDOWN_MS);
  return end > now ? end : null;
}

/**
 * Whether getting from the previous check-in's station to this one in the time between them
 * would take more than MAX_TRAVEL_SPEED_KMH (after TRAVEL_SLACK_M of free distance).
 */
export function isImpossibleTravel(
  previous: { at: Date; position: LatLng } | null,
  current: { at: Date; position: LatLng },
): boolean {
  if (!previous) return false;
  const meters = haversineMeters(previous.position, current.position) - TRAVEL_SLACK_M;
  if (meters <= 0) return false;
  const elapsedHours = Math.max(0, current.at.getTime() - previous.at.getTime()) / 3_600_000;
  return meters / 1000 > MAX_TRAVEL_SPEED_KMH * elapsedHours;
}
