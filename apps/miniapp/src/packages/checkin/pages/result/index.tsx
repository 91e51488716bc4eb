import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckinResponse } from '@yizhan/contracts';
import { useState } from 'react';
import { AmenityTags } from '../../../../components/AmenityTags';
import { ConsentSheet } from '../../../../components/ConsentSheet';
import { Button, Loading } from '../../../../components/nutui';
import { StateMessage } from '../../../../components/StateView';
import { StatusBadge } from '../../../../components/StatusBadge';
import { useCheckin } from '../../../../hooks/useCheckin';
import { t } from '../../../../i18n';
import { PagePath, stationDetailUrl } from '../../../../routes';
import { flaggedVisit, type CheckinFailure } from '../../../../services/checkin-flow';
import { formatDateTime } from '../../../../utils/datetime';
import { formatDistance } from '../../../../utils/format';
import './index.scss';

/**
 * Back to 扫码. The result page is opened from the scan tab, so going back pops it; a switchTab
 * would leave it in the stack (on H5 every later scan then stacks another result page).
 */
function backToScan(): void {
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous?.route && PagePath.scan.endsWith(previous.route.split('?')[0] ?? '')) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: PagePath.scan });
  }
}

function openHistory(): void {
  void Taro.navigateTo({ url: PagePath.myCheckins });
}

/** "+5 积分", the cap, or why nothing was counted. */
function PointsLine({ result }: { result: CheckinResponse }) {
  const points = result.pointsAwarded;
  if (flaggedVisit(result)) {
    return (
      <View className="checkin-result__points checkin-result__points--none">
        <Text className="checkin-result__points-value">{t('checkin.result.noPoints')}</Text>
        {result.checkIn.flags.map((flag) => (
          <Text key={flag} className="checkin-result__note checkin-result__flag">
            {t(`checkin.flag.${flag}`)}
          </Text>
        ))}
      </View>
    );
  }
  if (result.checkIn.pointsAwarded === null && points === 0) {
    return (
      <View className="checkin-result__points checkin-result__points--none">
        <Text className="checkin-result__note">{t('checkin.result.pointsSettling')}</Text>
      </View>
    );
  }
  return (
    <View className={`checkin-result__points ${points > 0 ? '' : 'checkin-result__points--none'}`}>
      <Text className="checkin-result__points-value">
        {points > 0
          ? t('checkin.result.pointsEarned', { n: points })
          : t('checkin.result.noPoints')}
      </Text>
      {result.capped && (
        <Text className="checkin-result__note checkin-result__capped">
          {points > 0
            ? t('checkin.result.cappedSome', { n: points })
            : t('checkin.result.cappedNone')}
        </Text>
      )}
      {!result.capped && points === 0 && (
        <Text className="checkin-result__note">{t('checkin.result.noPointsHint')}</Text>
      )}
    </View>
  );
}

function Success({ result }: { result: CheckinResponse }) {
  const { checkIn, station } = result;
  return (
    <View className="checkin-result checkin-result--success">
      <View className="checkin-result__card">
        <View className="checkin-result__mark checkin-result__mark--success">
          <Text>✓</Text>
        </View>
        <Text className="checkin-result__title">{t('checkin.result.success')}</Text>
        <Text className="checkin-result__station">{station.name}</Text>
        <PointsLine result={result} />
        <Text className="checkin-result__balance">
          {t('checkin.result.balance', { n: result.balance })}
        </Text>
      </View>

      <View className="checkin-result__card checkin-result__details">
        <View className="checkin-result__head">
          <Text className="checkin-result__station-name">{station.name}</Text>
          <StatusBadge station={{ status: station.status, openNow: station.openNow }} />
        </View>
        {station.brand !== '' && <Text className="checkin-result__brand">{station.brand}</Text>}
        <Text className="checkin-result__address">{station.address}</Text>
        <View className="checkin-result__line">
          <Text className="checkin-result__label">{t('checkin.result.time')}</Text>
          <Text className="checkin-result__value">{formatDateTime(checkIn.createdAt)}</Text>
        </View>
        <View className="checkin-result__line">
          <Text className="checkin-result__label">{t('checkin.result.method')}</Text>
          <Text className="checkin-result__value">{t(`checkin.method.${checkIn.method}`)}</Text>
        </View>
        {checkIn.distanceM !== null && (
          <View className="checkin-result__line">
            <Text className="checkin-result__label">{t('checkin.result.distance')}</Text>
            <Text className="checkin-result__value">{formatDistance(checkIn.distanceM)}</Text>
          </View>
        )}
        {station.amenities.length > 0 && (
          <View className="checkin-result__amenities">
            <Text className="checkin-result__label">{t('checkin.result.amenities')}</Text>
            <AmenityTags amenities={station.amenities} />
          </View>
        )}
      </View>

      <View className="checkin-result__actions">
        <Button className="checkin-result__done" type="primary" block onClick={backToScan}>
          {t('checkin.result.done')}
        </Button>
        <Button
          className="checkin-result__view-station"
          fill="outline"
          block
          onClick={() => void Taro.navigateTo({ url: stationDetailUrl(station.id) })}
        >
          {t('checkin.result.viewStation')}
        </Button>
        <Button className="checkin-result__history" fill="none" block onClick={openHistory}>
          {t('checkin.result.history')}
        </Button>
      </View>
    </View>
  );
}

