import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  CheckinResponse,
  CheckinView,
  CreateCheckinDto,
  Page,
  PageQueryDto,
  Routes,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { perMinute } from '../../common/throttling/throttling.module';
import { CurrentActor, RequiresConsent } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { CheckinsService } from './checkins.service';

/** Scans are human-paced; anything faster is a script trying codes. */
const CHECKINS_PER_MINUTE = 30;

@ApiTags('checkins')
@ApiBearerAuth()
@Controller(Routes.checkins)
export class CheckinsController {
  constructor(private readonly checkins: CheckinsService) {}

  @Post()
  @RequiresConsent('location')
  @Throttle(perMinute(CHECKINS_PER_MINUTE))
  @ApiOperation({
    summary: 'Check in at a station with the code you scanned and where you are (GCJ-02)',
    description:
      'A live (screen) code proves presence by itself; a poster code needs the location inside ' +
      "the station's geofence (radius + reported accuracy, accuracy at most 100 m). 201, or 200 " +
      'for a repeated idempotencyKey with the first outcome. Impossible travel from the previous ' +
      'check-in is recorded but flagged and earns no points.',
  })
  @ApiErrorResponses(400, 401, 403, 409, 422, 429)
  async checkIn(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCheckinDto,
    @Res() reply: FastifyReply,
  ): Promise<CheckinResponse> {
    const { response, replayed } = await this.checkins.checkIn(actor, body);
    await reply.status(replayed ? 200 : 201).send(response);
    return response;
  }

  @Get()
  @ApiOperation({ summary: 'Your check-ins, newest first' })
  @ApiErrorResponses(400, 401)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<CheckinView>> {
    return this.checkins.listOwn(actor, query);
  }
}
