import { AMENITIES } from '@yizhan/contracts';
import { AMENITY_BITS, fromAmenityMask, toAmenityMask } from './amenity-mask';

describe('amenity mask', () => {
  it('gives every amenity its own bit within a signed 32-bit INT', () => {
    const bits = AMENITIES.map((amenity) => AMENITY_BITS[amenity]);

    expect(new Set(bits).size).toBe(AMENITIES.length);
    expect(Math.max(...bits)).toBeLessThan(31);
  });

  it('round-trips a set of amenities in the contract order', () => {
    const mask = toAmenityMask(['shower', 'seating', 'battery_swap']);

    expect(fromAmenityMask(mask)).toEqual(['seating', 'shower', 'battery_swap']);
  });

  it('keeps the stored bit numbers stable', () => {
    expect(toAmenityMask(['seating'])).toBe(1);
    expect(toAmenityMask(['water', 'microwave'])).toBe(0b110);
    expect(toAmenityMask([])).toBe(0);
  });

  it('ignores bits it does not know', () => {
    expect(fromAmenityMask(1 << 30)).toEqual([]);
  });
});
