import { Text, View } from '@tarojs/components';
import type { ConsentKind } from '@yizhan/contracts';
import { t, type TextKey } from '../../i18n';
import { Button, Popup } from '../nutui';
import './index.scss';

interface ConsentSheetProps {
  visible: boolean;
  onAgree: () => void;
  onRefuse: () => void;
  /** What is asked for; the location consent unless said otherwise. */
  kind?: ConsentKind;
}

/** What each sheet says: what it is used for, what is kept where, and what refusing means. */
const CONTENT: Record<
  ConsentKind,
  { title: TextKey; intro: TextKey; purposes: TextKey[]; notes: TextKey[]; fallback: TextKey }
> = {
  location: {
    title: 'consent.location.title',
    intro: 'consent.location.intro',
    purposes: ['consent.location.nearest', 'consent.location.records'],
    notes: ['consent.location.scope'],
    fallback: 'consent.location.fallback',
  },
  photos: {
    title: 'consent.photos.title',
    intro: 'consent.photos.intro',
    purposes: ['consent.photos.purpose'],
    notes: ['consent.photos.records'],
    fallback: 'consent.photos.fallback',
  },
};

/**
 * H5 renders pages inside a positioned container that the tab bar paints over, so the sheet goes
 * to <body>; weapp's tab bar is native and never covers a page's popup.
 */
const portalTarget = () => document.body;

/**
 * Asks for a consent before the app first uses what it covers (the position, the photos): what
 * it is used for, what is stored where, and what refusing means. It cannot be dismissed without
 * an answer (no close icon, no overlay tap), because an unanswered sheet would leave the page
 * half-working.
 */
export function ConsentSheet({ visible, onAgree, onRefuse, kind = 'location' }: ConsentSheetProps) {
  const content = CONTENT[kind];
  return (
    <Popup
      portal={process.env.TARO_ENV === 'h5' ? portalTarget : undefined}
      className={`consent-sheet consent-sheet--${kind}`}
      visible={visible}
      position="bottom"
      round
      closeable={false}
      closeOnOverlayClick={false}
      title={t(content.title)}
    >
      <View className="consent-sheet__body" role="dialog" aria-label={t(content.title)}>
        <Text className="consent-sheet__text">{t(content.intro)}</Text>
        <View className="consent-sheet__purposes">
          {content.purposes.map((key) => (
            <Text key={key} className="consent-sheet__purpose">
              {t(key)}
            </Text>
          ))}
        </View>
        {content.notes.map((key) => (
          <Text key={key} className="consent-sheet__text">
            {t(key)}
          </Text>
        ))}
        <Text className="consent-sheet__text consent-sheet__text--weak">{t(content.fallback)}</Text>
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
