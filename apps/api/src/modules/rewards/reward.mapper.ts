import { RewardPlace, RewardSummary } from '@yizhan/contracts';
import { MerchantEntity } from '../merchants/merchant.entity';
import { StationEntity } from '../stations/station.entity';
import { RewardEntity } from './reward.entity';

/** Why a reward cannot be redeemed at `now` (stock aside), or null when it can. */
export function unavailabilityOf(reward: RewardEntity, now: Date): string | null {
  if (reward.status !== 'active') return 'This reward is paused';
  if (reward.validFrom && reward.validFrom > now) return 'This reward is not available yet';
  if (reward.validTo && reward.validTo <= now) return 'This reward has ended';
  return null;
}

export function toRewardPlace(place: MerchantEntity | StationEntity): RewardPlace {
  return {
    id: place.id,
    name: place.name,
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    phone: place.phone,
  };
}

/** The reward's coordinates: its merchant's or station's. */
export function placeOf(reward: RewardEntity): MerchantEntity | StationEntity | null {
  return reward.merchant ?? reward.station ?? null;
}

export function toRewardSummary(
  reward: RewardEntity,
  now: Date,
  distanceM?: number,
): RewardSummary {
  const summary: RewardSummary = {
    id: reward.id,
    title: reward.title,
    description: reward.description,
    pointsCost: reward.pointsCost,
    stock: reward.stock,
    merchant: reward.merchant ? toRewardPlace(reward.merchant) : null,
    station: reward.station ? toRewardPlace(reward.station) : null,
    regionId: reward.regionId,
    perUserLimit: reward.perUserLimit,
    limitPeriod: reward.limitPeriod,
    validFrom: reward.validFrom?.toISOString() ?? null,
    validTo: reward.validTo?.toISOString() ?? null,
    codeValidHours: reward.codeValidHours,
    status: reward.status,
    available:
      unavailabilityOf(reward, now) === null && (reward.stock === null || reward.stock > 0),
    createdAt: reward.createdAt.toISOString(),
  };
  if (distanceM !== undefined) summary.distanceM = Math.round(distanceM);
  return summary;
}
