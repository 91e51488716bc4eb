import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
} from 'class-validator';
import { PageQueryDto } from './pagination.dto';
import {
  type TransferKind,
  type EarningKind,
  EARNING_KINDS,
  type TransferStatus,
  type ExpiryPolicy,
  EXPIRY_POLICIES,
  MAX_POINTS_AMOUNT,
  IDEMPOTENCY_KEY_PATTERN,
} from '../points-values';

/** `GET /points/balance`. */
export interface PointsBalance {
  /** Spendable now: posted points minus points held for pending spends. */
  balance: number;
  /** Credits awaiting a decision (e.g. a report still to be confirmed); not spendable yet. */
  pending: number;
  /** Points held by pending spends; already taken out of `balance`. */
  held: number;
  /** Spendable points lapsing within EXPIRING_SOON_DAYS, soonest first. */
  expiringSoon: Array<{ amount: number; expiresAt: string }>;
  /** The next lapse of any spendable points, however far away; null if none expire. */
  nextExpiry: { amount: number; expiresAt: string } | null;
  /** The region whose rules apply to this worker (their home region), null before the first earning. */
  homeRegionId: string | null;
}

/** One entry of `GET /points/transfers`, signed for the caller (+ in, − out). */
export interface PointsTransferItem {
  id: string;
  amount: number;
  kind: TransferKind;
  status: TransferStatus;
  refType: string | null;
  refId: string | null;
  createdAt: string;
}

export class ListPointsTransfersQueryDto extends PageQueryDto {}

/** `GET /points/rules` query: the caller's home region unless a region is named. */
export class GetPointsRulesQueryDto {
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

/** One earning rule as it applies to a region (it may be inherited from an ancestor region). */
export interface PointsRule {
  id: string;
  /** The region that defined the rule (the asked region or its nearest ancestor with one). */
  regionId: string;
  kind: EarningKind;
  points: number;
  dailyCap: number | null;
  weeklyCap: number | null;
  expiryPolicy: ExpiryPolicy;
}

export interface PointsRulesResponse {
  /** The region the rules were resolved for; null when the caller has no home region yet. */
  regionId: string | null;
  items: PointsRule[];
}

/** `PUT /points/rules` (district_admin, inside their region): creates or replaces one rule. */
export class UpsertPointsRuleDto {
  @IsUUID()
  regionId!: string;

  @IsIn(EARNING_KINDS)
  kind!: EarningKind;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS_AMOUNT)
  points!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS_AMOUNT)
  dailyCap?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_POINTS_AMOUNT)
  weeklyCap?: number;

  @IsOptional()
  @IsIn(EXPIRY_POLICIES)
  expiryPolicy?: ExpiryPolicy;
}

/**
 * `POST /points/adjustments` (district_admin, for a worker whose home region is in theirs).
 * `amount` is signed and non-zero; the same `idempotencyKey` from the same admin returns the
 * first result, with a different body it is refused (409 IDEMPOTENCY_KEY_REUSED).
 */
export class CreatePointsAdjustmentDto {
  @IsUUID()
  userId!: string;

  @Type(() => Number)
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_POINTS_AMOUNT)
  @Max(MAX_POINTS_AMOUNT)
  amount!: number;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason!: string;

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, {
    message: 'idempotencyKey must be 8–100 letters, digits or . _ : -',
  })
  idempotencyKey!: string;
}

export interface PointsAdjustment {
  transferId: string;
  userId: string;
  /** Signed for the worker. */
  amount: number;
  reason: string;
  createdAt: string;
}

/** One disagreement found by the ledger check. */
export interface LedgerMismatch {
  /** The account, or null for a whole-book property (the books not balancing). */
  accountId: string | null;
  /** What disagrees: `balance`, `pending_debit`, `pending_credit`, `lots`, `negative`, `books`, `pending_books`. */
  field: string;
  cached: number;
  computed: number;
}

/** `GET /admin/ledger/check` and `cli ledger:check`: zero mismatches is the invariant. */
export interface LedgerCheckResult {
  accounts: number;
  transfers: number;
  mismatches: LedgerMismatch[];
  checkedAt: string;
}
