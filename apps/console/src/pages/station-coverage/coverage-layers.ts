import type { CoverageReportPoint, CoverageStation } from '@yizhan/contracts';

/** Colours of the map and its legend. */
export const COVERAGE_COLORS = {
  station: '#D9381E',
  covered: '#52C41A',
  farther: '#FA8C16',
} as const;

/** One report position as the canvas layer draws it. */
export interface ReportDot {
  center: [number, number];
  color: string;
  covered: boolean;
}

export function reportDots(points: readonly CoverageReportPoint[]): ReportDot[] {
  return points.map((point) => ({
    center: [point.lat, point.lng],
    covered: point.covered,
    color: point.covered ? COVERAGE_COLORS.covered : COVERAGE_COLORS.farther,
  }));
}

/** How many of the drawn dots are covered and farther (the legend's counts). */
export function dotCounts(points: readonly CoverageReportPoint[]) {
  const covered = points.filter((point) => point.covered).length;
  return { covered, farther: points.length - covered };
}

const METRES_PER_DEGREE_LAT = 111_320;

/**
 * South-west and north-east corners around every station's circle, so fitting the map to them
 * shows each whole circle; null without stations.
 */
export function stationBounds(
  stations: readonly CoverageStation[],
  radiusM: number,
): [[number, number], [number, number]] | null {
  if (stations.length === 0) return null;
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const station of stations) {
    const dLat = radiusM / METRES_PER_DEGREE_LAT;
    const dLng = radiusM / (METRES_PER_DEGREE_LAT * Math.cos((station.lat * Math.PI) / 180));
    south = Math.min(south, station.lat - dLat);
    north = Math.max(north, station.lat + dLat);
    west = Math.min(west, station.lng - dLng);
    east = Math.max(east, station.lng + dLng);
  }
  return [
    [south, west],
    [north, east],
  ];
}

/** The radius in kilometres with two decimals, as the model line writes it: 1154 → "1.15". */
export function radiusKm(radiusM: number): string {
  return (radiusM / 1000).toFixed(2);
}
