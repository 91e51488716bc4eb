import { Text, View } from '@tarojs/components';
import { t } from '../../i18n';
import { Button, Popup } from '../nutui';
import './index.scss';

interface ConsentSheetProps {
  visible: boolean;
  onAgree: () => void;
  onRefuse: () => void;
}

/**
 * Asks for the location consent before the app first locates the user: what it is used for,
 * what is stored where, and what refusing means. It cannot be dismissed without an answer
 * (no close icon, no overlay tap), because an unanswered sheet would leave the tab half-working.
 */
/**
 * H5 renders pages inside a positioned container that the tab bar paints over, so the sheet goes
 * to <body>; weapp's tab bar is native and never covers a page's popup.
 */
const portalTarget = () => document.body;

export function ConsentSheet({ visible, onAgree, onRefuse }: ConsentSheetProps) {
  return (
    <Popup
      portal={process.env.TARO_ENV === 'h5' ? portalTarget : undefined}
      className="consent-sheet"
      visible={visible}
      position="bottom"
      round
      closeable={false}
      closeOnOverlayClick={false}
      title={t('consent.location.title')}
    >
      <View className="consent-sheet__body" role="dialog" aria-label={t('consent.location.title')}>
        <Text className="consent-sheet__text">{t('consent.location.intro')}</Text>
        <View className="consent-sheet__purposes">
          <Text className="consent-sheet__purpose">{t('consent.location.nearest')}</Text>
          <Text className="consent-sheet__purpose">{t('consent.location.records')}</Text>
        </View>
        <Text className="consent-sheet__text">{t('consent.location.scope')}</Text>
        <Text className="consent-sheet__text consent-sheet__text--weak">
          {t('consent.location.fallback')}
        </Text>
        <View className="consent-sheet__actions">
          <Button
            className="consent-sheet__refuse"
            fill="outline"
            type="default"
            onClick={onRefuse}
          >
            {t('consent.refuse')}
          </Button>
          <Button className="consent-sheet__agree" type="primary" onClick={onAgree}>
            {t('consent.agree')}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
