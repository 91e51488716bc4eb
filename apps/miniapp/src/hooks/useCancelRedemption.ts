import Taro from '@tarojs/taro';
import type { Redemption } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, t } from '../i18n';
import { toApiError } from '../services/api-error';
import { cancelRedemption } from '../services/redemptions';

const DANGER = '#d9381e';

/**
 * 取消兑换 with a confirmation that says what comes back. Resolves with the cancelled
 * redemption; null when the user kept it or the server refused (already used, expired), which
 * is said in a toast — the caller then reloads to show the real state.
 */
export function useCancelRedemption(): [
  cancelling: boolean,
  cancel: (redemption: Redemption) => Promise<Redemption | null>,
] {
  const [cancelling, setCancelling] = useState(false);
  const inFlight = useRef(false);

  const cancel = useCallback(async (redemption: Redemption): Promise<Redemption | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setCancelling(true);
    try {
      const { confirm } = await Taro.showModal({
        title: t('redemption.cancel.title'),
        content: t('redemption.cancel.content', { cost: redemption.pointsCost }),
        confirmText: t('redemption.cancel.confirm'),
        confirmColor: DANGER,
        cancelText: t('redemption.cancel.keep'),
      });
      if (!confirm) return null;
      const cancelled = await cancelRedemption(redemption.id);
      void Taro.showToast({ title: t('redemption.cancel.done'), icon: 'none' });
      return cancelled;
    } catch (caught) {
      void Taro.showToast({
        title: errorMessage(toApiError(caught).code, 'cancelRedemption'),
        icon: 'none',
      });
      return null;
    } finally {
      inFlight.current = false;
      setCancelling(false);
    }
  }, []);

  return [cancelling, cancel];
}
