import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  CodeRotationResponse,
  CreateStationDto,
  ListStationsQueryDto,
  LiveCodeResponse,
  Page,
  Routes,
  StationDetail,
  StationSummary,
  UpdateStationDto,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, Public, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { ApiListStationsQuery } from './list-stations.query.docs';
import { StationAdminService } from './station-admin.service';
import {
  StationCodeRotationResponse,
  StationDetailResponse,
  StationLiveCodeResponse,
  StationPageResponse,
} from './station.response';
import { StationsService } from './stations.service';

const STATION_ID = { name: 'id', format: 'uuid' } as const;

@ApiTags('stations')
@Controller(Routes.stations)
export class StationsController {
  constructor(
    private readonly stations: StationsService,
    private readonly admin: StationAdminService,
  ) {}

  @Get()
  @Public()
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
  @Public()
  @ApiOperation({ summary: 'One station with opening hours, services and hotlines' })
  @ApiParam(STATION_ID)
  @ApiOkResponse({ type: StationDetailResponse })
  @ApiErrorResponses(404)
  get(@Param('id') id: string): Promise<StationDetail> {
    return this.stations.get(id);
  }

  @Post()
  @Roles('district_admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Open a station in your region',
    description:
      'Status defaults to `open`, hours to none (shown closed until set). A region outside ' +
      'yours answers 404, as if it did not exist.',
  })
  @ApiCreatedResponse({ type: StationDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateStationDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<StationDetail> {
    return this.admin.create(actor, body, meta);
  }

  @Patch(':id')
  @Roles('district_admin', 'station_manager')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change a station: any field (its district admins) or status and amenities (its manager)',
    description:
      'Only the fields sent change; `null` clears an optional one. A station manager sending ' +
      'any other field gets 403 with `details.fields`; a station you do not run is 404.',
  })
  @ApiParam(STATION_ID)
  @ApiOkResponse({ type: StationDetailResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateStationDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<StationDetail> {
    return this.admin.update(actor, id, body, meta);
  }

  @Post(':id/code-rotation')
  @HttpCode(200)
  @Roles('district_admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Retire the station's printed posters: its code generation goes up by one",
    description: 'Print the poster again afterwards; the live code changes with it.',
  })
  @ApiParam(STATION_ID)
  @ApiOkResponse({ type: StationCodeRotationResponse })
  @ApiErrorResponses(401, 403, 404)
  rotateCode(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @RequestInfo() meta: RequestMeta,
  ): Promise<CodeRotationResponse> {
    return this.admin.rotateCode(actor, id, meta);
  }

  @Get(':id/live-code')
  @Roles('district_admin', 'station_manager')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The rotating check-in code for the station's screen (new every 30 s)",
    description: 'Ask again after `refreshInSeconds`. A closed station has none (409 CONFLICT).',
  })
  @ApiParam(STATION_ID)
  @ApiOkResponse({ type: StationLiveCodeResponse })
  @ApiErrorResponses(401, 403, 404, 409)
  async liveCode(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LiveCodeResponse> {
    // A code is good for seconds: no cache may keep one.
    reply.header('cache-control', 'no-store');
    return this.admin.liveCode(actor, id);
  }

  @Get(':id/poster')
  @Roles('district_admin', 'station_manager')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The station's printable A4 poster (PNG) with its check-in QR code",
    description:
      'The QR code carries the poster code of the current generation; rotating the code ' +
      'retires every poster printed before.',
  })
  @ApiParam(STATION_ID)
  // The PNG is named on the 200 alone (not @ApiProduces), so errors stay JSON envelopes.
  @ApiOkResponse({
    description: 'A4 portrait PNG, 1240×1754 px (150 dpi)',
    content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(401, 403, 404)
  async poster(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { stationId, png } = await this.admin.poster(actor, id);
    await reply
      .header('content-type', 'image/png')
      .header('content-disposition', `inline; filename="station-${stationId}-poster.png"`)
      // The image is a working check-in code: keep it out of every cache.
      .header('cache-control', 'no-store')
      .send(png);
  }
}
