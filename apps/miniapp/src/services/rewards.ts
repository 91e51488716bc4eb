import { Routes, type Page, type RewardSummary } from '@yizhan/contracts';
import { request } from './request';

/** The client's view of `ListRewardsQueryDto` (the class carries validation we do not need). */
export interface ListRewardsQuery {
  lat?: number;
  lng?: number;
  /** Metres around lat/lng; the API's default (5 km) when omitted. */
  radius?: number;
  /** Only rewards the caller's spendable balance covers. */
  affordable?: boolean;
  merchantId?: string;
  stationId?: string;
  regionId?: string;
  limit?: number;
  cursor?: string;
}

/** `GET /rewards`: nearest first within the radius with lat/lng, cheapest first without. */
export function listRewards(query: ListRewardsQuery = {}): Promise<Page<RewardSummary>> {
  return request<Page<RewardSummary>>(Routes.rewards, {
    query: {
      lat: query.lat,
      lng: query.lng,
      radius: query.radius,
      affordable: query.affordable ? true : undefined,
      merchantId: query.merchantId,
      stationId: query.stationId,
      regionId: query.regionId,
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}

/** `GET /rewards/:id` (404 NOT_FOUND when it is hidden from workers). */
export function getReward(id: string): Promise<RewardSummary> {
  return request<RewardSummary>(Routes.reward(id));
}
