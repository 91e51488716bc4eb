import type { RewardPlace, RewardSummary } from '@yizhan/contracts';
import { t } from '../i18n';

/** Where the reward is handed over: its merchant, or its station. */
export function rewardPlace(
  reward: Pick<RewardSummary, 'merchant' | 'station'>,
): RewardPlace | null {
  return reward.merchant ?? reward.station;
}

export type RewardAvailability =
  | { kind: 'sold-out'; label: string }
  | { kind: 'unavailable'; label: string }
  | { kind: 'short'; label: string; shortBy: number }
  | { kind: 'redeemable'; label: string };

/**
 * Whether this user could redeem it now, in the order that decides: no stock, outside its
 * window (or paused), not enough points (when the balance is known), else redeemable.
 * Per-person limits are only known to the server; its refusal says so.
 */
export function rewardAvailability(
  reward: Pick<RewardSummary, 'available' | 'stock' | 'pointsCost'>,
  balance: number | null,
): RewardAvailability {
  if (reward.stock === 0) return { kind: 'sold-out', label: t('reward.soldOut') };
  if (!reward.available) return { kind: 'unavailable', label: t('reward.unavailable') };
  if (balance !== null && balance < reward.pointsCost) {
    const shortBy = reward.pointsCost - balance;
    return { kind: 'short', label: t('reward.shortBy', { n: shortBy }), shortBy };
  }
  return { kind: 'redeemable', label: t('reward.redeem') };
}

/** 剩 5 件 / 不限量 / 已兑完. */
export function stockLabel(stock: number | null): string {
  if (stock === null) return t('reward.unlimited');
  if (stock === 0) return t('reward.soldOut');
  return t('reward.stockLeft', { n: stock });
}

/** 每人每周限兑 1 次 (a limit without a period counts in total). */
export function limitLabel(reward: Pick<RewardSummary, 'perUserLimit' | 'limitPeriod'>): string {
  if (reward.perUserLimit === null) return t('reward.limit.none');
  const n = reward.perUserLimit;
  switch (reward.limitPeriod) {
    case 'day':
      return t('reward.limit.day', { n });
    case 'week':
      return t('reward.limit.week', { n });
    case 'month':
      return t('reward.limit.month', { n });
    default:
      return t('reward.limit.total', { n });
  }
}
