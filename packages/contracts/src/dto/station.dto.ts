import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AMENITIES, STATION_STATUSES, type Amenity, type StationStatus } from '../enums';
import { MAX_GEOFENCE_RADIUS_M, MIN_GEOFENCE_RADIUS_M } from '../checkin-values';
import { MAX_STATION_PHOTOS } from '../report-values';
import {
  MAX_OPENING_EXCEPTIONS,
  MAX_STATION_HOTLINES,
  MAX_STATION_SERVICES,
  MAX_WEEKLY_INTERVALS,
} from '../station-values';
import type { MediaView } from './media.dto';
import { NearbyPageQueryDto } from './nearby-query.dto';
import { parseBooleanFlag, splitCsv } from './query-transforms';

/** Largest search radius a client may ask for: a whole district, not a province. */
export const MAX_STATION_RADIUS_M = 50_000;

/**
 * `GET /stations` query. With `lat`/`lng` the list is sorted by distance
 * (GCJ-02, great-circle metres); without them, by name.
 */
export class ListStationsQueryDto extends NearbyPageQueryDto {
  /** Metres around lat/lng; ignored without them. */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(MAX_STATION_RADIUS_M)
  radius?: number;

  /** Comma-separated amenity codes; a station must offer all of them. */
  @IsOptional()
  @Transform(splitCsv)
  @IsArray()
  @ArrayMaxSize(AMENITIES.length)
  @IsIn(AMENITIES as Amenity[], { each: true })
  amenities?: Amenity[];

  @IsOptional()
  @Transform(parseBooleanFlag)
  @IsBoolean()
  openNow?: boolean;

  /** Restrict to one region's subtree. */
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

/** One opening interval on a weekday; `day` is ISO (1 = Monday … 7 = Sunday), times local "HH:mm". */
export interface OpeningInterval {
  day: number;
  open: string;
  close: string;
}

/** A date (local, YYYY-MM-DD) that departs from the weekly hours: closed, or other intervals. */
export interface OpeningException {
  date: string;
  closed: boolean;
  intervals?: Array<{ open: string; close: string }>;
  note?: string;
}

export interface OpeningHours {
  weekly: OpeningInterval[];
  exceptions: OpeningException[];
}

export interface StationHotline {
  name: string;
  phone: string;
}

/** A station as lists show it. */
export interface StationSummary {
  id: string;
  name: string;
  brand: string;
  address: string;
  lat: number;
  lng: number;
  regionId: string;
  status: StationStatus;
  amenities: Amenity[];
  openNow: boolean;
  /** Present when the query carried lat/lng. */
  distanceM?: number;
  walkMinutes?: number;
  rideMinutes?: number;
}

/** `GET /stations/:id`. */
export interface StationDetail extends StationSummary {
  phone: string | null;
  managerName: string | null;
  openingHours: OpeningHours;
  timeZone: string;
  services: string[];
  hotlines: StationHotline[];
  description: string | null;
  geofenceRadiusM: number;
  /**
   * The station's photos in their order, with signed URLs that expire (`urlExpiresAt`): load
   * the station again for fresh ones.
   */
  photos: MediaView[];
}

const NOT_BLANK = /\S/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A closing time may also be "24:00" (midnight at the end of the day). */
const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TELEPHONE = /^[0-9+\-() ]{3,32}$/;

export class OpeningIntervalDto implements OpeningInterval {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7)
  day!: number;

  @Matches(TIME_OF_DAY, { message: 'open must be HH:mm' })
  open!: string;

  @Matches(CLOSING_TIME, { message: 'close must be HH:mm or 24:00' })
  close!: string;
}

export class TimeRangeDto {
  @Matches(TIME_OF_DAY, { message: 'open must be HH:mm' })
  open!: string;

  @Matches(CLOSING_TIME, { message: 'close must be HH:mm or 24:00' })
  close!: string;
}

/** A holiday or other date with its own hours; `closed: true` closes the whole day. */
export class OpeningExceptionDto implements OpeningException {
  @Matches(LOCAL_DATE, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @IsBoolean()
  closed!: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  intervals?: TimeRangeDto[];

  @IsOptional()
  @IsString()
  @MaxLength(60)
  note?: string;
}

export class OpeningHoursDto implements OpeningHours {
  @IsArray()
  @ArrayMaxSize(MAX_WEEKLY_INTERVALS)
  @ValidateNested({ each: true })
  @Type(() => OpeningIntervalDto)
  weekly!: OpeningIntervalDto[];

