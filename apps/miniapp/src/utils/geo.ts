import gcoord from 'gcoord';

/** A position in decimal degrees. The API and WeChat maps use GCJ-02. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * Browsers report WGS-84; the API expects GCJ-02 (China's obfuscated datum, offset by a few
 * hundred metres inside China). gcoord leaves points outside China unchanged, as GCJ-02 does.
 */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (the same measure the API's `distanceM` uses). */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = (deg: number): number => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
