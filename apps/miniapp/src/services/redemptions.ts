import { Routes, type Page, type Redemption, type RedemptionStatus } from '@yizhan/contracts';
import { bytesToBase64 } from '../utils/bytes';
import { ApiError } from './api-error';
import { newIdempotencyKey } from './idempotency';
import { request, requestBytes } from './request';
import { session } from './session';

export interface ListRedemptionsQuery {
  status?: RedemptionStatus;
  limit?: number;
  cursor?: string;
}

/** `POST /redemptions`: 201 with a new code, or 200 with the first one for a key seen before. */
export function createRedemption(rewardId: string, idempotencyKey: string): Promise<Redemption> {
  return request<Redemption>(Routes.redemptions, {
    method: 'POST',
    body: { rewardId, idempotencyKey },
  });
}

/**
 * The key of each reward's redemption whose outcome is unknown (no answer arrived, or a 5xx),
 * by reward id. Trying that reward again sends the same key, so if the first request did spend
 * the points the server answers with that redemption instead of spending twice. A definite
 * answer (2xx, or a 4xx refusal, which stores nothing) settles it and the next confirmation gets
 * a new key. Kept in memory, so it also survives leaving and reopening the reward's page.
 */
const unsettledKeys = new Map<string, string>();

// Another account on this phone must not inherit the last one's keys.
session.subscribe(() => {
  if (session.get() === null) unsettledKeys.clear();
});

/** The server may have acted: no answer, a timeout, a gateway or server error. */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** Redeems a reward once per confirmation, reusing the key after an unknown outcome. */
export async function redeemReward(rewardId: string): Promise<Redemption> {
  const idempotencyKey = unsettledKeys.get(rewardId) ?? newIdempotencyKey('redeem');
  unsettledKeys.set(rewardId, idempotencyKey);
  try {
    const redemption = await createRedemption(rewardId, idempotencyKey);
    unsettledKeys.delete(rewardId);
    return redemption;
  } catch (error) {
    if (!outcomeUnknown(error)) unsettledKeys.delete(rewardId);
    throw error;
  }
}

/** True while a redemption of this reward may have gone through without the client knowing. */
export function hasUnsettledRedemption(rewardId: string): boolean {
  return unsettledKeys.has(rewardId);
}

/** Forgets every unsettled key (sign-out, tests). */
export function forgetUnsettledRedemptions(): void {
  unsettledKeys.clear();
}

/** `GET /redemptions`: the caller's own, newest first. */
export function listRedemptions(query: ListRedemptionsQuery = {}): Promise<Page<Redemption>> {
  return request<Page<Redemption>>(Routes.redemptions, {
    query: { status: query.status, limit: query.limit, cursor: query.cursor },
  });
}

/** `GET /redemptions/:id` (own only; anything else is NOT_FOUND). */
export function getRedemption(id: string): Promise<Redemption> {
  return request<Redemption>(Routes.redemption(id));
}

/**
 * `GET /redemptions/:id/qr` as a `data:` URL: the PNG needs the auth header, which an `<Image>`
 * cannot send, so the bytes come through request.ts and go to the image inline.
 */
export async function getRedemptionQrDataUrl(id: string): Promise<string> {
  const png = await requestBytes(Routes.redemptionQr(id));
  return `data:image/png;base64,${bytesToBase64(new Uint8Array(png))}`;
}

/** `POST /redemptions/:id/cancel`: while issued; the points go back to the worker. */
export function cancelRedemption(id: string): Promise<Redemption> {
  return request<Redemption>(Routes.redemptionCancel(id), { method: 'POST' });
}
