import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import {
  DEFAULT_TOP_VOLUNTEERS,
  MAX_STATS_RANGE_DAYS,
  MAX_TOP_VOLUNTEERS,
  STATS_TABLES,
} from '@yizhan/contracts';

// OpenAPI descriptions of the statistics queries: the contract classes validate, but cannot
// carry Swagger decorators (the contracts package stays free of NestJS).

const regionQuery = ApiQuery({
  name: 'regionId',
  required: false,
  type: String,
  format: 'uuid',
  description: "A region inside the caller's subtree (default: the caller's region)",
});

const yearQuery = (description: string) =>
  ApiQuery({ name: 'year', required: false, type: Number, description });

const rangeQueries = [
  ApiQuery({
    name: 'from',
    required: false,
    type: String,
    format: 'date',
    description:
      `First local date on the region's clock, inclusive (default: the first day of the month ` +
      `11 months before \`to\`'s; at most ${MAX_STATS_RANGE_DAYS} days up to \`to\`)`,
  }),
  ApiQuery({
    name: 'to',
    required: false,
    type: String,
    format: 'date',
    description: "Last local date, inclusive (default: today on the region's clock)",
  }),
];

export function ApiStatsRangeQuery(): MethodDecorator {
  return applyDecorators(...rangeQueries, regionQuery);
}

export function ApiVolunteerStatsQuery(): MethodDecorator {
  return applyDecorators(
    yearQuery("Calendar year on the region's clock (default: this year)"),
    regionQuery,
    ApiQuery({
      name: 'limit',
      required: false,
      type: Number,
      description: `How many (default ${DEFAULT_TOP_VOLUNTEERS}, max ${MAX_TOP_VOLUNTEERS})`,
    }),
  );
}

export function ApiStatsExportQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'table', required: true, enum: STATS_TABLES }),
    ...rangeQueries,
    regionQuery,
    yearQuery('Only with table=volunteers (which takes no from/to): the calendar year'),
  );
}
