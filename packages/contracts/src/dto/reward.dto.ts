import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
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
import { NearbyPageQueryDto } from './nearby-query.dto';
import { MAX_POINTS_AMOUNT } from '../points-values';
import {
  LIMIT_PERIODS,
  type LimitPeriod,
  MAX_CODE_VALID_HOURS,
  MAX_PER_USER_LIMIT,
  MAX_REWARD_RADIUS_M,
  MAX_REWARD_STOCK,
  REWARD_STATUSES,
  type RewardStatus,
} from '../reward-values';
import { parseBooleanFlag } from './query-transforms';

/** At least one character that is not white space (titles are stored trimmed). */
const NOT_BLANK = /\S/;

/**
 * `POST /rewards` (district_admin, for a merchant or station inside their region). Exactly one
 * of `merchantId` and `stationId`. `stock` omitted or null means unlimited.
 */
export class CreateRewardDto {
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS_AMOUNT)
  pointsCost!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_REWARD_STOCK)
  stock?: number | null;

  @ValidateIf((dto: CreateRewardDto) => dto.stationId === undefined)
  @IsUUID()
  merchantId?: string;

  @ValidateIf((dto: CreateRewardDto) => dto.merchantId === undefined)
  @IsUUID()
  stationId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PER_USER_LIMIT)
  perUserLimit?: number | null;

  /** The period `perUserLimit` counts in; `total` when omitted. */
  @IsOptional()
  @IsIn(LIMIT_PERIODS)
  limitPeriod?: LimitPeriod;

  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  validTo?: string | null;

  /** Hours an issued code stays valid (never past `validTo`). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CODE_VALID_HOURS)
  codeValidHours?: number;
}

/**
 * `PATCH /rewards/:id` (district_admin of its region). Only the fields sent change; `null`
 * clears an optional one. `stock` sets what is left to redeem (null = unlimited).
 */
export class UpdateRewardDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS_AMOUNT)
  pointsCost?: number;

  @ValidateIf((dto: UpdateRewardDto) => dto.stock !== undefined && dto.stock !== null)
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_REWARD_STOCK)
  stock?: number | null;

  @ValidateIf((dto: UpdateRewardDto) => dto.perUserLimit !== undefined && dto.perUserLimit !== null)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PER_USER_LIMIT)
  perUserLimit?: number | null;

  @IsOptional()
  @IsIn(LIMIT_PERIODS)
  limitPeriod?: LimitPeriod;

  @ValidateIf((dto: UpdateRewardDto) => dto.validFrom !== undefined && dto.validFrom !== null)
  @IsISO8601({ strict: true })
  validFrom?: string | null;

  @ValidateIf((dto: UpdateRewardDto) => dto.validTo !== undefined && dto.validTo !== null)
  @IsISO8601({ strict: true })
  validTo?: string | null;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CODE_VALID_HOURS)
  codeValidHours?: number;

  @IsOptional()
  @IsIn(REWARD_STATUSES)
  status?: RewardStatus;
}

/**
 * `GET /rewards`. Workers see rewards that are active and inside their validity window; with
 * `lat`/`lng` only those within `radius` of that point, nearest first (otherwise cheapest first).
 * `affordable=true` keeps those the caller's spendable balance covers. District admins may add
 * `includeInactive=true` to see paused and out-of-window rewards of their region.
 */
export class ListRewardsQueryDto extends NearbyPageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(MAX_REWARD_RADIUS_M)
  radius?: number;

  @IsOptional()
  @Transform(parseBooleanFlag)
  @IsBoolean()
  affordable?: boolean;

  @IsOptional()
  @IsUUID()
  merchantId?: string;

  @IsOptional()
  @IsUUID()
  stationId?: string;

  @IsOptional()
  @IsUUID()
  regionId?: string;

  @IsOptional()
  @Transform(parseBooleanFlag)
  @IsBoolean()
  includeInactive?: boolean;
}

/** Where a reward is redeemed: a partner merchant or a station. Coordinates are GCJ-02. */
export interface RewardPlace {
  id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  phone: string | null;
}

export interface RewardSummary {
  id: string;
  title: string;
  description: string | null;
  pointsCost: number;
  /** Units left to redeem; null = unlimited. */
  stock: number | null;
  merchant: RewardPlace | null;
  station: RewardPlace | null;
  regionId: string;
  perUserLimit: number | null;
  limitPeriod: LimitPeriod | null;
  validFrom: string | null;
  validTo: string | null;
  codeValidHours: number;
  status: RewardStatus;
  /** Active, inside its window and in stock: a worker could redeem it now (limits aside). */
  available: boolean;
  /** Metres from the asked point, when the list was asked with lat/lng. */
  distanceM?: number;
  createdAt: string;
}
