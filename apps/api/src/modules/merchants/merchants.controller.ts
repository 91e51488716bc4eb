import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CreateMerchantDto,
  ListMerchantsQueryDto,
  MerchantSummary,
  Page,
  Routes,
  UpdateMerchantDto,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { MerchantsService } from './merchants.service';

@ApiTags('merchants')
@ApiBearerAuth()
@Controller(Routes.merchants)
export class MerchantsController {
  constructor(private readonly merchants: MerchantsService) {}

  @Get()
  @ApiOperation({ summary: 'Partner merchants by name (optionally in a region subtree)' })
  @ApiErrorResponses(400, 401)
  list(@Query() query: ListMerchantsQueryDto): Promise<Page<MerchantSummary>> {
    return this.merchants.list(query);
  }

  @Post()
  @Roles('district_admin')
  @ApiOperation({ summary: 'Add a partner merchant in your region' })
  @ApiErrorResponses(400, 401, 403, 404)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateMerchantDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<MerchantSummary> {
    return this.merchants.create(actor, body, meta);
  }

  @Patch(':id')
  @Roles('district_admin')
  @ApiOperation({
    summary: 'Change a merchant of your region (name, address, location, phone, region)',
    description:
      'Only the fields sent change; `phone: null` clears the number. A merchant or a new region ' +
      'outside your region is 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateMerchantDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<MerchantSummary> {
    return this.merchants.update(actor, id, body, meta);
  }
}
