/**
 * Points values the client needs at run time (kinds, statuses, limits), kept free of DTO
 * classes: their decorators need reflect-metadata, which the mini-program does not ship.
 */

/** What a ledger account holds: a worker's points, a region's issuance pool, a merchant's clearing. */
export const PointsAccountKind = {
  WorkerPoints: 'worker_points',
  RegionPool: 'region_pool',
  MerchantClearing: 'merchant_clearing',
} as const;
export type PointsAccountKind = (typeof PointsAccountKind)[keyof typeof PointsAccountKind];
export const POINTS_ACCOUNT_KINDS: readonly PointsAccountKind[] = Object.values(PointsAccountKind);

/** Why points moved. The first five are earning kinds that an earning rule can price. */
export const TransferKind = {
  Checkin: 'checkin',
  Report: 'report',
  Volunteer: 'volunteer',
  Survey: 'survey',
  Manual: 'manual',
  Redemption: 'redemption',
  Refund: 'refund',
  Expiry: 'expiry',
  Reversal: 'reversal',
} as const;
export type TransferKind = (typeof TransferKind)[keyof typeof TransferKind];
export const TRANSFER_KINDS: readonly TransferKind[] = Object.values(TransferKind);

export const EarningKind = {
  Checkin: 'checkin',
  Report: 'report',
  Volunteer: 'volunteer',
  Survey: 'survey',
  Manual: 'manual',
} as const;
export type EarningKind = (typeof EarningKind)[keyof typeof EarningKind];
export const EARNING_KINDS: readonly EarningKind[] = Object.values(EarningKind);

/**
 * `pending` points are held for a later decision (not spendable); `posted` ones count;
 * `voided` ones were released without effect.
 */
export const TransferStatus = {
  Pending: 'pending',
  Posted: 'posted',
  Voided: 'voided',
} as const;
export type TransferStatus = (typeof TransferStatus)[keyof typeof TransferStatus];
export const TRANSFER_STATUSES: readonly TransferStatus[] = Object.values(TransferStatus);

/** When earned points lapse: never, or at the end of the calendar year after the one they were earned in. */
export const ExpiryPolicy = {
  Never: 'never',
  EndOfNextYear: 'end_of_next_year',
} as const;
export type ExpiryPolicy = (typeof ExpiryPolicy)[keyof typeof ExpiryPolicy];
export const EXPIRY_POLICIES: readonly ExpiryPolicy[] = Object.values(ExpiryPolicy);

/** Largest single adjustment or rule amount: points are small integers, never money-sized. */
export const MAX_POINTS_AMOUNT = 1_000_000;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;

/** Points expiring within this many days are listed in `expiringSoon`. */
export const EXPIRING_SOON_DAYS = 30;
