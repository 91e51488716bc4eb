import {
  Routes,
  type Page,
  type PointsBalance,
  type PointsRulesResponse,
  type PointsTransferItem,
} from '@yizhan/contracts';
import { request } from './request';

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** `GET /points/balance`: spendable, pending and held points, and what expires soon. */
export function getPointsBalance(): Promise<PointsBalance> {
  return request<PointsBalance>(Routes.pointsBalance);
}

/** `GET /points/transfers`: the caller's entries, newest first, amounts signed for the caller. */
export function listPointsTransfers(query: PageQuery = {}): Promise<Page<PointsTransferItem>> {
  return request<Page<PointsTransferItem>>(Routes.pointsTransfers, {
    query: { limit: query.limit, cursor: query.cursor },
  });
}

/** `GET /points/rules`: the earning rules of the caller's home region. */
export function getPointsRules(): Promise<PointsRulesResponse> {
  return request<PointsRulesResponse>(Routes.pointsRules);
}
