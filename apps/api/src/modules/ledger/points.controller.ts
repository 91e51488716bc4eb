import { Body, Controller, Get, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePointsAdjustmentDto,
  GetPointsRulesQueryDto,
  ListPointsTransfersQueryDto,
  Page,
  PointsAdjustment,
  PointsBalance,
  PointsRule,
  PointsRulesResponse,
  PointsTransferItem,
  UpsertPointsRuleDto,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { PointsService } from './points.service';

@ApiTags('points')
@ApiBearerAuth()
@Controller('points')
export class PointsController {
  constructor(private readonly points: PointsService) {}

  @Get('balance')
  @ApiOperation({
    summary: 'Your spendable points, points pending a decision, and points expiring soon',
  })
  @ApiErrorResponses(401)
  balance(@CurrentActor() actor: Actor): Promise<PointsBalance> {
    return this.points.balance(actor);
  }

  @Get('transfers')
  @ApiOperation({ summary: 'Your points history, newest first (amounts signed for you)' })
  @ApiErrorResponses(400, 401)
  transfers(
    @CurrentActor() actor: Actor,
    @Query() query: ListPointsTransfersQueryDto,
  ): Promise<Page<PointsTransferItem>> {
    return this.points.transfers(actor, query);
  }

  @Get('rules')
  @ApiOperation({
    summary: 'Earning rules in force for your home region (or `regionId`), inherited ones included',
  })
  @ApiErrorResponses(400, 401, 404)
  rules(
    @CurrentActor() actor: Actor,
    @Query() query: GetPointsRulesQueryDto,
  ): Promise<PointsRulesResponse> {
    return this.points.rulesFor(actor, query);
  }

  @Put('rules')
  @Roles('district_admin')
  @ApiOperation({ summary: 'Create or replace the earning rule of one kind in a region of yours' })
  @ApiErrorResponses(400, 401, 403, 404)
  upsertRule(
    @CurrentActor() actor: Actor,
    @Body() body: UpsertPointsRuleDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<PointsRule> {
    return this.points.upsertRule(actor, body, meta);
  }

  @Post('adjustments')
  @Roles('district_admin')
  @ApiOperation({
    summary: 'Credit or debit a worker of your region (201; the same idempotencyKey again → 200)',
  })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  async adjust(
    @CurrentActor() actor: Actor,
    @Body() body: CreatePointsAdjustmentDto,
    @RequestInfo() meta: RequestMeta,
    @Res() reply: FastifyReply,
  ): Promise<PointsAdjustment> {
    const { adjustment, replayed } = await this.points.adjust(actor, body, meta);
    await reply.status(replayed ? 200 : 201).send(adjustment);
    return adjustment;
  }
}
