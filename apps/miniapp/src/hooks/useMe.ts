import Taro from '@tarojs/taro';
import { CONSENT_KINDS, type MeResponse } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../i18n';
import { toApiError, type ApiError } from '../services/api-error';
import { reconcileConsents } from '../services/consent';
import { getMe } from '../services/me';
import { session } from '../services/session';
import { useSession } from './useSession';

export type MeState =
  | { phase: 'signed-out' }
  | { phase: 'loading' }
  | { phase: 'ready'; user: MeResponse }
  | { phase: 'error'; error: ApiError };

/**
 * The 我的 tab's account: the session's user, fetched again on `reload` (each time the tab
 * shows). A failed refresh keeps the profile on screen and says so briefly; only a first load
 * that fails is an error screen. A dead session turns the state to 'signed-out' by itself.
 */
export function useMe(): [MeState, () => Promise<void>] {
  const { signedIn, user } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    if (session.get() === null) return;
    const ticket = ++generation.current;
    setError(null);
    const shown = session.getUser() !== null;
    try {
      const fresh = await getMe();
      // Best effort: a consent decided while signed out (or a failed sync) reaches the server.
      reconcileConsents(fresh, CONSENT_KINDS).catch(() => undefined);
    } catch (caught) {
      if (ticket !== generation.current) return;
      const apiError = toApiError(caught);
      if (shown) {
        void Taro.showToast({ title: errorMessage(apiError.code), icon: 'none' });
      } else {
        setError(apiError);
      }
    }
  }, []);

  if (!signedIn) return [{ phase: 'signed-out' }, reload];
  if (user) return [{ phase: 'ready', user }, reload];
  if (error) return [{ phase: 'error', error }, reload];
  return [{ phase: 'loading' }, reload];
}
