import { haversineMeters, LatLng } from '../stations/geo';
import { NearestStationIndex } from './nearest-station';

/** A point `metres` north (+) or south (−) and east (+) or west (−) of `origin`. */
const offset = (origin: LatLng, north: number, east: number): LatLng => ({
  lat: origin.lat + north / 111_195,
  lng: origin.lng + east / (111_195 * Math.cos((origin.lat * Math.PI) / 180)),
});

describe(NearestStationIndex.name, () => {
  const origin = { lat: 28.16, lng: 113.64 };

  it('answers null without stations', () => {
    expect(new NearestStationIndex([]).nearestMeters(origin)).toBeNull();
  });

  it('finds the nearest station, also when a nearer latitude belongs to a farther one', () => {
    // Same latitude but 5 km east, versus 300 m north: the latitude sweep must not stop at
    // the first station it meets.
    const east = offset(origin, 0, 5_000);
    const north = offset(origin, 300, 0);
    const index = new NearestStationIndex([east, north]);
    expect(index.nearestMeters(origin)).toBeCloseTo(haversineMeters(origin, north), 6);
  });

  it('agrees with a full scan on random stations and queries', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
    const around = () => offset(origin, (random() - 0.5) * 30_000, (random() - 0.5) * 30_000);
    const stations = Array.from({ length: 300 }, around);
    const index = new NearestStationIndex(stations);
    for (let i = 0; i < 500; i += 1) {
      const at = around();
      const scan = Math.min(...stations.map((station) => haversineMeters(at, station)));
      expect(index.nearestMeters(at)).toBeCloseTo(scan, 6);
    }
  });

  it('measures from a query south or north of every station', () => {
    const stations = [offset(origin, 0, 0), offset(origin, 1_000, 0)];
    const index = new NearestStationIndex(stations);
    expect(index.nearestMeters(offset(origin, -2_000, 0))).toBeCloseTo(2_000, -1);
    expect(index.nearestMeters(offset(origin, 3_000, 0))).toBeCloseTo(2_000, -1);
  });
});
