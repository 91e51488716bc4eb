import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Routes, WorkerLookupQueryDto, WorkerLookupResponse } from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { perMinute } from '../../common/throttling/throttling.module';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { WorkerLookupResponseDoc } from './worker-lookup.response';
import { WorkerLookupService } from './worker-lookup.service';

/** How many numbers an admin may look up a minute: enough for a counter, too few to sweep. */
export const WORKER_LOOKUPS_PER_MINUTE = 20;

@ApiTags('points')
@ApiBearerAuth()
@Roles('district_admin')
@Controller(Routes.workerLookup)
export class WorkerLookupController {
  constructor(private readonly lookup: WorkerLookupService) {}

  @Get()
  @Throttle(perMinute(WORKER_LOOKUPS_PER_MINUTE))
  @ApiOperation({
    summary: 'Find a worker of your district by full phone number (to adjust their points)',
  })
  @ApiOkResponse({ type: WorkerLookupResponseDoc })
  @ApiErrorResponses(400, 401, 403, 404, 429)
  byPhone(
    @CurrentActor() actor: Actor,
    @Query() query: WorkerLookupQueryDto,
  ): Promise<WorkerLookupResponse> {
    return this.lookup.byPhone(actor, query);
  }
}
