import { useSyncExternalStore } from 'react';
import { checkinFlow, type CheckinFlow, type CheckinState } from '../services/checkin-flow';

/**
 * The check-in in progress (services/checkin-flow.ts): the scan tab starts it, the result page
 * shows its outcome and retries it; both re-render as it moves on.
 */
export function useCheckin(): [CheckinState, CheckinFlow] {
  const state = useSyncExternalStore(
    checkinFlow.subscribe,
    checkinFlow.getState,
    checkinFlow.getState,
  );
  return [state, checkinFlow];
}
