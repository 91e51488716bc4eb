import { ApiProperty, OmitType } from '@nestjs/swagger';
import {
  CHECKIN_FLAGS,
  CHECKIN_METHODS,
  CheckinFlag,
  CheckinMethod,
  RegionVisitStat,
  StationVisit,
  StationVisitsPage,
  StationVisitStat,
  VISIT_GRANULARITIES,
  VisitGranularity,
  VisitStatsResponse,
} from '@yizhan/contracts';

// OpenAPI descriptions of the visit responses. They implement the contract types, so the
// compiler keeps the documentation in step with what the API returns.

export class StationVisitResponse implements StationVisit {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The worker’s nickname; null when they set none or erased their data',
  })
  nickname!: string | null;

  @ApiProperty({ enum: CHECKIN_METHODS })
  method!: CheckinMethod;

  @ApiProperty({
    enum: CHECKIN_FLAGS,
    isArray: true,
    description: 'Why the visit earned nothing (empty for a normal visit)',
  })
  flags!: CheckinFlag[];
}

export class StationVisitsPageResponse implements StationVisitsPage {
  @ApiProperty({ format: 'date', example: '2026-11-24', description: 'Local date of the station' })
  date!: string;

  @ApiProperty({ description: 'Unflagged visits of the whole day (not only this page)' })
  visits!: number;

  @ApiProperty({ description: 'Distinct workers among the day’s unflagged visits' })
  uniqueWorkers!: number;

  @ApiProperty({ type: [StationVisitResponse], description: 'Newest first' })
  items!: StationVisitResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}

export class RegionVisitStatResponse implements RegionVisitStat {
  @ApiProperty({ example: '2026-11-24', description: '`YYYY-MM-DD` or `YYYY-MM` (local)' })
  period!: string;

  @ApiProperty({ description: 'Unflagged visits' })
  visits!: number;

  @ApiProperty({ description: 'Distinct workers across all stations of the scope' })
  uniqueWorkers!: number;

  @ApiProperty({ description: 'Visits flagged as impossible travel (not in `visits`)' })
  flagged!: number;
}

export class RangeVisitStatResponse extends OmitType(RegionVisitStatResponse, ['period']) {}

export class StationVisitStatResponse extends RegionVisitStatResponse implements StationVisitStat {
  @ApiProperty({ format: 'uuid' })
  stationId!: string;

  @ApiProperty()
  stationName!: string;
}

export class VisitStatsPageResponse implements VisitStatsResponse {
  @ApiProperty({ format: 'uuid' })
  regionId!: string;

  @ApiProperty({ enum: VISIT_GRANULARITIES })
  granularity!: VisitGranularity;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({
    type: [RegionVisitStatResponse],
    description: 'Every period with a recorded visit, for the whole scope (not paged)',
  })
  totals!: RegionVisitStatResponse[];

  @ApiProperty({
    type: RangeVisitStatResponse,
    description: 'The whole range at once: a worker seen in two periods counts once',
  })
  rangeTotal!: RangeVisitStatResponse;

  @ApiProperty({
    type: [StationVisitStatResponse],
    description: 'By period, station name, station id; paged',
  })
  items!: StationVisitStatResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
