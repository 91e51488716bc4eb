import { distanceMeters, wgs84ToGcj02 } from './geo';

describe(wgs84ToGcj02.name, () => {
  it('shifts a point in Liuyang by the GCJ-02 offset (a few hundred metres)', () => {
    const wgs = { lat: 28.1585, lng: 113.6368 };
    const gcj = wgs84ToGcj02(wgs);
    // Reference values from an independent implementation of the published GCJ-02 formula.
    expect(gcj.lat).toBeCloseTo(28.155003, 5);
    expect(gcj.lng).toBeCloseTo(113.642256, 5);
    const shift = distanceMeters(wgs, gcj);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
  });

  it('leaves a point outside China unchanged', () => {
    expect(wgs84ToGcj02({ lat: 51.5007, lng: -0.1246 })).toEqual({ lat: 51.5007, lng: -0.1246 });
  });
});

describe(distanceMeters.name, () => {
  it('measures great-circle distance', () => {
    // One degree of latitude is ~111.2 km.
    expect(distanceMeters({ lat: 28, lng: 113 }, { lat: 29, lng: 113 })).toBeCloseTo(111_195, -2);
    expect(distanceMeters({ lat: 28, lng: 113 }, { lat: 28, lng: 113 })).toBe(0);
  });
});
