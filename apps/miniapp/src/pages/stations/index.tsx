import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { ConsentKind, type StationSummary } from '@yizhan/contracts';
import { useCallback, useState } from 'react';
import { ConsentSheet } from '../../components/ConsentSheet';
import { ListFooter } from '../../components/ListFooter';
import { Button } from '../../components/nutui';
import { ErrorMessage, LoadingList, StateMessage } from '../../components/StateView';
import { StationCard } from '../../components/StationCard';
import { StationFilterBar } from '../../components/StationFilterBar';
import { StationMap } from '../../components/StationMap';
import { useStations } from '../../hooks/useStations';
import { errorMessage, t } from '../../i18n';
import { stationDetailUrl } from '../../routes';
import { consentState, decideConsent } from '../../services/consent';
import './index.scss';

/** WeChat has a native map; Taro's H5 build has none, so H5 keeps the list alone. */
const hasMap = () => process.env.TARO_ENV === 'weapp';

export default function StationsPage() {
  const [state, actions] = useStations();
  const [asking, setAsking] = useState(false);
  const [showMap, setShowMap] = useState(false);

  // Every time the tab shows: locate again (the user moves) and reload, keeping the list visible.
  // Until the user has answered the location consent (once per privacy version), ask instead.
  useDidShow(() => {
    if (consentState(ConsentKind.Location) === 'undecided') {
      setAsking(true);
      return;
    }
    void actions.reload();
  });

  const decide = useCallback(
    (granted: boolean) => {
      setAsking(false);
      // The decision is stored on the device at once, so the reload below already follows it;
      // recording it on the server may fail quietly: the next GET /me reconciles it.
      decideConsent(ConsentKind.Location, granted).catch(() => undefined);
      void actions.reload();
    },
    [actions],
  );

  usePullDownRefresh(() => {
    void actions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void actions.loadMore();
  });

  const openStation = useCallback((station: StationSummary) => {
    void Taro.navigateTo({ url: stationDetailUrl(station.id) });
  }, []);

  const notAllowed = state.locationState === 'not-allowed';
  const byName = state.locationState === 'unavailable' || notAllowed;

  return (
    <View className="stations-page">
      <View className="stations-page__header">
        <Text className="stations-page__title">
          {byName ? t('stations.titleByName') : t('stations.title')}
        </Text>
        {hasMap() && (
          <Button
            className="stations-page__view-toggle"
            size="small"
            fill="outline"
            type="primary"
            onClick={() => setShowMap((shown) => !shown)}
          >
            {showMap ? t('stations.hideMap') : t('stations.showMap')}
          </Button>
        )}
      </View>
      <StationFilterBar values={state.filters} onChange={actions.setFilters} />

      {state.locationState === 'locating' && state.phase === 'loading' && !asking && (
        <Text className="stations-page__locating">{t('stations.locating')}</Text>
      )}
      {byName && (
        <View className="stations-page__notice location-notice">
          <Text className="location-notice__text">
            {notAllowed ? t('stations.locationRefused') : t('stations.locationFallback')}
          </Text>
          <Button
            className="location-notice__retry"
            size="mini"
            fill="outline"
            type="primary"
            onClick={() => (notAllowed ? setAsking(true) : void actions.reload({ relocate: true }))}
          >
            {notAllowed ? t('stations.locationGrant') : t('stations.locationRetry')}
          </Button>
        </View>
      )}

      {state.phase === 'loading' && <LoadingList />}

      {state.phase === 'error' && state.error && (
        <ErrorMessage
          className="station-list__error"
          title={t('stations.error.title')}
          message={errorMessage(state.error.code)}
          onRetry={() => void actions.reload({ relocate: false })}
        />
      )}

      {state.phase === 'ready' && state.items.length === 0 && (
        <StateMessage
          className="station-list__empty"
          tone="empty"
          title={t('stations.empty.title')}
          description={byName ? t('stations.empty.hintByName') : t('stations.empty.hint')}
        />
      )}

      {hasMap() && showMap && state.phase === 'ready' && state.items.length > 0 && (
        <StationMap stations={state.items} location={state.location} onOpen={openStation} />
      )}

      {state.phase === 'ready' && state.items.length > 0 && (
        <View className="station-list">
          {state.items.map((station) => (
            <StationCard key={station.id} station={station} onOpen={openStation} />
          ))}
          <ListFooter loadingMore={state.loadingMore} ended={state.nextCursor === null} />
        </View>
      )}

      <ConsentSheet visible={asking} onAgree={() => decide(true)} onRefuse={() => decide(false)} />
    </View>
  );
}
