import { PointsAccountKind } from '@yizhan/contracts';
import { uuidV5 } from '../../common/uuid';

/** Namespace of ledger account ids: an account's id follows from its kind and owner. */
export const LEDGER_NAMESPACE = '0b8f4f6e-6a43-5e0c-9b1d-3c5f2e7a9d41';

/** Which account: the kind and the owner (user, region or merchant), with the region it lies in. */
export interface AccountRef {
  kind: PointsAccountKind;
  ownerId: string;
  /** Region of a newly opened account; an existing account keeps its own. */
  regionId: string | null;
}

export function accountIdOf(ref: Pick<AccountRef, 'kind' | 'ownerId'>): string {
  return uuidV5(`${ref.kind}:${ref.ownerId}`, LEDGER_NAMESPACE);
}

export const workerAccount = (userId: string, homeRegionId: string | null = null): AccountRef => ({
  kind: 'worker_points',
  ownerId: userId,
  regionId: homeRegionId,
});

export const regionPool = (regionId: string): AccountRef => ({
  kind: 'region_pool',
  ownerId: regionId,
  regionId,
});

export const merchantClearing = (merchantId: string, regionId: string): AccountRef => ({
  kind: 'merchant_clearing',
  ownerId: merchantId,
  regionId,
});

/**
 * Accounts that may not spend more than they hold. A region pool is the issuer: its balance is
 * minus what it has issued, so it alone may go below zero.
 */
export function isSpendGuarded(kind: PointsAccountKind): boolean {
  return kind !== 'region_pool';
}

/**
 * Accounts that many workers' movements touch (a district's pool, a merchant's clearing): their
 * rows are the ledger's hot locks, taken last in every movement.
 */
export function isSharedAccount(kind: PointsAccountKind): boolean {
  return kind !== 'worker_points';
}
