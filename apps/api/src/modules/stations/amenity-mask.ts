import { AMENITIES, Amenity } from '@yizhan/contracts';

/**
 * The bit of each amenity in `station.amenity_mask`. Stored data depends on these numbers,
 * so they are spelled out here (never derived from the order of the contract's list): a new
 * amenity takes the next free bit, and a bit is never reused.
 */
export const AMENITY_BITS: Readonly<Record<Amenity, number>> = {
  seating: 0,
  water: 1,
  microwave: 2,
  fridge: 3,
  air_conditioning: 4,
  heating: 5,
  phone_charging: 6,
  first_aid: 7,
  toilet: 8,
  shower: 9,
  drying_room: 10,
  battery_swap: 11,
  rain_gear: 12,
  books: 13,
  wifi: 14,
  ebike_parking: 15,
};

export function toAmenityMask(amenities: readonly Amenity[]): number {
  return amenities.reduce((mask, amenity) => mask | (1 << AMENITY_BITS[amenity]), 0);
}

/** Amenities of a mask in the contract's order; unknown bits (from a newer writer) are ignored. */
export function fromAmenityMask(mask: number): Amenity[] {
  return AMENITIES.filter((amenity) => (mask & (1 << AMENITY_BITS[amenity])) !== 0);
}
