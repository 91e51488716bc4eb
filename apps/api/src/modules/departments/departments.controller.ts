import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateDepartmentDto,
  DepartmentView,
  ListDepartmentsQueryDto,
  Routes,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { DepartmentsService } from './departments.service';

@ApiTags('departments')
@ApiBearerAuth()
@Controller(Routes.departments)
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Roles('handler', 'district_admin')
  @ApiOperation({
    summary: 'Departments serving a region (its own, above it and inside it), for dispatching',
  })
  @ApiErrorResponses(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListDepartmentsQueryDto,
  ): Promise<DepartmentView[]> {
    return this.departments.list(actor, query);
  }

  @Post()
  @Roles('district_admin')
  @ApiOperation({ summary: 'Add a department in your region' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateDepartmentDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<DepartmentView> {
    return this.departments.create(actor, body, meta);
  }
}
