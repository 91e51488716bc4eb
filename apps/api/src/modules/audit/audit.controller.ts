import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntry, ListAuditLogQueryDto, Page, Routes } from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller(Routes.auditLog)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('district_admin')
  @ApiOperation({ summary: 'Staff and merchant actions in your region, newest first' })
  @ApiErrorResponses(400, 401, 403)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListAuditLogQueryDto,
  ): Promise<Page<AuditEntry>> {
    return this.audit.list(actor, query);
  }
}
