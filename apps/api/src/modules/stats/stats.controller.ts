import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CoverageQueryDto,
  CoverageResponse,
  PointsStatsResponse,
  ReportStatsResponse,
  Routes,
  StatsExportQueryDto,
  StatsQueryDto,
  VolunteerStatsQueryDto,
  VolunteerStatsResponse,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { sendCsvDownload } from '../../common/http/csv-download';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import {
  ApiStatsExportQuery,
  ApiStatsRangeQuery,
  ApiVolunteerStatsQuery,
} from './stats.query.docs';
import {
  CoverageResponseDoc,
  PointsStatsResponseDoc,
  ReportStatsResponseDoc,
  VolunteerStatsResponseDoc,
} from './stats.response';
import { StatsService } from './stats.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller()
@Roles('district_admin')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get(Routes.statsReports)
  @ApiOperation({
    summary: 'Reports filed in the range: by status, category and department, medians, overdue',
  })
  @ApiStatsRangeQuery()
  @ApiOkResponse({ type: ReportStatsResponseDoc })
  @ApiErrorResponses(400, 401, 403, 404)
  reports(
    @CurrentActor() actor: Actor,
    @Query() query: StatsQueryDto,
  ): Promise<ReportStatsResponse> {
    return this.stats.reports(actor, query);
  }

  @Get(Routes.statsPoints)
  @ApiOperation({
    summary: 'Points issued, redeemed and expired per local month, and what workers hold now',
  })
  @ApiStatsRangeQuery()
  @ApiOkResponse({ type: PointsStatsResponseDoc })
  @ApiErrorResponses(400, 401, 403, 404)
  points(
    @CurrentActor() actor: Actor,
    @Query() query: StatsQueryDto,
  ): Promise<PointsStatsResponse> {
    return this.stats.points(actor, query);
  }

  @Get(Routes.statsVolunteers)
  @ApiOperation({ summary: "The year's top earners with their resolved reports and visits" })
  @ApiVolunteerStatsQuery()
  @ApiOkResponse({ type: VolunteerStatsResponseDoc })
  @ApiErrorResponses(400, 401, 403, 404)
  volunteers(
    @CurrentActor() actor: Actor,
    @Query() query: VolunteerStatsQueryDto,
  ): Promise<VolunteerStatsResponse> {
    return this.stats.volunteers(actor, query);
  }

  @Get(Routes.statsExportCsv)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'One statistics table as CSV (UTF-8 with BOM, Chinese headers)' })
  @ApiStatsExportQuery()
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  @ApiErrorResponses(400, 401, 403, 404)
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: StatsExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendCsvDownload(reply, await this.stats.exportCsv(actor, query));
  }

  @Get(Routes.coverage)
  @ApiOperation({
    summary: 'Open stations and how many reports lie farther than a 5-minute ride from any',
  })
  @ApiStatsRangeQuery()
  @ApiOkResponse({ type: CoverageResponseDoc })
  @ApiErrorResponses(400, 401, 403, 404)
  coverage(
    @CurrentActor() actor: Actor,
    @Query() query: CoverageQueryDto,
  ): Promise<CoverageResponse> {
    return this.stats.coverage(actor, query);
  }
}
