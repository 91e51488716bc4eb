import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from '../services/session';

/** The signed-in state and user; re-renders on login, profile changes and sign-out. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}
