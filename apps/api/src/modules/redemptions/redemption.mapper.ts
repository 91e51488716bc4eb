import { CounterRedemption, Redemption, RedemptionStatus } from '@yizhan/contracts';
import { MerchantEntity } from '../merchants/merchant.entity';
import { StationEntity } from '../stations/station.entity';
import { RedemptionEntity } from './redemption.entity';

/**
 * The status a person should see: an `issued` code past its expiry is `expired` at once, even
 * before the expiry job has refunded it (nobody can fulfil it any more).
 */
export function effectiveStatus(redemption: RedemptionEntity, now: Date): RedemptionStatus {
  return redemption.status === 'issued' && redemption.expiresAt <= now
    ? 'expired'
    : redemption.status;
}

function placeView(place: MerchantEntity | StationEntity | null | undefined) {
  return place
    ? { id: place.id, name: place.name, address: place.address, phone: place.phone }
    : null;
}

/** The worker's own view, code included. Needs the reward (and its place) loaded. */
export function toRedemption(redemption: RedemptionEntity, now: Date): Redemption {
  const reward = redemption.reward;
  return {
    id: redemption.id,
    code: redemption.code,
    status: effectiveStatus(redemption, now),
    pointsCost: redemption.pointsCost,
    reward: { id: redemption.rewardId, title: reward?.title ?? '' },
    merchant: placeView(reward?.merchant),
    station: placeView(reward?.station),
    expiresAt: redemption.expiresAt.toISOString(),
    createdAt: redemption.createdAt.toISOString(),
    fulfilledAt: redemption.fulfilledAt?.toISOString() ?? null,
    cancelledAt:
      redemption.status === 'cancelled' ? (redemption.closedAt?.toISOString() ?? null) : null,
  };
}

/** The counter's view: the last four digits only and the worker masked. */
export function toCounterRedemption(
  redemption: RedemptionEntity,
  now: Date,
  phoneMasked: string | null,
): CounterRedemption {
  return {
    id: redemption.id,
    codeTail: redemption.code.slice(-4),
    status: effectiveStatus(redemption, now),
    pointsCost: redemption.pointsCost,
    reward: { id: redemption.rewardId, title: redemption.reward?.title ?? '' },
    merchantId: redemption.merchantId,
    stationId: redemption.stationId,
    worker: { nickname: redemption.user?.nickname ?? null, phoneMasked },
    expiresAt: redemption.expiresAt.toISOString(),
    createdAt: redemption.createdAt.toISOString(),
    fulfilledAt: redemption.fulfilledAt?.toISOString() ?? null,
  };
}
