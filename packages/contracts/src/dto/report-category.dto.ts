import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  CATEGORY_CODE_PATTERN,
  CATEGORY_ICONS,
  MAX_SLA_HOURS,
  MIN_SLA_HOURS,
  type CategoryIcon,
} from '../report-values';

/**
 * `GET /report-categories`: the categories that apply at a place (`lat`/`lng`, as a report there
 * would be filed) or in a region; without either, the caller's own region (staff) or every
 * category in service, one per code (workers). A region's own category overrides an ancestor's
 * of the same code.
 */
export class ListReportCategoriesQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;

  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export interface ReportCategoryView {
  id: string;
  code: string;
  name: string;
  icon: CategoryIcon;
  /** Hours from submission until a report is overdue. */
  slaHours: number;
  regionId: string;
  defaultDepartment: { id: string; name: string } | null;
  active: boolean;
  sortOrder: number;
}

/** `POST /report-categories` (district_admin, inside their region). */
export class CreateReportCategoryDto {
  @IsUUID()
  regionId!: string;

  @IsString()
  @Matches(CATEGORY_CODE_PATTERN, { message: 'code must be lowercase letters, digits and _' })
  code!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(32)
  name!: string;

  @IsIn(CATEGORY_ICONS)
  icon!: CategoryIcon;

  @Type(() => Number)
  @IsInt()
  @Min(MIN_SLA_HOURS)
  @Max(MAX_SLA_HOURS)
  slaHours!: number;

  @IsOptional()
  @IsUUID()
  defaultDepartmentId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;
}

/** `PATCH /report-categories/:id` (district_admin of its region). The code never changes. */
export class UpdateReportCategoryDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  name?: string;

  @IsOptional()
  @IsIn(CATEGORY_ICONS)
  icon?: CategoryIcon;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_SLA_HOURS)
  @Max(MAX_SLA_HOURS)
  slaHours?: number;

  /** null clears the default department. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  defaultDepartmentId?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  sortOrder?: number;
}

/** `GET /departments?regionId=`: the departments serving a region (its own and its ancestors'). */
export class ListDepartmentsQueryDto {
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

/** `POST /departments` (district_admin, inside their region). */
export class CreateDepartmentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsUUID()
  regionId!: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\-() ]{5,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;
}

export interface DepartmentView {
  id: string;
  name: string;
  regionId: string;
  phone: string | null;
}
