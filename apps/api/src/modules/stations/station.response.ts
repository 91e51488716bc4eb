import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AMENITIES,
  Amenity,
  CodeRotationResponse,
  LiveCodeResponse,
  OpeningException,
  OpeningHours,
  OpeningInterval,
  Page,
  STATION_STATUSES,
  StationDetail,
  StationHotline,
  StationStatus,
  StationSummary,
} from '@yizhan/contracts';
import { MediaViewResponse } from '../media/media.response';

// OpenAPI descriptions of the station responses. They implement the contract types, so the
// compiler keeps the documentation in step with what the API returns.

export class OpeningIntervalResponse implements OpeningInterval {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' })
  day!: number;

  @ApiProperty({ example: '08:00', description: 'Local time HH:mm' })
  open!: string;

  @ApiProperty({
    example: '22:00',
    description: 'Local time HH:mm; earlier than `open` means past midnight',
  })
  close!: string;
}

export class TimeRangeResponse {
  @ApiProperty({ example: '09:00' })
  open!: string;

  @ApiProperty({ example: '17:00' })
  close!: string;
}

export class OpeningExceptionResponse implements OpeningException {
  @ApiProperty({ format: 'date', example: '2026-10-01' })
  date!: string;

  @ApiProperty()
  closed!: boolean;

  @ApiPropertyOptional({ type: [TimeRangeResponse] })
  intervals?: TimeRangeResponse[];

  @ApiPropertyOptional()
  note?: string;
}

export class OpeningHoursResponse implements OpeningHours {
  @ApiProperty({ type: [OpeningIntervalResponse] })
  weekly!: OpeningIntervalResponse[];

  @ApiProperty({ type: [OpeningExceptionResponse] })
  exceptions!: OpeningExceptionResponse[];
}

export class StationHotlineResponse implements StationHotline {
  @ApiProperty({ example: '子女就近入学服务' })
  name!: string;

  @ApiProperty({ example: '027-84840000' })
  phone!: string;
}

export class StationSummaryResponse implements StationSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  brand!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty({ description: 'GCJ-02 latitude, decimal degrees' })
  lat!: number;

  @ApiProperty({ description: 'GCJ-02 longitude, decimal degrees' })
  lng!: number;

  @ApiProperty({ format: 'uuid' })
  regionId!: string;

  @ApiProperty({ enum: STATION_STATUSES })
  status!: StationStatus;

  @ApiProperty({ enum: AMENITIES, isArray: true })
  amenities!: Amenity[];

  @ApiProperty({ description: 'Open now by status and opening hours (server clock)' })
  openNow!: boolean;

  @ApiPropertyOptional({ type: 'integer', description: 'Great-circle metres (with lat/lng)' })
  distanceM?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Minutes on foot at ~4.5 km/h' })
  walkMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Minutes by e-bike at ~15 km/h' })
  rideMinutes?: number;
}

export class StationPageResponse implements Page<StationSummary> {
  @ApiProperty({ type: [StationSummaryResponse] })
  items!: StationSummaryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class StationDetailResponse extends StationSummaryResponse implements StationDetail {
  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  managerName!: string | null;

  @ApiProperty({ type: OpeningHoursResponse })
  openingHours!: OpeningHoursResponse;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone!: string;

  @ApiProperty({ type: [String] })
  services!: string[];

  @ApiProperty({ type: [StationHotlineResponse] })
  hotlines!: StationHotlineResponse[];

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ description: 'Metres around the station inside which a poster check-in counts' })
  geofenceRadiusM!: number;

  @ApiProperty({
    type: [MediaViewResponse],
    description: 'Photos in their order; their signed URLs expire (load the station again)',
  })
  photos!: MediaViewResponse[];
}

export class StationLiveCodeResponse implements LiveCodeResponse {
  @ApiProperty({ format: 'uuid' })
  stationId!: string;

  @ApiProperty({ description: 'The text the QR code carries', example: 'YZ1.L.…' })
  code!: string;

  @ApiProperty({ description: 'The QR code as a PNG data URL', example: 'data:image/png;base64,…' })
  qrDataUrl!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When the screen should show the next code (this one is accepted one step more)',
  })
  expiresAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until expiresAt' })
  refreshInSeconds!: number;
}

export class StationCodeRotationResponse implements CodeRotationResponse {
  @ApiProperty({ format: 'uuid' })
  stationId!: string;

  @ApiProperty({
    type: 'integer',
    description: 'The new code generation; posters printed before it no longer check in',
  })
  codeVersion!: number;
}
