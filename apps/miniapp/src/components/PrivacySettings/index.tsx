import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONSENT_KINDS, type ConsentKind } from '@yizhan/contracts';
import { useState } from 'react';
import { useConsent } from '../../hooks/useConsent';
import { consentKindLabel, consentPurpose, errorMessage, t } from '../../i18n';
import { toApiError } from '../../services/api-error';
import { decideConsent, PRIVACY_VERSION } from '../../services/consent';
import { Cell, CellGroup, Switch } from '../nutui';
import './index.scss';

function ConsentSwitch({ kind }: { kind: ConsentKind }) {
  const state = useConsent(kind);
  const [saving, setSaving] = useState(false);

  const change = async (granted: boolean) => {
    setSaving(true);
    try {
      await decideConsent(kind, granted);
      void Taro.showToast({
        title: granted ? t('me.privacy.granted') : t('me.privacy.withdrawn'),
        icon: 'none',
      });
    } catch (caught) {
      // The device already follows the new choice; the server catches up on the next GET /me.
      void Taro.showToast({ title: errorMessage(toApiError(caught).code), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Cell
      className={`privacy-settings__item privacy-settings__item--${kind}`}
      title={consentKindLabel(kind)}
      description={consentPurpose(kind)}
      extra={
        <Switch
          className="privacy-settings__switch"
          checked={state === 'granted'}
          disabled={saving}
          ariaLabel={consentKindLabel(kind)}
          onChange={(value) => void change(value)}
        />
      }
    />
  );
}

/** 隐私授权: each consent the app asks for, with what it is for and a switch to change it. */
export function PrivacySettings() {
  return (
    <View className="privacy-settings">
      <CellGroup title={t('me.privacy.title')}>
        {CONSENT_KINDS.map((kind) => (
          <ConsentSwitch key={kind} kind={kind} />
        ))}
      </CellGroup>
      <Text className="privacy-settings__version">
        {t('me.privacy.version', { version: PRIVACY_VERSION })}
      </Text>
    </View>
  );
}
