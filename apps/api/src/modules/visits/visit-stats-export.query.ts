import { OmitType } from '@nestjs/swagger';
import { VisitStatsQueryDto } from '@yizhan/contracts';

/**
 * `GET /stations/visit-stats.csv`: the statistics query without paging. The export holds every
 * row, so `limit` and `cursor` are refused as unknown fields rather than silently ignored.
 */
export class VisitStatsExportQueryDto extends OmitType(VisitStatsQueryDto, [
  'limit',
  'cursor',
] as const) {}
