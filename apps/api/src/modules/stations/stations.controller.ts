import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ListStationsQueryDto,
  Page,
  Routes,
  StationDetail,
  StationSummary,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { ApiListStationsQuery } from './list-stations.query.docs';
import { StationDetailResponse, StationPageResponse } from './station.response';
import { StationsService } from './stations.service';
import { Public } from '../access/access.decorators';

@ApiTags('stations')
@Public()
@Controller(Routes.stations)
export class StationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Stations nearest first (with lat/lng) or by name',
    description:
      'Coordinates are GCJ-02. With lat/lng: within `radius` metres (default 20000), sorted ' +
      'by great-circle distance with `distanceM`, `walkMinutes`, `rideMinutes`.',
  })
  @ApiListStationsQuery()
  @ApiOkResponse({ type: StationPageResponse })
  @ApiErrorResponses(400)
  list(@Query() query: ListStationsQueryDto): Promise<Page<StationSummary>> {
    return this.stations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One station with opening hours, services and hotlines' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StationDetailResponse })
  @ApiErrorResponses(404)
  get(@Param('id') id: string): Promise<StationDetail> {
    return this.stations.get(id);
  }
}
