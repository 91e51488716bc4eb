import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ErrorCode } from '@yizhan/contracts';
import { Button, Loading } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, StateMessage } from '../../../../components/StateView';
import { useLiveCode } from '../../../../hooks/useLiveCode';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import './index.scss';

function LiveCode({ stationId }: { stationId: string }) {
  const [state, retry] = useLiveCode(stationId);

  if (state.phase === 'loading') {
    return (
      <View className="live-code live-code--loading" aria-busy="true">
        <Loading type="circular">
          <Text className="live-code__loading">{t('liveCode.loading')}</Text>
        </Loading>
      </View>
    );
  }

  if (state.phase === 'error' || !state.code) {
    const code = state.error?.code ?? ErrorCode.INTERNAL_ERROR;
    return (
      <View className="live-code live-code--error">
        <ErrorMessage
          className="live-code__error"
          title={t('liveCode.error.title')}
          message={code === ErrorCode.CONFLICT ? t('liveCode.error.closed') : errorMessage(code)}
          onRetry={retry}
        />
        {state.retrying && <Text className="live-code__retrying">{t('liveCode.retrying')}</Text>}
      </View>
    );
  }

  return (
    <View className="live-code">
      <Text className="live-code__title">{t('liveCode.title')}</Text>
      <Text className="live-code__hint">{t('liveCode.hint')}</Text>
      <Image
        className="live-code__qr"
        src={state.code.qrDataUrl}
        mode="aspectFit"
        ariaLabel={t('liveCode.qrAlt')}
      />
      <View className="live-code__countdown" aria-live="polite">
        {state.retrying ? (
          <Text className="live-code__stale">{t('liveCode.stale')}</Text>
        ) : (
          <Text className="live-code__seconds">
            {t('liveCode.refreshIn', { n: state.secondsLeft })}
          </Text>
        )}
      </View>
      {state.retrying && (
        <Button className="live-code__retry" size="small" fill="outline" onClick={retry}>
          {t('common.retry')}
        </Button>
      )}
    </View>
  );
}

/**
 * 签到码 screen for the station's counter or door: the rotating QR code, replaced before it
 * expires (the timer follows `refreshInSeconds`), with the screen kept on. Refreshing stops as
 * soon as the page is hidden or closed.
 */
export default function LiveCodePage() {
  const { params } = useRouter();
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  if (!params.id) {
    return (
      <StateMessage
        className="live-code__not-found"
        tone="empty"
        title={t('detail.notFound.title')}
        description={t('detail.notFound.hint')}
      />
    );
  }
  return <LiveCode stationId={params.id} />;
}