  @IsArray()
  @ArrayMaxSize(MAX_OPENING_EXCEPTIONS)
  @ValidateNested({ each: true })
  @Type(() => OpeningExceptionDto)
  exceptions!: OpeningExceptionDto[];
}

export class StationHotlineDto implements StationHotline {
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Matches(TELEPHONE, { message: 'phone must be a telephone number' })
  phone!: string;
}

/**
 * `POST /stations` (district_admin, inside their region). Coordinates are GCJ-02. Hours default to
 * none (the station shows as closed until they are set); status defaults to `open`.
 */
export class CreateStationDto {
  @IsUUID()
  regionId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  /** The programme's brand shown on the poster (奔跑者驿站, 阳小驿 …). */
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NOT_BLANK, { message: 'brand must not be blank' })
  brand!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(NOT_BLANK, { message: 'address must not be blank' })
  address!: string;

  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @Type(() => Number)
  @IsLongitude()
  lng!: number;

  @IsOptional()
  @IsIn(STATION_STATUSES)
  status?: StationStatus;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AMENITIES.length)
  @IsIn(AMENITIES as Amenity[], { each: true })
  amenities?: Amenity[];

  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto;

  @IsOptional()
  @Matches(TELEPHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  managerName?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STATION_SERVICES)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  services?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STATION_HOTLINES)
  @ValidateNested({ each: true })
  @Type(() => StationHotlineDto)
  hotlines?: StationHotlineDto[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  /** Metres around the coordinates inside which a poster check-in counts (plus GPS accuracy). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_GEOFENCE_RADIUS_M)
  @Max(MAX_GEOFENCE_RADIUS_M)
  geofenceRadiusM?: number;
}

/**
 * `PATCH /stations/:id`. Only the fields sent change; `null` clears an optional one. District
 * admins of the station's region may send any field; the station's manager only `status` and
 * `amenities` (anything else is 403).
 */
export class UpdateStationDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(NOT_BLANK, { message: 'brand must not be blank' })
  brand?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(NOT_BLANK, { message: 'address must not be blank' })
  address?: string;

  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;

  @IsOptional()
  @IsIn(STATION_STATUSES)
  status?: StationStatus;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AMENITIES.length)
  @IsIn(AMENITIES as Amenity[], { each: true })
  amenities?: Amenity[];

  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto;

  @ValidateIf((dto: UpdateStationDto) => dto.phone !== undefined && dto.phone !== null)
  @Matches(TELEPHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @ValidateIf((dto: UpdateStationDto) => dto.managerName !== undefined && dto.managerName !== null)
  @IsString()
  @MaxLength(50)
  managerName?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STATION_SERVICES)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  services?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STATION_HOTLINES)
  @ValidateNested({ each: true })
  @Type(() => StationHotlineDto)
  hotlines?: StationHotlineDto[];

  @ValidateIf((dto: UpdateStationDto) => dto.description !== undefined && dto.description !== null)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_GEOFENCE_RADIUS_M)
  @Max(MAX_GEOFENCE_RADIUS_M)
  geofenceRadiusM?: number;

  /**
   * The station's photos, the whole list in order (`[]` removes them all). Ids not on the
   * station yet must be your own uploads (`POST /media`) not used elsewhere (else 422
   * MEDIA_NOT_ATTACHABLE); photos left out are removed from the station and deleted.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STATION_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoMediaIds?: string[];
}

/** The fields a station manager may change on their own station. */
export const STATION_MANAGER_FIELDS: ReadonlyArray<keyof UpdateStationDto> = [
  'status',
  'amenities',
];

/** `GET /stations/:id/live-code`: the rotating code the station's screen shows now. */
export interface LiveCodeResponse {
  stationId: string;
  /** The text the QR code carries. */
  code: string;
  /** A PNG of the QR code as a data URL, ready for an <image> tag. */
  qrDataUrl: string;
  /** When this code stops being shown (it is still accepted for one more step). */
  expiresAt: string;
  /** Seconds until the screen should ask for the next code. */
  refreshInSeconds: number;
}

/** `POST /stations/:id/code-rotation`: printed posters of the old generation stop working. */
export interface CodeRotationResponse {
  stationId: string;
  codeVersion: number;
}
