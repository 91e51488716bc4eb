import { COVERAGE_RADIUS_M } from '@yizhan/contracts';
import { COVERAGE_COLORS, dotCounts, radiusKm, reportDots, stationBounds } from './coverage-layers';

describe('coverage map layers', () => {
  const points = [
    { lat: 28.15, lng: 113.63, nearestStationM: 300, covered: true },
    { lat: 28.2, lng: 113.7, nearestStationM: 4200, covered: false },
    { lat: 28.16, lng: 113.64, nearestStationM: null, covered: false },
  ];

  it('colours each report dot by whether it is within reach', () => {
    expect(reportDots(points)).toEqual([
      { center: [28.15, 113.63], covered: true, color: COVERAGE_COLORS.covered },
      { center: [28.2, 113.7], covered: false, color: COVERAGE_COLORS.farther },
      { center: [28.16, 113.64], covered: false, color: COVERAGE_COLORS.farther },
    ]);
    expect(dotCounts(points)).toEqual({ covered: 1, farther: 2 });
  });

  it("bounds every station's whole circle, and nothing without stations", () => {
    const bounds = stationBounds(
      [
        { id: 'a', name: 'A', lat: 28.1, lng: 113.6 },
        { id: 'b', name: 'B', lat: 28.2, lng: 113.7 },
      ],
      1000,
    );
    expect(bounds).not.toBeNull();
    const [[south, west], [north, east]] = bounds!;
    expect(south).toBeCloseTo(28.1 - 1000 / 111_320, 6);
    expect(north).toBeCloseTo(28.2 + 1000 / 111_320, 6);
    // A degree of longitude is shorter than one of latitude away from the equator.
    expect(113.6 - west).toBeGreaterThan(1000 / 111_320);
    expect(east - 113.7).toBeGreaterThan(1000 / 111_320);
    expect(stationBounds([], 1000)).toBeNull();
  });

  it('writes the 5-minute radius as the model line does', () => {
    expect(COVERAGE_RADIUS_M).toBe(1154);
    expect(radiusKm(COVERAGE_RADIUS_M)).toBe('1.15');
  });
});
