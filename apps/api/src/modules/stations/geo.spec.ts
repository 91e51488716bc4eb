import { boundingBox, haversineMeters, rideMinutes, walkMinutes } from './geo';

const TIANANMEN = { lat: 39.9087, lng: 116.3975 };
const PEOPLES_SQUARE_SHANGHAI = { lat: 31.2304, lng: 121.4737 };

describe('geo', () => {
  describe(haversineMeters.name, () => {
    it('measures Tiananmen to People’s Square, Shanghai as ~1067 km (within 0.5%)', () => {
      const distance = haversineMeters(TIANANMEN, PEOPLES_SQUARE_SHANGHAI);

      expect(Math.abs(distance - 1_067_000) / 1_067_000).toBeLessThan(0.005);
    });

    it('measures one degree of latitude as ~111.2 km', () => {
      expect(haversineMeters({ lat: 28, lng: 113 }, { lat: 29, lng: 113 })).toBeCloseTo(
        111_195,
        -1,
      );
    });

    it('is zero for the same point and symmetric', () => {
      expect(haversineMeters(TIANANMEN, TIANANMEN)).toBe(0);
      expect(haversineMeters(TIANANMEN, PEOPLES_SQUARE_SHANGHAI)).toBeCloseTo(
        haversineMeters(PEOPLES_SQUARE_SHANGHAI, TIANANMEN),
        6,
      );
    });
  });

  describe(boundingBox.name, () => {
    it('contains every point at the radius in each direction', () => {
      const center = { lat: 30.55, lng: 114.25 };
      const box = boundingBox(center, 5_000);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        // A point ~5 km away on this bearing (small-distance approximation, slightly inside).
        const radians = (bearing * Math.PI) / 180;
        const lat = center.lat + (4_999 / 111_195) * Math.cos(radians);
        const lng =
          center.lng +
          (4_999 / (111_195 * Math.cos((center.lat * Math.PI) / 180))) * Math.sin(radians);
        expect(lat).toBeGreaterThanOrEqual(box.minLat);
        expect(lat).toBeLessThanOrEqual(box.maxLat);
        expect(lng).toBeGreaterThanOrEqual(box.minLng);
        expect(lng).toBeLessThanOrEqual(box.maxLng);
      }
    });

    it('is about twice the radius tall', () => {
      const box = boundingBox({ lat: 28.16, lng: 113.64 }, 20_000);

      expect(
        haversineMeters({ lat: box.minLat, lng: 113.64 }, { lat: box.maxLat, lng: 113.64 }),
      ).toBeCloseTo(40_000, -1);
    });

    it('spans all longitudes at a pole', () => {
      expect(boundingBox({ lat: 90, lng: 0 }, 1_000)).toMatchObject({ minLng: -180, maxLng: 180 });
    });
  });

  describe('travel minutes', () => {
    it('rounds up at 4.5 km/h on foot and 15 km/h by e-bike', () => {
      expect(walkMinutes(0)).toBe(0);
      expect(walkMinutes(75)).toBe(1);
      expect(walkMinutes(76)).toBe(2);
      expect(walkMinutes(4_500)).toBe(60);
      expect(rideMinutes(250)).toBe(1);
      expect(rideMinutes(251)).toBe(2);
      expect(rideMinutes(15_000)).toBe(60);
    });
  });
});
