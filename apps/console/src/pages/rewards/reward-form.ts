import {
  type CreateRewardDto,
  type LimitPeriod,
  type RewardStatus,
  type RewardSummary,
  type UpdateRewardDto,
  DEFAULT_CODE_VALID_HOURS,
} from '@yizhan/contracts';
import type { Dayjs } from 'dayjs';
import { fromShanghaiPickerValue, toShanghaiPickerValue } from '../../i18n/shanghai-time';

export type PlaceType = 'merchant' | 'station';

/** The reward editor's form values. */
export interface RewardFormValues {
  title: string;
  description?: string | null;
  pointsCost: number | null;
  placeType: PlaceType;
  merchantId?: string;
  stationId?: string;
  stockUnlimited: boolean;
  stock?: number | null;
  perUserLimit?: number | null;
  limitPeriod: LimitPeriod;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  codeValidHours: number;
  status: RewardStatus;
}

/** What a reward can be redeemed for now, in one word. */
export type RewardState = 'available' | 'paused' | 'notYet' | 'ended' | 'soldOut';

export function rewardState(reward: RewardSummary, now = new Date()): RewardState {
  if (reward.status === 'paused') return 'paused';
  if (reward.validFrom && new Date(reward.validFrom) > now) return 'notYet';
  if (reward.validTo && new Date(reward.validTo) <= now) return 'ended';
  if (reward.stock !== null && reward.stock <= 0) return 'soldOut';
  return 'available';
}

export function emptyRewardForm(): RewardFormValues {
  return {
    title: '',
    description: '',
    pointsCost: null,
    placeType: 'merchant',
    stockUnlimited: true,
    stock: null,
    perUserLimit: null,
    limitPeriod: 'total',
    validFrom: null,
    validTo: null,
    codeValidHours: DEFAULT_CODE_VALID_HOURS,
    status: 'active',
  };
}

export function rewardToForm(reward: RewardSummary): RewardFormValues {
  return {
    title: reward.title,
    description: reward.description ?? '',
    pointsCost: reward.pointsCost,
    placeType: reward.station ? 'station' : 'merchant',
    merchantId: reward.merchant?.id,
    stationId: reward.station?.id,
    stockUnlimited: reward.stock === null,
    stock: reward.stock,
    perUserLimit: reward.perUserLimit,
    limitPeriod: reward.limitPeriod ?? 'total',
    validFrom: toShanghaiPickerValue(reward.validFrom),
    validTo: toShanghaiPickerValue(reward.validTo),
    codeValidHours: reward.codeValidHours,
    status: reward.status,
  };
}

/** The fields PATCH takes, from the form, with null for "none". */
function toFields(values: RewardFormValues) {
  const perUserLimit = values.perUserLimit ?? null;
  return {
    title: values.title.trim(),
    description: values.description?.trim() || null,
    pointsCost: values.pointsCost as number,
    stock: values.stockUnlimited ? null : (values.stock ?? 0),
    perUserLimit,
    // A period without a limit means nothing (the API drops it too).
    limitPeriod: perUserLimit ? values.limitPeriod : undefined,
    validFrom: fromShanghaiPickerValue(values.validFrom),
    validTo: fromShanghaiPickerValue(values.validTo),
    codeValidHours: values.codeValidHours,
    status: values.status,
  };
}

/** `POST /rewards`: exactly one of merchantId and stationId; "none" is left out. */
export function toCreateReward(values: RewardFormValues): CreateRewardDto {
  const fields = toFields(values);
  const dto: CreateRewardDto = {
    title: fields.title,
    pointsCost: fields.pointsCost,
    codeValidHours: fields.codeValidHours,
  };
  if (values.placeType === 'merchant') dto.merchantId = values.merchantId;
  else dto.stationId = values.stationId;
  if (fields.description) dto.description = fields.description;
  if (fields.stock !== null) dto.stock = fields.stock;
  if (fields.perUserLimit !== null) {
    dto.perUserLimit = fields.perUserLimit;
    dto.limitPeriod = fields.limitPeriod;
  }
  if (fields.validFrom) dto.validFrom = fields.validFrom;
  if (fields.validTo) dto.validTo = fields.validTo;
  return dto;
}

/** `PATCH /rewards/:id`: only what differs from the stored reward. */
export function toUpdateReward(values: RewardFormValues, reward: RewardSummary): UpdateRewardDto {
  const before = toFields(rewardToForm(reward));
  const after = toFields(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes as UpdateRewardDto;
}
