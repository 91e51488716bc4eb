import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import {
  CoverageReportPoint,
  CoverageResponse,
  CoverageStation,
  PointsMonthStat,
  PointsStatsResponse,
  REPORT_STATUSES,
  ReportCategoryStat,
  ReportDepartmentStat,
  ReportStatsResponse,
  ReportStatusCounts,
  VolunteerStat,
  VolunteerStatsResponse,
} from '@yizhan/contracts';

// OpenAPI descriptions of the statistics answers. They implement the contract types, so the
// compiler keeps the documentation in step with what the API returns.

const statusCounts: ApiPropertyOptions = {
  type: 'object',
  description: 'Reports per status; every status is present (0 when none)',
  properties: Object.fromEntries(REPORT_STATUSES.map((status) => [status, { type: 'integer' }])),
  additionalProperties: false,
};

export class ReportCategoryStatResponse implements ReportCategoryStat {
  @ApiProperty({ example: 'road_damage' })
  category!: string;
  @ApiProperty({ example: '道路破损' })
  categoryName!: string;
  @ApiProperty()
  total!: number;
  @ApiProperty(statusCounts)
  byStatus!: ReportStatusCounts;
}

export class ReportDepartmentStatResponse implements ReportDepartmentStat {
  @ApiProperty({ format: 'uuid' })
  departmentId!: string;
  @ApiProperty()
  departmentName!: string;
  @ApiProperty({ description: 'Reports filed in the range whose last dispatch went here' })
  dispatched!: number;
  @ApiProperty()
  resolved!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median hours filing → resolution' })
  medianResolveHours!: number | null;
  @ApiProperty({ description: 'Resolved after their due time, or still open past it now' })
  overdue!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'overdue ÷ dispatched (0–1)' })
  overdueShare!: number | null;
}

export class ReportStatsResponseDoc implements ReportStatsResponse {
  @ApiProperty({ format: 'uuid' })
  regionId!: string;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty()
  total!: number;
  @ApiProperty(statusCounts)
  byStatus!: ReportStatusCounts;
  @ApiProperty({ type: [ReportCategoryStatResponse] })
  byCategory!: ReportCategoryStat[];
  @ApiProperty({ type: [ReportDepartmentStatResponse] })
  byDepartment!: ReportDepartmentStat[];
  @ApiProperty({ type: Number, nullable: true })
  medianResolveHours!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'overdue ÷ reports filed, rejected and duplicate ones left out (0–1)',
  })
  overdueShare!: number | null;
}

class PointsFlowsResponse implements Omit<PointsMonthStat, 'period'> {
  @ApiProperty({ description: 'Earned by workers from pools in the scope' })
  issued!: number;
  @ApiProperty({ description: 'Spent on rewards offered in the scope, refunds left out' })
  redeemed!: number;
  @ApiProperty({ description: 'Lapsed unspent, back to pools in the scope' })
  expired!: number;
}

export class PointsMonthStatResponse extends PointsFlowsResponse implements PointsMonthStat {
  @ApiProperty({ example: '2026-11', description: 'Local month' })
  period!: string;
}

export class PointsStatsResponseDoc implements PointsStatsResponse {
  @ApiProperty({ format: 'uuid' })
  regionId!: string;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ type: [PointsMonthStatResponse] })
  months!: PointsMonthStat[];
  @ApiProperty({ type: PointsFlowsResponse })
  totals!: Omit<PointsMonthStat, 'period'>;
  @ApiProperty({ description: 'Posted balances of workers whose home region is in the scope' })
  outstanding!: number;
  @ApiProperty({ description: 'Credits those workers hold pending (not spendable yet)' })
  pending!: number;
  @ApiProperty({ description: 'Those workers with a positive balance' })
  holders!: number;
}

export class VolunteerStatResponse implements VolunteerStat {
  @ApiProperty({ description: 'Equal points share a rank (1, 1, 3)' })
  rank!: number;
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty({ description: 'Nickname, else the masked phone (138****5678)' })
  displayName!: string;
  @ApiProperty()
  pointsEarned!: number;
  @ApiProperty()
  reportsResolved!: number;
  @ApiProperty()
  checkins!: number;
}

export class VolunteerStatsResponseDoc implements VolunteerStatsResponse {
  @ApiProperty({ format: 'uuid' })
  regionId!: string;
  @ApiProperty()
  year!: number;
  @ApiProperty({ type: [VolunteerStatResponse] })
  items!: VolunteerStat[];
}

export class CoverageStationResponse implements CoverageStation {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  lat!: number;
  @ApiProperty()
  lng!: number;
}

export class CoverageReportPointResponse implements CoverageReportPoint {
  @ApiProperty()
  lat!: number;
  @ApiProperty()
  lng!: number;
  @ApiProperty({ type: Number, nullable: true })
  nearestStationM!: number | null;
  @ApiProperty()
  covered!: boolean;
}

class CoverageReportsResponse {
  @ApiProperty()
  total!: number;
  @ApiProperty()
  farther!: number;
  @ApiProperty({ type: Number, nullable: true })
  fartherShare!: number | null;
}

export class CoverageResponseDoc implements CoverageResponse {
  @ApiProperty({ format: 'uuid' })
  regionId!: string;
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty()
  rideMinutes!: number;
  @ApiProperty({ description: 'Straight-line metres of the ride (≈ 1154)' })
  radiusM!: number;
  @ApiProperty({ type: [CoverageStationResponse] })
  stations!: CoverageStation[];
  @ApiProperty({ type: CoverageReportsResponse })
  reports!: CoverageReportsResponse;
  @ApiProperty({ type: [CoverageReportPointResponse] })
  points!: CoverageReportPoint[];
}
