import Taro from '@tarojs/taro';
import type { MeResponse } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, t } from '../i18n';
import { toApiError } from '../services/api-error';
import { loginWithWechat } from '../services/auth';

export interface WechatLoginState {
  busy: boolean;
  error: string | null;
}

/** Taro.login() gives a one-time code; the server trades it with WeChat for the user's openid. */
async function wechatCode(): Promise<string | null> {
  try {
    const { code } = await Taro.login();
    return code ? code : null;
  } catch {
    return null;
  }
}

/** 微信一键登录 (weapp): one tap, no form. */
export function useWechatLogin(): [WechatLoginState, () => Promise<MeResponse | null>] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const login = useCallback(async (): Promise<MeResponse | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const code = await wechatCode();
      if (!code) {
        setError(t('login.wechat.failed'));
        return null;
      }
      return await loginWithWechat(code);
    } catch (caught) {
      setError(errorMessage(toApiError(caught).code, 'wechatLogin'));
      return null;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  return [{ busy, error }, login];
}
