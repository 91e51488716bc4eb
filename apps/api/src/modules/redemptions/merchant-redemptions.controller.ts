import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CounterRedemption,
  ListMerchantRedemptionsQueryDto,
  Page,
  SettlementQueryDto,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { sendCsvDownload } from '../../common/http/csv-download';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { RedemptionCounterService } from './redemption-counter.service';

@ApiTags('redemptions')
@ApiBearerAuth()
@Controller('merchant')
@Roles('merchant_staff', 'station_manager', 'district_admin')
export class MerchantRedemptionsController {
  constructor(private readonly counter: RedemptionCounterService) {}

  @Get('redemptions')
  @ApiOperation({
    summary:
      "Redemptions at your merchant (or station), newest first; a district admin names one of their region's",
  })
  @ApiErrorResponses(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListMerchantRedemptionsQueryDto,
  ): Promise<Page<CounterRedemption>> {
    return this.counter.list(actor, query);
  }

  @Get('settlement')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Codes fulfilled from `from` to `to` (local dates, inclusive) as CSV' })
  @ApiErrorResponses(400, 401, 403, 404)
  async settlement(
    @CurrentActor() actor: Actor,
    @Query() query: SettlementQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendCsvDownload(reply, await this.counter.settlement(actor, query));
  }
}
