import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../i18n';
import { toApiError, type ApiError } from '../services/api-error';

export type ResourceState<Data> =
  { phase: 'loading' } | { phase: 'ready'; data: Data } | { phase: 'error'; error: ApiError };

export interface ResourceActions<Data> {
  /**
   * Fetches again; while data is shown it stays, and a failure is said in a toast (or, `quiet`,
   * not at all: a background poll must not nag every few seconds while the phone is offline).
   */
  reload: (options?: { quiet?: boolean }) => Promise<void>;
  /** Shows a fresher copy the page already has (the answer of a cancel or a fulfil). */
  replace: (data: Data) => void;
  /** Forgets the data and drops answers under way (sign-out: the next user must not see it). */
  reset: () => void;
}

/**
 * One thing fetched from the API (a balance, a reward, a redemption). Nothing loads until the
 * page calls `reload`, usually from `useDidShow`; answers of an older reload are dropped. A
 * first load that fails is the error state (a 404 too: the page decides how to word it).
 */
export function useResource<Data>(
  load: () => Promise<Data>,
): [ResourceState<Data>, ResourceActions<Data>] {
  const [state, setState] = useState<ResourceState<Data>>({ phase: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const set = useCallback((next: ResourceState<Data>) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const reload = useCallback(
    async (options?: { quiet?: boolean }): Promise<void> => {
      const ticket = ++generation.current;
      const shown = stateRef.current.phase === 'ready';
      if (!shown) set({ phase: 'loading' });
      try {
        const data = await loadRef.current();
        if (ticket === generation.current) set({ phase: 'ready', data });
      } catch (caught) {
        if (ticket !== generation.current) return;
        const error = toApiError(caught);
        if (shown) {
          if (!options?.quiet)
            void Taro.showToast({ title: errorMessage(error.code), icon: 'none' });
        } else {
          set({ phase: 'error', error });
        }
      }
    },
    [set],
  );

  const replace = useCallback(
    (data: Data) => {
      // An answer in hand is newer than any reload still under way.
      generation.current += 1;
      set({ phase: 'ready', data });
    },
    [set],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    set({ phase: 'loading' });
  }, [set]);

  return [state, { reload, replace, reset }];
}
