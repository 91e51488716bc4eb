/** Role names of API.md. A staff role is scoped to a region subtree, a station or a merchant. */
export const Role = {
  Worker: 'worker',
  StationManager: 'station_manager',
  Handler: 'handler',
  MerchantStaff: 'merchant_staff',
  DistrictAdmin: 'district_admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** Region levels of the tree (GB/T 2260 codes where they exist). */
export const RegionLevel = {
  City: 'city',
  District: 'district',
  Street: 'street',
  Community: 'community',
} as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];
export const REGION_LEVELS: readonly RegionLevel[] = Object.values(RegionLevel);

/** What a station offers (DESIGN.md "Station"). Codes are stable; labels live in the client's i18n. */
export const Amenity = {
  Seating: 'seating',
  Water: 'water',
  Microwave: 'microwave',
  Fridge: 'fridge',
  AirConditioning: 'air_conditioning',
  Heating: 'heating',
  PhoneCharging: 'phone_charging',
  FirstAid: 'first_aid',
  Toilet: 'toilet',
  Shower: 'shower',
  DryingRoom: 'drying_room',
  BatterySwap: 'battery_swap',
  RainGear: 'rain_gear',
  Books: 'books',
  Wifi: 'wifi',
  EbikeParking: 'ebike_parking',
} as const;
export type Amenity = (typeof Amenity)[keyof typeof Amenity];
export const AMENITIES: readonly Amenity[] = Object.values(Amenity);

export const StationStatus = {
  Open: 'open',
  TemporarilyClosed: 'temporarily_closed',
  Closed: 'closed',
} as const;
export type StationStatus = (typeof StationStatus)[keyof typeof StationStatus];
export const STATION_STATUSES: readonly StationStatus[] = Object.values(StationStatus);

export const ReportStatus = {
  Submitted: 'submitted',
  Accepted: 'accepted',
  Dispatched: 'dispatched',
  Resolved: 'resolved',
  Rejected: 'rejected',
  Duplicate: 'duplicate',
  Closed: 'closed',
} as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];
export const REPORT_STATUSES: readonly ReportStatus[] = Object.values(ReportStatus);

/** What a worker does for a living (`PATCH /me`); shapes which events and rewards fit them. */
export const Occupation = {
  Delivery: 'delivery',
  Courier: 'courier',
  Sanitation: 'sanitation',
  RideHailing: 'ride-hailing',
  Truck: 'truck',
  Other: 'other',
} as const;
export type Occupation = (typeof Occupation)[keyof typeof Occupation];
export const OCCUPATIONS: readonly Occupation[] = Object.values(Occupation);

/** Personal-data processing a user must agree to first (PIPL): where they are, their photos. */
export const ConsentKind = {
  Location: 'location',
  Photos: 'photos',
} as const;
export type ConsentKind = (typeof ConsentKind)[keyof typeof ConsentKind];
export const CONSENT_KINDS: readonly ConsentKind[] = Object.values(ConsentKind);
