import type { ConsentKind } from '@yizhan/contracts';
import { useSyncExternalStore } from 'react';
import {
  localDecision,
  grantedOnServer,
  subscribeConsents,
  type ConsentState,
} from '../services/consent';
import { useSession } from './useSession';

/** The consent state of one kind, re-rendering when this device's decision or the user changes. */
export function useConsent(kind: ConsentKind): ConsentState {
  const { user } = useSession();
  // A primitive snapshot (true / false / null) is stable between changes, as React requires.
  const local = useSyncExternalStore(
    subscribeConsents,
    () => localDecision(kind)?.granted ?? null,
    () => localDecision(kind)?.granted ?? null,
  );
  if (local !== null) return local ? 'granted' : 'refused';
  return grantedOnServer(user, kind) ? 'granted' : 'undecided';
}
