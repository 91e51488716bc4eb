import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateReportCategoryDto,
  ListReportCategoriesQueryDto,
  ReportCategoryView,
  Routes,
  UpdateReportCategoryDto,
} from '@yizhan/contracts';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, RequestInfo, RequestMeta, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { ReportCategoriesService } from './report-categories.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller(Routes.reportCategories)
export class ReportCategoriesController {
  constructor(private readonly categories: ReportCategoriesService) {}

  @Get()
  @ApiOperation({
    summary: 'Report categories taken at a place (lat/lng), in a region, or everywhere',
    description:
      "A region's own category overrides an ancestor's of the same code. A place farther than " +
      '20 km from every station → 422 REPORT_OUTSIDE_SERVICE_AREA.',
  })
  @ApiErrorResponses(400, 401, 404, 422)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListReportCategoriesQueryDto,
  ): Promise<ReportCategoryView[]> {
    return this.categories.list(actor, query);
  }

  @Post()
  @Roles('district_admin')
  @ApiOperation({ summary: 'Add a report category in your region' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateReportCategoryDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<ReportCategoryView> {
    return this.categories.create(actor, body, meta);
  }

  @Patch(':id')
  @Roles('district_admin')
  @ApiOperation({
    summary: 'Change a category of your region (name, icon, SLA, department, active)',
  })
  @ApiErrorResponses(400, 401, 403, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateReportCategoryDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<ReportCategoryView> {
    return this.categories.update(actor, id, body, meta);
  }
}
