import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from './pagination.dto';
import {
  normalizeRedemptionCode,
  REDEMPTION_CODE_PATTERN,
  REDEMPTION_STATUSES,
  type RedemptionStatus,
} from '../redemption-code';
import { IDEMPOTENCY_KEY_PATTERN } from '../points-values';

/** `POST /redemptions`: the same key again answers the first redemption (200). */
export class CreateRedemptionDto {
  @IsUUID()
  rewardId!: string;

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, {
    message: 'idempotencyKey must be 8–100 letters, digits or . _ : -',
  })
  idempotencyKey!: string;
}

/** `POST /redemptions/verify` and `/fulfil` (merchant staff of the reward's merchant, or the station's manager). */
export class RedemptionCodeDto {
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeRedemptionCode(value) : value,
  )
  @IsString()
  @Matches(REDEMPTION_CODE_PATTERN, { message: 'code must be 12 digits' })
  code!: string;
}

export class ListRedemptionsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES)
  status?: RedemptionStatus;
}

/**
 * `GET /merchant/redemptions`: the codes of the caller's merchant (merchant staff) or station
 * (station manager); a district admin names a merchant or station of their region. `from`/`to`
 * bound the issue time by local dates of the counter's region (YYYY-MM-DD), both inclusive.
 */
export class ListMerchantRedemptionsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES)
  status?: RedemptionStatus;

  @IsOptional()
  @IsUUID()
  merchantId?: string;

  @IsOptional()
  @IsUUID()
  stationId?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

/**
 * `GET /merchant/settlement` → CSV of the codes fulfilled in `[from, to]` (local dates of the
 * merchant's region, both inclusive) with their points, for settling with the district.
 */
export class SettlementQueryDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @IsOptional()
  @IsUUID()
  merchantId?: string;

  @IsOptional()
  @IsUUID()
  stationId?: string;
}

/** A worker's own redemption (`POST /redemptions`, `GET /redemptions`). */
export interface Redemption {
  id: string;
  code: string;
  status: RedemptionStatus;
  pointsCost: number;
  reward: { id: string; title: string };
  merchant: { id: string; name: string; address: string; phone: string | null } | null;
  station: { id: string; name: string; address: string; phone: string | null } | null;
  expiresAt: string;
  createdAt: string;
  fulfilledAt: string | null;
  cancelledAt: string | null;
}

/** What the counter sees: the redemption with the worker masked. */
export interface CounterRedemption {
  id: string;
  /** Only the last four digits: the full code is the worker's to show. */
  codeTail: string;
  status: RedemptionStatus;
  pointsCost: number;
  reward: { id: string; title: string };
  merchantId: string | null;
  stationId: string | null;
  worker: { nickname: string | null; phoneMasked: string | null };
  expiresAt: string;
  createdAt: string;
  fulfilledAt: string | null;
}
