import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONSENT_KINDS, type MeResponse } from '@yizhan/contracts';
import { useCallback, useState } from 'react';
import { Button } from '../../../../components/nutui';
import { useWechatLogin } from '../../../../hooks/useWechatLogin';
import { t } from '../../../../i18n';
import { PagePath } from '../../../../routes';
import { reconcileConsents } from '../../../../services/consent';
import { PasswordLoginForm } from '../../components/PasswordLoginForm';
import { SmsLoginForm } from '../../components/SmsLoginForm';
import './index.scss';

type Mode = 'worker' | 'staff';

/** Back to where the login was asked for; opened directly (an H5 link), to the 我的 tab. */
async function leaveLoginPage(): Promise<void> {
  if (Taro.getCurrentPages().length > 1) {
    await Taro.navigateBack();
  } else {
    await Taro.switchTab({ url: PagePath.me });
  }
}

function WechatLogin({ onSignedIn }: { onSignedIn: (user: MeResponse) => void }) {
  const [state, login] = useWechatLogin();
  return (
    <View className="login-wechat">
      <Button
        className="login-wechat__button"
        type="primary"
        block
        loading={state.busy}
        onClick={() =>
          void login().then((user) => {
            if (user) onSignedIn(user);
          })
        }
      >
        {t('login.wechat.button')}
      </Button>
      {state.error && (
        <View className="login-page__error" role="alert">
          {state.error}
        </View>
      )}
      <Text className="login-wechat__hint">{t('login.wechat.hint')}</Text>
    </View>
  );
}

/**
 * Workers sign in with WeChat in the mini-program and with phone + SMS code on H5 (no WeChat
 * there); staff and merchant accounts use a username and password on both.
 */
export default function LoginPage() {
  const isH5 = process.env.TARO_ENV === 'h5';
  const [mode, setMode] = useState<Mode>('worker');

  const signedIn = useCallback((user: MeResponse) => {
    // Best effort: consents given on this device before signing in reach the account.
    reconcileConsents(user, CONSENT_KINDS).catch(() => undefined);
    void Taro.showToast({ title: t('login.success'), icon: 'success' });
    void leaveLoginPage();
  }, []);

  return (
    <View className="login-page">
      <View className="login-page__head">
        <Text className="login-page__brand">{t('app.name')}</Text>
        <Text className="login-page__subtitle">
          {mode === 'staff' ? t('login.staff.title') : t('login.subtitle')}
        </Text>
      </View>

      <View className="login-page__body">
        {mode === 'staff' && <PasswordLoginForm onSignedIn={signedIn} />}
        {mode === 'worker' && isH5 && <SmsLoginForm onSignedIn={signedIn} />}
        {mode === 'worker' && !isH5 && <WechatLogin onSignedIn={signedIn} />}
      </View>

      <View className="login-page__switch">
        {mode === 'worker' ? (
          <Button
            className="login-page__staff-entry"
            fill="none"
            size="small"
            onClick={() => setMode('staff')}
          >
            {t('login.staff.entry')}
          </Button>
        ) : (
          <Button
            className="login-page__worker-entry"
            fill="none"
            size="small"
            onClick={() => setMode('worker')}
          >
            {isH5 ? t('login.staff.backToSms') : t('login.staff.backToWechat')}
          </Button>
        )}
      </View>
    </View>
  );
}
