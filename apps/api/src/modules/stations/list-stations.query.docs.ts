import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import {
  AMENITIES,
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  MAX_STATION_RADIUS_M,
} from '@yizhan/contracts';
import { DEFAULT_RADIUS_M } from './stations.service';

/**
 * OpenAPI description of `ListStationsQueryDto`. The contract class validates; it cannot carry
 * Swagger decorators (the contracts package stays free of NestJS), so the query is listed here.
 */
export function ApiListStationsQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'lat',
      required: false,
      type: Number,
      description: 'GCJ-02 latitude; needs lng',
    }),
    ApiQuery({
      name: 'lng',
      required: false,
      type: Number,
      description: 'GCJ-02 longitude; needs lat',
    }),
    ApiQuery({
      name: 'radius',
      required: false,
      type: Number,
      description: `Metres around lat/lng (default ${DEFAULT_RADIUS_M}, max ${MAX_STATION_RADIUS_M})`,
    }),
    ApiQuery({
      name: 'amenities',
      required: false,
      type: String,
      description: `Comma-separated; a station must offer all. One of: ${AMENITIES.join(', ')}`,
    }),
    ApiQuery({ name: 'openNow', required: false, type: Boolean }),
    ApiQuery({
      name: 'regionId',
      required: false,
      type: String,
      description: 'Region subtree (uuid)',
    }),
    ApiQuery({ name: 'q', required: false, type: String, description: 'Text in name or address' }),
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
  );
}
