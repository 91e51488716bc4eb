import type { Redemption } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../services/api-error';
import { hasUnsettledRedemption, redeemReward } from '../services/redemptions';

export interface RedeemState {
  sending: boolean;
  /** Why the last try failed; the page words it with the 'redeem' context. */
  error: ApiError | null;
  /**
   * The last try got no definite answer: it may have spent the points. The next try re-sends
   * the same key (and needs no new confirmation: the user already agreed to this spend).
   */
  unsettled: boolean;
}

/** Redeeming one reward: a double tap sends once, and a retry never spends twice. */
export function useRedeem(
  rewardId: string | undefined,
): [RedeemState, () => Promise<Redemption | null>] {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [unsettled, setUnsettled] = useState(() =>
    rewardId ? hasUnsettledRedemption(rewardId) : false,
  );
  const inFlight = useRef(false);

  const redeem = useCallback(async (): Promise<Redemption | null> => {
    if (!rewardId || inFlight.current) return null;
    inFlight.current = true;
    setSending(true);
    setError(null);
    try {
      return await redeemReward(rewardId);
    } catch (caught) {
      setError(toApiError(caught));
      return null;
    } finally {
      inFlight.current = false;
      setSending(false);
      setUnsettled(hasUnsettledRedemption(rewardId));
    }
  }, [rewardId]);

  return [{ sending, error, unsettled }, redeem];
}