function Failure(props: { failure: CheckinFailure; onAction: () => void }) {
  const { failure } = props;
  return (
    <View className={`checkin-result checkin-result--failed checkin-result--${failure.reason}`}>
      <View className="checkin-result__card">
        <View className="checkin-result__mark checkin-result__mark--failed">
          <Text>!</Text>
        </View>
        <Text className="checkin-result__title">{t(failure.titleKey)}</Text>
        <View className="checkin-result__message" role="alert">
          {t(failure.messageKey, failure.params)}
        </View>
      </View>
      <View className="checkin-result__actions">
        <Button className="checkin-result__action" type="primary" block onClick={props.onAction}>
          {t(failure.actionKey)}
        </Button>
        {failure.action !== 'rescan' && (
          <Button className="checkin-result__back" fill="outline" block onClick={backToScan}>
            {t('checkin.result.backToScan')}
          </Button>
        )}
      </View>
    </View>
  );
}

/**
 * 签到结果: the outcome of the scan made on the 扫码 tab. Success shows the points (or why none
 * were counted), the balance and the station; each refusal says why in words and offers the
 * next step — moving closer or into the open retries the same scan (same key), a bad code
 * needs a new scan, a cool-down says when.
 */
export default function CheckinResultPage() {
  const [state, flow] = useCheckin();
  const [asking, setAsking] = useState(false);

  if (state.phase === 'locating' || state.phase === 'submitting') {
    return (
      <View className="checkin-result checkin-result--busy" aria-live="polite">
        <Loading type="circular">
          <Text className="checkin-result__progress">
            {state.phase === 'locating' ? t('scan.locating') : t('scan.submitting')}
          </Text>
        </Loading>
      </View>
    );
  }

  if (state.phase === 'succeeded' && state.result) return <Success result={state.result} />;

  if (state.phase === 'failed' && state.failure && state.attempt) {
    const failure = state.failure;
    const act = () => {
      if (failure.action === 'retry') void flow.retry();
      else if (failure.action === 'grant-consent') setAsking(true);
      else if (failure.action === 'sign-in') void Taro.navigateTo({ url: PagePath.login });
      else if (failure.action === 'history') openHistory();
      else backToScan();
    };
    return (
      <>
        <Failure failure={failure} onAction={act} />
        <ConsentSheet
          visible={asking}
          onAgree={() => {
            setAsking(false);
            void flow.answerConsent(true);
          }}
          onRefuse={() => {
            setAsking(false);
            void flow.answerConsent(false);
          }}
        />
      </>
    );
  }

  // Opened without a check-in under way (a reload of the H5 page, a shared link).
  return (
    <StateMessage
      className="checkin-result__empty"
      tone="empty"
      title={t('checkin.result.empty.title')}
      description={t('checkin.result.empty.hint')}
      actionText={t('checkin.result.toScan')}
      onAction={backToScan}
    />
  );
}
