import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AMENITIES, type Amenity, type StationStatus } from '../enums';
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
}
