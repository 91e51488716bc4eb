import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  CounterRedemption,
  CreateRedemptionDto,
  ListRedemptionsQueryDto,
  Page,
  Redemption,
  RedemptionCodeDto,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { perMinute } from '../../common/throttling/throttling.module';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { RedemptionCounterService } from './redemption-counter.service';
import { RedemptionsService } from './redemptions.service';

/** Counter lookups per staff account and minute: a busy till, not a guessing script. */
const COUNTER_LOOKUPS_PER_MINUTE = 30;

@ApiTags('redemptions')
@ApiBearerAuth()
@Controller('redemptions')
export class RedemptionsController {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly counter: RedemptionCounterService,
  ) {}

  @Post()
  @Throttle(perMinute(60))
  @ApiOperation({
    summary:
      'Redeem a reward: debits your points and its stock and issues a one-time code (201; the same idempotencyKey again → 200)',
  })
  @ApiErrorResponses(400, 401, 404, 409, 422, 429)
  async redeem(
    @CurrentActor() actor: Actor,
    @Body() body: CreateRedemptionDto,
    @Res() reply: FastifyReply,
  ): Promise<Redemption> {
    const { redemption, replayed } = await this.redemptions.redeem(actor, body);
    await reply.status(replayed ? 200 : 201).send(redemption);
    return redemption;
  }

  @Get()
  @ApiOperation({ summary: 'Your redemptions, newest first' })
  @ApiErrorResponses(400, 401)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListRedemptionsQueryDto,
  ): Promise<Page<Redemption>> {
    return this.redemptions.listOwn(actor, query);
  }

  @Post('verify')
  @HttpCode(200)
  @Roles('merchant_staff', 'station_manager')
  @Throttle(perMinute(COUNTER_LOOKUPS_PER_MINUTE))
  @ApiOperation({
    summary:
      'Look up a code of your merchant (or station) before handing the reward over; the worker is masked',
  })
  @ApiErrorResponses(400, 401, 403, 404, 429)
  verify(
    @CurrentActor() actor: Actor,
    @Body() body: RedemptionCodeDto,
  ): Promise<CounterRedemption> {
    return this.counter.verify(actor, body.code);
  }

  @Post('fulfil')
  @HttpCode(200)
  @Roles('merchant_staff', 'station_manager')
  @Throttle(perMinute(COUNTER_LOOKUPS_PER_MINUTE))
  @ApiOperation({ summary: 'Hand the reward over: the code is used up (once; again → 409)' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429)
  fulfil(
    @CurrentActor() actor: Actor,
    @Body() body: RedemptionCodeDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<CounterRedemption> {
    return this.counter.fulfil(actor, body.code, meta);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your redemptions, with its code' })
  @ApiErrorResponses(401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Redemption> {
    return this.redemptions.getOwn(actor, id);
  }

  @Get(':id/qr')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'The code of one of your redemptions as a QR image (PNG)' })
  @ApiErrorResponses(401, 404)
  async qr(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const png = await this.redemptions.qrPng(actor, id);
    await reply
      .header('content-type', 'image/png')
      // The image is the code itself: never keep it in a shared cache.
      .header('cache-control', 'private, no-store')
      .send(png);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an issued code of yours and get the points back' })
  @ApiErrorResponses(401, 404, 409)
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Redemption> {
    return this.redemptions.cancel(actor, id);
  }
}
