import { EARTH_RADIUS_M, haversineMeters, LatLng } from '../stations/geo';

const METRES_PER_DEGREE_LAT = (Math.PI / 180) * EARTH_RADIUS_M;

/**
 * Nearest-station search over a district's open stations (a few hundred at most) for many
 * report positions (tens of thousands). Stations are sorted by latitude once; a search starts at
 * the query's latitude and walks outwards both ways, stopping on a side as soon as the latitude
 * difference alone is farther than the best distance found — the distance along a meridian is a
 * lower bound of the great-circle distance, so nothing skipped can be nearer. A covered report
 * looks only at stations within a band of ±radius; the answer is exact, not approximate.
 */
export class NearestStationIndex {
  private readonly lats: number[];
  private readonly points: LatLng[];

  constructor(stations: readonly LatLng[]) {
    this.points = [...stations].sort((a, b) => a.lat - b.lat);
    this.lats = this.points.map((point) => point.lat);
  }

  get size(): number {
    return this.points.length;
  }

  /** Great-circle metres to the nearest station, or null when there is none. */
  nearestMeters(at: LatLng): number | null {
    if (this.points.length === 0) return null;
    let best = Infinity;
    const start = this.lowerBound(at.lat);
    let down = start - 1;
    let up = start;
    while (down >= 0 || up < this.points.length) {
      if (up < this.points.length) {
        if ((this.lats[up] - at.lat) * METRES_PER_DEGREE_LAT > best) up = this.points.length;
        else best = Math.min(best, haversineMeters(at, this.points[up++]));
      }
      if (down >= 0) {
        if ((at.lat - this.lats[down]) * METRES_PER_DEGREE_LAT > best) down = -1;
        else best = Math.min(best, haversineMeters(at, this.points[down--]));
      }
    }
    return best;
  }

  /** Index of the first station whose latitude is ≥ lat. */
  private lowerBound(lat: number): number {
    let low = 0;
    let high = this.lats.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.lats[mid] < lat) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
