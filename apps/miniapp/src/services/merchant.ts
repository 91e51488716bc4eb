import {
  Routes,
  type CounterRedemption,
  type Page,
  type RedemptionStatus,
} from '@yizhan/contracts';
import { request, requestText } from './request';

/** The merchant counter: verify and fulfil workers' codes, today's list, settlement. */

export interface ListCounterRedemptionsQuery {
  status?: RedemptionStatus;
  /** Local dates `YYYY-MM-DD` bounding when the codes were issued. */
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** `POST /redemptions/verify`: what a code is for, with the worker masked. Changes nothing. */
export function verifyRedemptionCode(code: string): Promise<CounterRedemption> {
  return request<CounterRedemption>(Routes.redemptionsVerify, { method: 'POST', body: { code } });
}

/** `POST /redemptions/fulfil`: hands the reward over; a second time is 409. */
export function fulfilRedemptionCode(code: string): Promise<CounterRedemption> {
  return request<CounterRedemption>(Routes.redemptionsFulfil, { method: 'POST', body: { code } });
}

/** `GET /merchant/redemptions`: the caller's merchant's (or station's) codes, newest first. */
export function listCounterRedemptions(
  query: ListCounterRedemptionsQuery = {},
): Promise<Page<CounterRedemption>> {
  return request<Page<CounterRedemption>>(Routes.merchantRedemptions, {
    query: {
      status: query.status,
      from: query.from,
      to: query.to,
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}

/** `GET /merchant/settlement`: CSV of the codes fulfilled between two local dates (inclusive). */
export function getSettlementCsv(from: string, to: string): Promise<string> {
  return requestText(Routes.merchantSettlement, { query: { from, to } });
}
