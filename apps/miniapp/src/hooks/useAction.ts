import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, type ErrorContext } from '../i18n';
import { toApiError } from '../services/api-error';

/**
 * One button's async action: `running` drives its loading state, a second tap while it runs
 * does nothing, and a failure becomes a translated toast (the action's own success feedback
 * stays with the caller).
 */
export function useAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
  context?: ErrorContext,
): [running: boolean, run: (...args: Args) => Promise<void>] {
  const [running, setRunning] = useState(false);
  const inFlight = useRef(false);
  const latest = useRef(action);
  latest.current = action;

  const run = useCallback(
    async (...args: Args): Promise<void> => {
      if (inFlight.current) return;
      inFlight.current = true;
      setRunning(true);
      try {
        await latest.current(...args);
      } catch (caught) {
        void Taro.showToast({
          title: errorMessage(toApiError(caught).code, context),
          icon: 'none',
        });
      } finally {
        inFlight.current = false;
        setRunning(false);
      }
    },
    [context],
  );

  return [running, run];
}
