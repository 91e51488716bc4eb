import { useDidHide, useDidShow } from '@tarojs/taro';
import { type Redemption, RedemptionStatus } from '@yizhan/contracts';
import { useCallback, useEffect, useRef } from 'react';
import { getRedemption, getRedemptionQrDataUrl } from '../services/redemptions';
import { secondsUntil } from '../utils/datetime';
import { useCountdown } from './useCountdown';
import { useResource, type ResourceState } from './useResource';

/**
 * While a code waits at the counter, how often the page asks whether it was used: the worker
 * holds the phone up and should see 已核销 within seconds of the merchant scanning, without
 * touching anything. Only while the page is shown and the code is issued.
 */
export const CODE_POLL_MS = 5_000;

export interface RedemptionCodeState {
  redemption: ResourceState<Redemption>;
  /** The QR image as a data URL; loaded only for an issued code. */
  qr: ResourceState<string>;
  /** What to show: an issued code whose time ran out is expired, before the server says so. */
  status: RedemptionStatus | null;
  /** Whole seconds left to use an issued code. */
  secondsLeft: number;
}

export interface RedemptionCodeActions {
  reload: () => Promise<void>;
  reloadQr: () => Promise<void>;
  /** Shows the answer of a cancel. */
  replace: (redemption: Redemption) => void;
}

/** The code page: the redemption, its QR, the expiry countdown and a light poll for 已核销. */
export function useRedemptionCode(
  id: string | undefined,
): [RedemptionCodeState, RedemptionCodeActions] {
  const [redemption, redemptionActions] = useResource(
    useCallback(() => getRedemption(id ?? ''), [id]),
  );
  const [qr, qrActions] = useResource(useCallback(() => getRedemptionQrDataUrl(id ?? ''), [id]));
  const [secondsLeft, startCountdown] = useCountdown();
  const shown = useRef(false);
  const { reload: reloadRedemption } = redemptionActions;
  const { reload: reloadQr } = qrActions;

  const current = redemption.phase === 'ready' ? redemption.data : null;
  const issued = current?.status === RedemptionStatus.Issued;
  const expiresAt = current?.expiresAt;

  useDidShow(() => {
    shown.current = true;
    void reloadRedemption();
  });

  useDidHide(() => {
    shown.current = false;
  });

  // The countdown follows the server's expiry, not a local guess of it.
  useEffect(() => {
    if (issued && expiresAt) startCountdown(secondsUntil(expiresAt));
    else startCountdown(0);
  }, [issued, expiresAt, startCountdown]);

  // The QR is only worth fetching while the code can still be used: once, when that is known
  // (a poll that finds it still issued does not fetch it again; a failed one has its own retry).
  useEffect(() => {
    if (issued) void reloadQr();
  }, [issued, reloadQr]);

  useEffect(() => {
    if (!issued) return undefined;
    const timer = setInterval(() => {
      if (shown.current) void reloadRedemption({ quiet: true });
    }, CODE_POLL_MS);
    return () => clearInterval(timer);
  }, [issued, reloadRedemption]);

  // Time ran out on screen: ask the server once, which answers expired (and has refunded).
  // Both checks: the countdown reads 0 before its first start, too.
  const ranOut =
    issued && expiresAt !== undefined && secondsLeft === 0 && secondsUntil(expiresAt) === 0;
  useEffect(() => {
    if (ranOut) void reloadRedemption({ quiet: true });
  }, [ranOut, reloadRedemption]);

  const status: RedemptionStatus | null = current
    ? ranOut
      ? RedemptionStatus.Expired
      : current.status
    : null;

  const reload = useCallback(() => reloadRedemption(), [reloadRedemption]);

  return [
    { redemption, qr, status, secondsLeft },
    { reload, reloadQr, replace: redemptionActions.replace },
  ];
}
