import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { ConsentSheet } from '../../components/ConsentSheet';
import { Button, Cell, CellGroup, Loading } from '../../components/nutui';
import { useCheckin } from '../../hooks/useCheckin';
import { useSession } from '../../hooks/useSession';
import { t } from '../../i18n';
import { PagePath } from '../../routes';
import type { CheckinState } from '../../services/checkin-flow';
import './index.scss';

/** Longest text the field takes: a station code is ~55 characters, the API reads up to 200. */
const CODE_INPUT_MAX = 200;

/** WeChat's camera scan; Taro's H5 build has none, so typing (or pasting) is the way there. */
const canScan = () => process.env.TARO_ENV !== 'h5';

/** The scanner's text; null when the user closed it (not worth a word), or it read nothing. */
async function scanText(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch (error) {
    const message =
      typeof error === 'object' && error !== null
        ? String((error as { errMsg?: unknown }).errMsg ?? '')
        : '';
    if (!message.includes('cancel')) {
      void Taro.showToast({ title: t('scan.scanFailed'), icon: 'none' });
    }
    return null;
  }
}

/** A scan that reached the server (or the locating step) has its outcome on the result page. */
function hasResult(state: CheckinState): boolean {
  return state.attempt !== null && (state.phase === 'succeeded' || state.phase === 'failed');
}

function openLogin(): void {
  void Taro.navigateTo({ url: PagePath.login });
}

/**
 * 扫码: scan the station's QR code (weapp) or type its code (H5, or as a fallback), then the
 * check-in runs here — consent, 定位中…, 签到中… — and its outcome opens on the result page.
 * A text that is no station code, a signed-out user and a refused consent are said right here.
 */
export default function ScanPage() {
  const [state, flow] = useCheckin();
  const { signedIn } = useSession();
  const [typing, setTyping] = useState(!canScan());
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  // What was last scanned or typed, for 授权位置 after a refusal: the user need not scan again.
  const lastText = useRef('');

  // Back from the result page (or another tab): ready for the next scan.
  useDidShow(() => {
    const current = flow.getState();
    if (current.phase === 'succeeded' || current.phase === 'failed') flow.reset();
  });

  const start = useCallback(
    async (codeText: string) => {
      lastText.current = codeText;
      const next = await flow.submit(codeText);
      if (hasResult(next)) void Taro.navigateTo({ url: PagePath.checkinResult });
    },
    [flow],
  );

  const answerConsent = useCallback(
    async (granted: boolean) => {
      const next = await flow.answerConsent(granted);
      if (hasResult(next)) void Taro.navigateTo({ url: PagePath.checkinResult });
    },
    [flow],
  );

  const scan = async () => {
    const scanned = await scanText();
    if (scanned !== null) await start(scanned);
  };

  const submitTyped = async () => {
    if (text.trim() === '') {
      setInputError(t('scan.codeEmpty'));
      return;
    }
    setInputError(null);
    await start(text);
  };

  const busy = state.phase === 'locating' || state.phase === 'submitting';
  // Refusals before anything was sent: the text is no station code, no account, no consent.
  const inlineFailure = state.phase === 'failed' && state.attempt === null ? state.failure : null;

  const act = () => {
    if (!inlineFailure) return;
    if (inlineFailure.action === 'sign-in') openLogin();
    else if (inlineFailure.action === 'grant-consent') void start(lastText.current);
    else if (canScan() && !typing) void scan();
    else {
      setText('');
      flow.reset();
    }
  };

  return (
    <View className="scan-page">
      <View className="scan-page__card">
        <Text className="scan-page__title">{t('scan.title')}</Text>
        <Text className="scan-page__hint">{canScan() ? t('scan.hint') : t('scan.typeHint')}</Text>

        {!signedIn && (
          <View className="scan-page__signed-out">
            <Text className="scan-page__signed-out-text">{t('scan.signedOut')}</Text>
            <Button size="small" fill="outline" type="primary" onClick={openLogin}>
              {t('scan.signIn')}
            </Button>
          </View>
        )}

        {canScan() && (
          <Button
            className="scan-page__scan"
            type="primary"
            size="large"
            block
            disabled={busy}
            onClick={() => void scan()}
          >
            {t('scan.scan')}
          </Button>
        )}

        {typing ? (
          <View className="scan-page__manual">
            <Input
              className="scan-page__code-input"
              type="text"
              placeholder={t('scan.codePlaceholder')}
              maxlength={CODE_INPUT_MAX}
              value={text}
              disabled={busy}
              confirmType="done"
              onInput={(event) => {
                setText(event.detail.value);
                setInputError(null);
              }}
              onConfirm={() => void submitTyped()}
            />
            <Button
              className="scan-page__submit"
              type={canScan() ? 'default' : 'primary'}
              disabled={busy}
              onClick={() => void submitTyped()}
            >
              {t('scan.submit')}
            </Button>
          </View>
        ) : (
          <Text className="scan-page__type-link" onClick={() => setTyping(true)}>
            {t('scan.typeInstead')}
          </Text>
        )}
        {inputError && (
          <View className="scan-page__input-error" role="alert">
            {inputError}
          </View>
        )}

        {busy && (
          <View className="scan-page__progress" aria-live="polite">
            <Loading type="circular">
              <Text className="scan-page__progress-text">
                {state.phase === 'locating' ? t('scan.locating') : t('scan.submitting')}
              </Text>
            </Loading>
          </View>
        )}

        {inlineFailure && (
          <View className="scan-page__failure" role="alert">
            <Text className="scan-page__failure-text">
              {t(inlineFailure.messageKey, inlineFailure.params)}
            </Text>
            <Button
              className="scan-page__failure-action"
              size="small"
              fill="outline"
              type="primary"
              onClick={act}
            >
              {t(inlineFailure.actionKey)}
            </Button>
          </View>
        )}
      </View>

      <View className="scan-page__section">
        <CellGroup>
          <Cell
            className="scan-page__history"
            title={t('scan.history')}
            description={t('scan.historyHint')}
            clickable
            onClick={() => void Taro.navigateTo({ url: PagePath.myCheckins })}
          />
        </CellGroup>
      </View>

      <ConsentSheet
        visible={state.phase === 'asking-consent'}
        onAgree={() => void answerConsent(true)}
        onRefuse={() => void answerConsent(false)}
      />
    </View>
  );
}
