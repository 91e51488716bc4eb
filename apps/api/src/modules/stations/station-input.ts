import {
  CreateStationDto,
  DEFAULT_GEOFENCE_RADIUS_M,
  OpeningException,
  OpeningHours,
  OpeningInterval,
  StationDetail,
  StationHotline,
  StationStatus,
  UpdateStationDto,
} from '@yizhan/contracts';
import { ValidationFailedError } from '../../common/errors/domain.error';
import { fromAmenityMask, toAmenityMask } from './amenity-mask';
import { StationEntity } from './station.entity';

/** The fields staff edit (POST /stations, PATCH /stations/:id), as the contract names them. */
export type StationFields = Pick<
  StationDetail,
  | 'name'
  | 'brand'
  | 'address'
  | 'lat'
  | 'lng'
  | 'status'
  | 'amenities'
  | 'openingHours'
  | 'phone'
  | 'managerName'
  | 'services'
  | 'hotlines'
  | 'description'
  | 'geofenceRadiusM'
>;

/** One rule the DTO's decorators cannot express, broken by one field of the input. */
export interface InputViolation {
  field: string;
  constraint: string;
  message: string;
}

/** Hours of a station created without any: closed until someone sets them. */
export const NO_OPENING_HOURS: OpeningHours = { weekly: [], exceptions: [] };

/** A new station's fields: what was sent, normalised, over the defaults of a new station. */
export function newStationFields(dto: CreateStationDto): StationFields {
  return {
    status: StationStatus.Open,
    amenities: [],
    openingHours: NO_OPENING_HOURS,
    phone: null,
    managerName: null,
    services: [],
    hotlines: [],
    description: null,
    geofenceRadiusM: DEFAULT_GEOFENCE_RADIUS_M,
    ...normalizeStationInput(dto),
    // Required, so normalised above too; spelled out for the compiler, which sees a partial.
    name: dto.name.trim(),
    brand: dto.brand.trim(),
    address: dto.address.trim(),
    lat: toStoredDegrees(dto.lat),
    lng: toStoredDegrees(dto.lng),
  };
}

const trimmedOrNull = (text: string | null | undefined) => text?.trim() || null;
/** Coordinates are stored with 6 decimals (≈ 0.1 m): answer what is stored. */
const toStoredDegrees = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/**
 * The sent fields of a station write, in the canonical form the station stores: texts trimmed
 * (blank optional texts become null), amenities in the contract's order without repeats, hours
 * as plain objects in a stable order. Fields not sent stay absent.
 */
export function normalizeStationInput(dto: UpdateStationDto): Partial<StationFields> {
  const fields: Partial<StationFields> = {};
  if (dto.name !== undefined) fields.name = dto.name.trim();
  if (dto.brand !== undefined) fields.brand = dto.brand.trim();
  if (dto.address !== undefined) fields.address = dto.address.trim();
  if (dto.lat !== undefined) fields.lat = toStoredDegrees(dto.lat);
  if (dto.lng !== undefined) fields.lng = toStoredDegrees(dto.lng);
  if (dto.status !== undefined) fields.status = dto.status;
  if (dto.amenities !== undefined) fields.amenities = fromAmenityMask(toAmenityMask(dto.amenities));
  if (dto.openingHours !== undefined) fields.openingHours = normalizeOpeningHours(dto.openingHours);
  if (dto.phone !== undefined) fields.phone = trimmedOrNull(dto.phone);
  if (dto.managerName !== undefined) fields.managerName = trimmedOrNull(dto.managerName);
  if (dto.services !== undefined) {
    fields.services = dto.services.map((service) => service.trim()).filter(Boolean);
  }
  if (dto.hotlines !== undefined) {
    fields.hotlines = dto.hotlines.map(({ name, phone }) => ({
      name: name.trim(),
      phone: phone.trim(),
    }));
  }
  if (dto.description !== undefined) fields.description = trimmedOrNull(dto.description);
  if (dto.geofenceRadiusM !== undefined) fields.geofenceRadiusM = dto.geofenceRadiusM;
  return fields;
}

