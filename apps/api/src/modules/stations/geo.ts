/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const WALK_METRES_PER_MINUTE = 4_500 / 60;
const EBIKE_METRES_PER_MINUTE = 15_000 / 60;

export interface LatLng {
  lat: number;
  lng: number;
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/**
 * Great-circle distance in metres (haversine). GCJ-02 shifts points by a few hundred metres
 * at most and nearly uniformly in a city, so distances between GCJ-02 points are good enough.
 */
export function haversineMeters(from: LatLng, to: LatLng): number {
  const dLat = toRadians(to.lat - from.lat);
  const dLng = toRadians(to.lng - from.lng);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.lat)) * Math.cos(toRadians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A box that contains every point within `radiusM` of `center`, for an indexed SQL prefilter.
 * It errs on the large side; the exact distance is checked afterwards.
 */
export function boundingBox(center: LatLng, radiusM: number): BoundingBox {
  const latDelta = toDegrees(radiusM / EARTH_RADIUS_M);
  const minLat = Math.max(-90, center.lat - latDelta);
  const maxLat = Math.min(90, center.lat + latDelta);
  // Longitude degrees shrink with cos(latitude); use the box edge nearest a pole.
  const widestLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const cosLat = Math.cos(toRadians(widestLat));
  if (cosLat < 1e-6) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const lngDelta = Math.min(180, latDelta / cosLat);
  return { minLat, maxLat, minLng: center.lng - lngDelta, maxLng: center.lng + lngDelta };
}

/** Minutes on foot at ~4.5 km/h, rounded up. */
export function walkMinutes(distanceM: number): number {
  return Math.ceil(distanceM / WALK_METRES_PER_MINUTE);
}

/** Minutes by e-bike at ~15 km/h, rounded up. */
export function rideMinutes(distanceM: number): number {
  return Math.ceil(distanceM / EBIKE_METRES_PER_MINUTE);
}
