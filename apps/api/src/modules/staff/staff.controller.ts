import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStaffDto, ListStaffQueryDto, Page, Routes, StaffAccount } from '@yizhan/contracts';
import { Throttle } from '@nestjs/throttler';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('district_admin')
@Controller(Routes.staff)
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  // Each creation hashes a password with argon2 (memory-hard): keep bursts small.
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOperation({ summary: 'Create a staff or merchant account inside your region' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateStaffDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<StaffAccount> {
    return this.staff.create(actor, body, meta);
  }

  @Get()
  @ApiOperation({ summary: 'Staff and merchant accounts in your region, by username' })
  @ApiErrorResponses(400, 401, 403)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListStaffQueryDto,
  ): Promise<Page<StaffAccount>> {
    return this.staff.list(actor, query);
  }
}
