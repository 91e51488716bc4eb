import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import {
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  MAX_VISIT_STATS_DAYS,
  VISIT_GRANULARITIES,
} from '@yizhan/contracts';

// OpenAPI descriptions of the visit queries. The contract classes validate; they cannot carry
// Swagger decorators (the contracts package stays free of NestJS), so the queries are listed here.

const pageQueries = [
  ApiQuery({
    name: 'limit',
    required: false,
    type: Number,
    description: `Page size (default ${DEFAULT_PAGE_LIMIT}, max ${MAX_PAGE_LIMIT})`,
  }),
  ApiQuery({
    name: 'cursor',
    required: false,
    type: String,
    description: '`nextCursor` of the previous page',
  }),
];

export function ApiStationVisitsQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'date',
      required: false,
      type: String,
      format: 'date',
      description: "Local date of the station's region (default: today there)",
    }),
    ...pageQueries,
  );
}

/** The statistics query; `paged` adds limit and cursor (the CSV export has neither). */
export function ApiVisitStatsQuery(paged: boolean): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'from',
      required: true,
      type: String,
      format: 'date',
      description: `First local date, inclusive (at most ${MAX_VISIT_STATS_DAYS} days up to \`to\`)`,
    }),
    ApiQuery({
      name: 'to',
      required: true,
      type: String,
      format: 'date',
      description: 'Last local date, inclusive',
    }),
    ApiQuery({
      name: 'granularity',
      required: false,
      enum: VISIT_GRANULARITIES,
      description: 'Count per local day (default) or month',
    }),
    ApiQuery({
      name: 'regionId',
      required: false,
      type: String,
      format: 'uuid',
      description: "Region subtree to count (district admins; default: the caller's region)",
    }),
    ApiQuery({
      name: 'stationId',
      required: false,
      type: String,
      format: 'uuid',
      description: "One station (a station manager's default: their own)",
    }),
    ...(paged ? pageQueries : []),
  );
}
