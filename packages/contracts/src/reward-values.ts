/** The period a per-worker limit counts in (local to the reward's region); `total` never resets. */
export const LimitPeriod = {
  Day: 'day',
  Week: 'week',
  Month: 'month',
  Total: 'total',
} as const;
export type LimitPeriod = (typeof LimitPeriod)[keyof typeof LimitPeriod];
export const LIMIT_PERIODS: readonly LimitPeriod[] = Object.values(LimitPeriod);

/** `paused` rewards are hidden from workers and cannot be redeemed; existing codes stay valid. */
export const RewardStatus = {
  Active: 'active',
  Paused: 'paused',
} as const;
export type RewardStatus = (typeof RewardStatus)[keyof typeof RewardStatus];
export const REWARD_STATUSES: readonly RewardStatus[] = Object.values(RewardStatus);

export const MAX_REWARD_STOCK = 1_000_000;
export const MAX_PER_USER_LIMIT = 1_000;
/** How long an issued code stays valid unless the reward says otherwise. */
export const DEFAULT_CODE_VALID_HOURS = 72;
export const MAX_CODE_VALID_HOURS = 24 * 30;
/** Default and largest radius of the "near me" filter, metres. */
export const DEFAULT_REWARD_RADIUS_M = 5_000;
export const MAX_REWARD_RADIUS_M = 50_000;
