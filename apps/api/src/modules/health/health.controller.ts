import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Routes } from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { HealthService, HealthStatus } from './health.service';
import { Public } from '../access/access.decorators';
import { SkipThrottle } from '@nestjs/throttler';

class HealthStatusResponse implements HealthStatus {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** Probes for orchestrators, outside the /api/v1 prefix. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get(Routes.health)
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests' })
  @ApiOkResponse({ type: HealthStatusResponse })
  live(): HealthStatus {
    return this.health.live();
  }

  @Get(Routes.ready)
  @ApiOperation({ summary: 'Readiness: 200 only when the database answers' })
  @ApiOkResponse({ type: HealthStatusResponse })
  @ApiErrorResponses(503)
  ready(): Promise<HealthStatus> {
    return this.health.ready();
  }
}
