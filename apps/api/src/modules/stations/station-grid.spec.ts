import { StationStatus } from '@yizhan/contracts';
import { boundingBox } from './geo';
import { RankingFields, StationGrid } from './station-grid';

function station(id: string, lat: number, lng: number): RankingFields {
  return {
    id,
    lat,
    lng,
    amenityMask: 0,
    status: StationStatus.Open,
    regionId: 'r',
    regionPath: '/r/',
    timeZone: 'Asia/Shanghai',
    openingHours: { weekly: [], exceptions: [] },
    version: '2026-11-24 10:00:00',
  };
}

function idsInBox(grid: StationGrid, at: { lat: number; lng: number }, radiusM: number) {
  const ids: string[] = [];
  grid.forEachInBox(boundingBox(at, radiusM), (found) => ids.push(found.id));
  return ids.sort();
}

describe(StationGrid.name, () => {
  const liuyang = { lat: 28.16, lng: 113.64 };
  const hanyang = { lat: 30.55, lng: 114.25 };

  it('finds the stations inside a box and none outside it', () => {
    const grid = new StationGrid();
    grid.upsert(station('a', liuyang.lat, liuyang.lng));
    grid.upsert(station('b', liuyang.lat + 0.004, liuyang.lng)); // ~445 m north
    grid.upsert(station('c', hanyang.lat, hanyang.lng));

    expect(idsInBox(grid, liuyang, 300)).toEqual(['a']);
    expect(idsInBox(grid, liuyang, 600)).toEqual(['a', 'b']);
    expect(idsInBox(grid, hanyang, 600)).toEqual(['c']);
  });

  it('moves a station out of its old cell when it is written again elsewhere', () => {
    const grid = new StationGrid();
    grid.upsert(station('a', liuyang.lat, liuyang.lng));
    grid.upsert(station('a', hanyang.lat, hanyang.lng));

    expect(idsInBox(grid, liuyang, 1_000)).toEqual([]);
    expect(idsInBox(grid, hanyang, 1_000)).toEqual(['a']);
    expect(grid.size).toBe(1);
  });

  it('forgets a removed station, keeping its cell neighbours', () => {
    const grid = new StationGrid();
    grid.upsert(station('a', liuyang.lat, liuyang.lng));
    grid.upsert(station('b', liuyang.lat, liuyang.lng));
    grid.remove('a');
    grid.remove('missing');

    expect(idsInBox(grid, liuyang, 100)).toEqual(['b']);
    expect(grid.get('a')).toBeUndefined();
    expect(grid.size).toBe(1);
  });

  it('answers a box wider than its cells (near a pole) from the occupied cells', () => {
    const grid = new StationGrid();
    grid.upsert(station('pole', 89.99, 10));
    grid.upsert(station('far', 0, 0));

    expect(idsInBox(grid, { lat: 89.995, lng: -170 }, 20_000)).toEqual(['pole']);
  });
});
