import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from './pagination.dto';
import { IDEMPOTENCY_KEY_PATTERN } from './points.dto';

/**
 * `issued` codes wait at the counter; `fulfilled` ones were handed over; `cancelled` (by the
 * worker) and `expired` ones gave the points back.
 */
export const RedemptionStatus = {
  Issued: 'issued',
  Fulfilled: 'fulfilled',
  Cancelled: 'cancelled',
  Expired: 'expired',
} as const;
export type RedemptionStatus = (typeof RedemptionStatus)[keyof typeof RedemptionStatus];
export const REDEMPTION_STATUSES: readonly RedemptionStatus[] = Object.values(RedemptionStatus);

/**
 * A redemption code is 12 digits: easy to read aloud in any dialect and to type on a phone's
 * number pad, and ~40 bits of randomness, so with verify attempts rate-limited guessing a live
 * code is hopeless. Shown in groups of four.
 */
export const REDEMPTION_CODE_LENGTH = 12;
export const REDEMPTION_CODE_PATTERN = /^[0-9]{12}$/;

/** Strips the spaces and dashes people type or scanners add: `1234 5678-9012` → `123456789012`. */
export function normalizeRedemptionCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** `123456789012` → `1234 5678 9012`. */
export function formatRedemptionCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

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
