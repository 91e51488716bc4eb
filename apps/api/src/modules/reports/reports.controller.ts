import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  AcceptReportDto,
  CreateReportDto,
  DispatchReportDto,
  DuplicateReportDto,
  ListReportsQueryDto,
  Page,
  PossibleDuplicate,
  PossibleDuplicatesQueryDto,
  RejectReportDto,
  ReportSummary,
  ReportView,
  ResolveReportDto,
  Routes,
  UpdateReportDto,
} from '@yizhan/contracts';
import { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { perMinute } from '../../common/throttling/throttling.module';
import { CurrentActor, RequiresConsent, Roles } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { ReportWorkflow } from './report-workflow';
import { ReportsService } from './reports.service';

/** Nobody files more than a few reports a minute; more is a script. */
const REPORTS_PER_MINUTE = 20;

@ApiTags('reports')
@ApiBearerAuth()
@Controller(Routes.reports)
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly workflow: ReportWorkflow,
  ) {}

  @Post()
  @RequiresConsent('location')
  @Throttle(perMinute(REPORTS_PER_MINUTE))
  @ApiOperation({
    summary: 'File a report where you are (photos uploaded first with POST /media)',
    description:
      'Idempotent on your clientRequestId: 201 the first time, 200 with the same report after. ' +
      'The answer lists open reports of the same category within 250 m of the last 7 days.',
  })
  @ApiErrorResponses(400, 401, 403, 422, 429)
  async submit(
    @CurrentActor() actor: Actor,
    @Body() body: CreateReportDto,
    @Res() reply: FastifyReply,
  ): Promise<ReportView> {
    const { report, replayed } = await this.reports.submit(actor, body);
    await reply.status(replayed ? 200 : 201).send(report);
    return report;
  }

  @Get()
  @ApiOperation({
    summary: 'Your reports (mine=true, newest first) or the queue of your region (handlers)',
    description:
      'The queue holds open reports unless status is given; overdue ones come first, then the ' +
      'oldest first.',
  })
  @ApiErrorResponses(400, 401, 404)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListReportsQueryDto,
  ): Promise<Page<ReportSummary>> {
    return this.reports.list(actor, query);
  }

  @Get('possible-duplicates')
  @ApiOperation({ summary: 'Open reports of a category near a place, asked before submitting' })
  @ApiErrorResponses(400, 401)
  possibleDuplicates(@Query() query: PossibleDuplicatesQueryDto): Promise<PossibleDuplicate[]> {
    return this.reports.possibleDuplicates(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report with its timeline (yours, or of your region for handlers)' })
  @ApiErrorResponses(401, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReportView> {
    return this.reports.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the description or add photos while the report is submitted' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  edit(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateReportDto,
  ): Promise<ReportView> {
    return this.reports.edit(actor, id, body);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('handler', 'district_admin')
  @ApiOperation({ summary: 'Accept a submitted report (holds its points for the reporter)' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  accept(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: AcceptReportDto,
  ): Promise<ReportView> {
    return this.workflow.accept(actor, id, body);
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Roles('handler', 'district_admin')
  @ApiOperation({ summary: 'Send an accepted report to the department that fixes it' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  dispatch(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: DispatchReportDto,
  ): Promise<ReportView> {
    return this.workflow.dispatch(actor, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('handler', 'district_admin')
  @ApiOperation({ summary: 'Resolve a report, with photos of the fix (pays its points)' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: ResolveReportDto,
  ): Promise<ReportView> {
    return this.workflow.resolve(actor, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('handler', 'district_admin')
  @ApiOperation({ summary: 'Reject a report with the reason (voids held points)' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: RejectReportDto,
  ): Promise<ReportView> {
    return this.workflow.reject(actor, id, body);
  }

  @Post(':id/duplicate')
  @HttpCode(200)
  @Roles('handler', 'district_admin')
  @ApiOperation({ summary: 'Mark a report a duplicate ("me too") of the first report of it' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  duplicate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: DuplicateReportDto,
  ): Promise<ReportView> {
    return this.workflow.duplicate(actor, id, body);
  }
}
