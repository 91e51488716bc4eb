import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateRewardDto,
  ListRewardsQueryDto,
  Page,
  RewardSummary,
  UpdateRewardDto,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { RewardsService } from './rewards.service';

@ApiTags('rewards')
@ApiBearerAuth()
@Controller('rewards')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Rewards that can be redeemed now: nearest first with lat/lng, else cheapest first; `affordable=true` keeps what your points cover',
  })
  @ApiErrorResponses(400, 401, 403)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListRewardsQueryDto,
  ): Promise<Page<RewardSummary>> {
    return this.rewards.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One reward' })
  @ApiErrorResponses(401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RewardSummary> {
    return this.rewards.get(actor, id);
  }

  @Post()
  @Roles('district_admin')
  @ApiOperation({ summary: 'Offer a reward at a merchant or station of your region' })
  @ApiErrorResponses(400, 401, 403, 404)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateRewardDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<RewardSummary> {
    return this.rewards.create(actor, body, meta);
  }

  @Patch(':id')
  @Roles('district_admin')
  @ApiOperation({
    summary: 'Change a reward of your region (price, stock left, limits, window, pause)',
  })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateRewardDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<RewardSummary> {
    return this.rewards.update(actor, id, body, meta);
  }
}