/** Only the documented keys (a DTO instance carries its class's), weekly by day, dates in order. */
function normalizeOpeningHours(hours: OpeningHours): OpeningHours {
  const weekly: OpeningInterval[] = hours.weekly
    .map(({ day, open, close }) => ({ day, open, close }))
    .sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  const exceptions: OpeningException[] = hours.exceptions
    .map(({ date, closed, intervals, note }) => {
      const exception: OpeningException = { date, closed };
      if (intervals !== undefined) {
        exception.intervals = intervals.map(({ open, close }) => ({ open, close }));
      }
      const trimmedNote = note?.trim();
      if (trimmedNote) exception.note = trimmedNote;
      return exception;
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  return { weekly, exceptions };
}

/**
 * What the DTO cannot check about opening hours: each exception date once and a real calendar
 * date, and an exception either closed (no intervals) or open with its intervals. A weekly
 * interval whose `open` equals its `close` is the whole day and is fine.
 */
export function openingHoursViolations(hours: OpeningHours): InputViolation[] {
  const violations: InputViolation[] = [];
  const seen = new Set<string>();
  hours.exceptions.forEach((exception, index) => {
    const field = `openingHours.exceptions.${index}`;
    if (!isCalendarDate(exception.date)) {
      violations.push({
        field: `${field}.date`,
        constraint: 'isCalendarDate',
        message: `${exception.date} is not a date of the calendar`,
      });
    } else if (seen.has(exception.date)) {
      violations.push({
        field: `${field}.date`,
        constraint: 'unique',
        message: `The exceptions list ${exception.date} more than once`,
      });
    }
    seen.add(exception.date);
    const intervals = exception.intervals ?? [];
    if (exception.closed && intervals.length > 0) {
      violations.push({
        field: `${field}.intervals`,
        constraint: 'emptyWhenClosed',
        message: `${exception.date} is closed and cannot also have opening intervals`,
      });
    }
    if (!exception.closed && intervals.length === 0) {
      violations.push({
        field: `${field}.intervals`,
        constraint: 'requiredWhenOpen',
        message: `${exception.date} is not closed, so it needs its opening intervals`,
      });
    }
  });
  return violations;
}

/**
 * Each hotline name once (ignoring case and surrounding spaces: a wall shows one number per
 * need), and a number that is more than spaces.
 */
export function hotlineViolations(hotlines: readonly StationHotline[]): InputViolation[] {
  const violations: InputViolation[] = [];
  const seen = new Set<string>();
  hotlines.forEach((hotline, index) => {
    const name = hotline.name.trim();
    if (seen.has(name.toLowerCase())) {
      violations.push({
        field: `hotlines.${index}.name`,
        constraint: 'unique',
        message: `The hotline "${name}" is listed more than once`,
      });
    }
    seen.add(name.toLowerCase());
    if (!/\d/.test(hotline.phone)) {
      violations.push({
        field: `hotlines.${index}.phone`,
        constraint: 'hasDigits',
        message: `The hotline "${name}" needs a number`,
      });
    }
  });
  return violations;
}

/** Throws 400 VALIDATION_FAILED listing every rule the (normalised) input breaks. */
export function assertValidStationInput(fields: Partial<StationFields>): void {
  const violations = [
    ...(fields.openingHours ? openingHoursViolations(fields.openingHours) : []),
    ...(fields.hotlines ? hotlineViolations(fields.hotlines) : []),
  ];
  if (violations.length === 0) return;
  throw new ValidationFailedError(
    violations.map(({ field, constraint }) => ({ field, constraints: [constraint] })),
    violations.map((violation) => violation.message).join('; '),
  );
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** A station's editable fields as the contract shows them (for diffs and the audit log). */
export function stationFieldsOf(station: StationEntity): StationFields {
  return {
    name: station.name,
    brand: station.brand,
    address: station.address,
    lat: station.lat,
    lng: station.lng,
    status: station.status,
    amenities: fromAmenityMask(station.amenityMask),
    openingHours: station.openingHours,
    phone: station.phone,
    managerName: station.managerName,
    services: station.services,
    hotlines: station.hotlines,
    description: station.description,
    geofenceRadiusM: station.geofenceRadiusM,
  };
}

/** The fields of `wanted` that differ from `current` (compared by content). */
export function changedFields(
  current: StationFields,
  wanted: Partial<StationFields>,
): Partial<StationFields> {
  return Object.fromEntries(
    Object.entries(wanted).filter(
      ([key, value]) =>
        JSON.stringify(value) !== JSON.stringify(current[key as keyof StationFields]),
    ),
  ) as Partial<StationFields>;
}

/** Contract-named fields as entity columns (amenities are stored as a bitmask). */
export function toStationColumns(fields: Partial<StationFields>): Partial<StationEntity> {
  const { amenities, ...same } = fields;
  return amenities === undefined ? same : { ...same, amenityMask: toAmenityMask(amenities) };
}
