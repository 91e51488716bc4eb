import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerCheckResult } from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { Roles } from '../access/access.decorators';
import { PointsService } from './points.service';

@ApiTags('points')
@ApiBearerAuth()
@Controller('admin/ledger')
export class LedgerAdminController {
  constructor(private readonly points: PointsService) {}

  @Get('check')
  @Roles('district_admin')
  @ApiOperation({
    summary: 'Recompute every cached balance from the transfers; zero mismatches is the invariant',
  })
  @ApiErrorResponses(401, 403)
  check(): Promise<LedgerCheckResult> {
    return this.points.check();
  }
}
