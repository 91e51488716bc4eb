import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ListStationVisitsQueryDto,
  Routes,
  StationVisitsPage,
  VisitStatsQueryDto,
  VisitStatsResponse,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { sendCsvDownload } from '../../common/http/csv-download';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { StationVisitsPageResponse, VisitStatsPageResponse } from './visit.response';
import { VisitStatsExportQueryDto } from './visit-stats-export.query';
import { ApiStationVisitsQuery, ApiVisitStatsQuery } from './visits.query.docs';
import { VisitsService } from './visits.service';

// Under /stations beside the stations controller: Fastify matches the static `visit-stats`
// paths before `/stations/:id`, so the two controllers do not shadow each other.
@ApiTags('visits')
@ApiBearerAuth()
@Controller(Routes.stations)
@Roles('district_admin', 'station_manager')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visit-stats')
  @ApiOperation({
    summary: 'Visits per station and local day or month, with the totals of the whole scope',
    description:
      'A district admin counts their region subtree (or a region or station inside it), a ' +
      'station manager their station. Flagged visits count only in `flagged`; unique workers ' +
      'in `totals` are distinct across the stations. Station rows are paged.',
  })
  @ApiVisitStatsQuery(true)
  @ApiOkResponse({ type: VisitStatsPageResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  stats(
    @CurrentActor() actor: Actor,
    @Query() query: VisitStatsQueryDto,
  ): Promise<VisitStatsResponse> {
    return this.visits.stats(actor, query);
  }

  @Get('visit-stats.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'The same statistics as CSV (UTF-8 with BOM): station rows, then a TOTAL row per period',
  })
  @ApiVisitStatsQuery(false)
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  @ApiErrorResponses(400, 401, 403, 404)
  async statsCsv(
    @CurrentActor() actor: Actor,
    @Query() query: VisitStatsExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendCsvDownload(reply, await this.visits.statsCsv(actor, query));
  }

  @Get(':id/visits')
  @ApiOperation({
    summary: "A station's visits of one local day, newest first, with the day's totals",
    description: 'Nickname, method and flags only: never the location or phone.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiStationVisitsQuery()
  @ApiOkResponse({ type: StationVisitsPageResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  stationDay(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: ListStationVisitsQueryDto,
  ): Promise<StationVisitsPage> {
    return this.visits.stationDay(actor, id, query);
  }
}
