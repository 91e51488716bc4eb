import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type Redemption, RedemptionStatus, formatRedemptionCode } from '@yizhan/contracts';
import { useEffect } from 'react';
import { Button, Loading } from '../../../../components/nutui';
import { RedemptionStatusBadge } from '../../../../components/RedemptionStatusBadge';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ResourceFallback, StateMessage } from '../../../../components/StateView';
import { useCancelRedemption } from '../../../../hooks/useCancelRedemption';
import { useRedemptionCode, type RedemptionCodeState } from '../../../../hooks/useRedemptionCode';
import { useSession } from '../../../../hooks/useSession';
import { t } from '../../../../i18n';
import { formatCountdown, formatDateTime } from '../../../../utils/datetime';
import './index.scss';

function placeName(redemption: Redemption): string {
  return redemption.merchant?.name ?? redemption.station?.name ?? '';
}

/** What a code that can no longer be used says instead of its QR. */
function closedLine(redemption: Redemption, status: RedemptionStatus): string {
  if (status === RedemptionStatus.Fulfilled) {
    return t('redemption.fulfilledAt', {
      time: formatDateTime(redemption.fulfilledAt ?? redemption.expiresAt),
    });
  }
  if (status === RedemptionStatus.Cancelled) {
    return t('redemption.cancelledAt', {
      time: formatDateTime(redemption.cancelledAt ?? redemption.createdAt),
    });
  }
  return t('redemption.expiredAt', { time: formatDateTime(redemption.expiresAt) });
}

function QrImage({ qr, onRetry }: { qr: RedemptionCodeState['qr']; onRetry: () => void }) {
  if (qr.phase === 'ready') {
    return (
      <Image
        className="redemption-code__qr"
        src={qr.data}
        mode="aspectFit"
        ariaLabel={t('redemption.code.qrAlt')}
      />
    );
  }
  if (qr.phase === 'error') {
    return (
      <View className="redemption-code__qr redemption-code__qr--failed" role="alert">
        <Text className="redemption-code__qr-text">{t('redemption.code.qrFailed')}</Text>
        <Button size="small" fill="outline" type="primary" onClick={onRetry}>
          {t('redemption.code.qrRetry')}
        </Button>
      </View>
    );
  }
  return (
    <View className="redemption-code__qr redemption-code__qr--loading" aria-busy="true">
      <Loading type="circular">
        <Text className="redemption-code__qr-text">{t('redemption.code.qrLoading')}</Text>
      </Loading>
    </View>
  );
}

function RedemptionCode({ id }: { id: string }) {
  const [state, actions] = useRedemptionCode(id);
  const [cancelling, cancel] = useCancelRedemption();
  const { redemption, status, secondsLeft } = state;

  useEffect(() => {
    if (redemption.phase === 'ready') {
      void Taro.setNavigationBarTitle({ title: redemption.data.reward.title });
    }
  }, [redemption]);

  if (redemption.phase !== 'ready') {
    return (
      <ResourceFallback
        state={redemption}
        block="redemption-code"
        notFound={{ title: t('redemption.notFound.title'), hint: t('redemption.notFound.hint') }}
        errorTitle={t('redemption.error.title')}
        onRetry={() => void actions.reload()}
      />
    );
  }

  const data = redemption.data;
  const shownStatus = status ?? data.status;
  const usable = shownStatus === RedemptionStatus.Issued;

  const pressCancel = async () => {
    const cancelled = await cancel(data);
    if (cancelled) actions.replace(cancelled);
    // Refused (used or expired meanwhile): show what the server knows.
    else void actions.reload();
  };

  return (
    <View className={`redemption-code redemption-code--${shownStatus}`}>
      <View className="redemption-code__card">
        <View className="redemption-code__head">
          <Text className="redemption-code__title">{data.reward.title}</Text>
          <RedemptionStatusBadge status={shownStatus} />
        </View>
        <Text className="redemption-code__cost">
          {t('redemption.cost', { n: data.pointsCost })}
        </Text>

        {usable && <QrImage qr={state.qr} onRetry={() => void actions.reloadQr()} />}

        <Text className="redemption-code__label">{t('redemption.code.label')}</Text>
        <Text
          className={`redemption-code__digits ${usable ? '' : 'redemption-code__digits--closed'}`}
          aria-label={t('redemption.code.label')}
        >
          {formatRedemptionCode(data.code)}
        </Text>

        {usable ? (
          <View className="redemption-code__validity">
            <Text className="redemption-code__place">
              {t('redemption.code.show', { place: placeName(data) })}
            </Text>
            <View className="redemption-code__countdown" aria-live="polite">
              <Text className="redemption-code__countdown-label">
                {t('redemption.code.remaining')}
              </Text>
              <Text className="redemption-code__countdown-value">
                {formatCountdown(secondsLeft)}
              </Text>
            </View>
            <Text className="redemption-code__expires">
              {t('redemption.code.expiresAt', { time: formatDateTime(data.expiresAt) })}
            </Text>
          </View>
        ) : (
          <View className="redemption-code__closed" role="status">
            {closedLine(data, shownStatus)}
          </View>
        )}
      </View>

      {usable && (
        <View className="redemption-code__actions">
          <Button
            className="redemption-code__cancel"
            block
            fill="outline"
            loading={cancelling}
            onClick={() => void pressCancel()}
          >
            {t('redemption.cancel')}
          </Button>
        </View>
      )}
    </View>
  );
}

/**
 * 兑换码: the QR and the twelve digits in groups of four for the counter, the time left, and
 * the state — it turns to 已核销 by itself after the merchant scans (the page polls while shown).
 */
export default function RedemptionCodePage() {
  const { params } = useRouter();
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  if (!params.id) {
    return (
      <StateMessage
        className="redemption-code__not-found"
        tone="empty"
        title={t('redemption.notFound.title')}
        description={t('redemption.notFound.hint')}
      />
    );
  }
  return <RedemptionCode id={params.id} />;
}
