import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { StationDetail } from '@yizhan/contracts';
import { useEffect, useMemo } from 'react';
import { AmenityTags } from '../../../../components/AmenityTags';
import { Button, Cell, CellGroup } from '../../../../components/nutui';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { StatusBadge } from '../../../../components/StatusBadge';
import { useStation } from '../../../../hooks/useStation';
import { errorMessage, stationStatusLabel, t } from '../../../../i18n';
import { PagePath } from '../../../../routes';
import { callPhone, openMap } from '../../../../services/location';
import { getLastPosition } from '../../../../stores/location';
import { formatDistance } from '../../../../utils/format';
import { distanceMeters } from '../../../../utils/geo';
import {
  formatToday,
  hoursOn,
  upcomingExceptions,
  weekTable,
} from '../../../../utils/opening-hours';
import './index.scss';

function reportActionFailure(error: unknown): void {
  // Cancelling the dial sheet or the map also rejects; only a real failure deserves a word.
  const message =
    typeof error === 'object' && error !== null
      ? String((error as { errMsg?: unknown }).errMsg ?? '')
      : '';
  if (message.includes('cancel')) return;
  void Taro.showToast({ title: t('detail.actionFailed'), icon: 'none' });
}

function StationDetailView({ station }: { station: StationDetail }) {
  const position = getLastPosition();
  const distance = position ? distanceMeters(position, station) : station.distanceM;
  const week = useMemo(() => weekTable(station.openingHours), [station.openingHours]);
  const today = useMemo(
    () => hoursOn(station.openingHours, new Date(), station.timeZone),
    [station.openingHours, station.timeZone],
  );
  const exceptions = useMemo(
    () => upcomingExceptions(station.openingHours, new Date(), station.timeZone),
    [station.openingHours, station.timeZone],
  );
  const phone = station.phone;

  return (
    <View className="station-detail">
      <View className="station-detail__card">
        <View className="station-detail__head">
          <Text className="station-detail__name">{station.name}</Text>
          <StatusBadge station={station} />
        </View>
        {station.brand !== '' && <Text className="station-detail__brand">{station.brand}</Text>}
        <Text className="station-detail__today">
          {formatToday(today)}
          {today.note ? `（${today.note}）` : ''}
        </Text>
        <View className="station-detail__line">
          <Text className="station-detail__label">{t('detail.address')}</Text>
          <Text className="station-detail__value station-detail__address">{station.address}</Text>
        </View>
        <View className="station-detail__line">
          <Text className="station-detail__label">{t('detail.status')}</Text>
          <Text className="station-detail__value station-detail__status">
            {stationStatusLabel(station.status)}
          </Text>
        </View>
        {station.managerName && (
          <View className="station-detail__line">
            <Text className="station-detail__label">{t('detail.manager')}</Text>
            <Text className="station-detail__value">{station.managerName}</Text>
          </View>
        )}
        {distance !== undefined && (
          <View className="station-detail__line">
            <Text className="station-detail__label">{t('detail.distance')}</Text>
            <Text className="station-detail__value station-detail__distance">
              {formatDistance(distance)}
            </Text>
          </View>
        )}
        <View className="station-detail__actions">
          {phone && (
            <Button
              className="station-detail__call"
              type="primary"
              fill="outline"
              onClick={() => callPhone(phone).catch(reportActionFailure)}
            >
              {t('detail.call')}
            </Button>
          )}
          <Button
            className="station-detail__navigate"
            type="primary"
            onClick={() =>
              openMap({
                lat: station.lat,
                lng: station.lng,
                name: station.name,
                address: station.address,
              }).catch(reportActionFailure)
            }
          >
            {t('detail.navigate')}
          </Button>
        </View>
        <View className="station-detail__actions station-detail__actions--secondary">
          <Button
            className="station-detail__checkin"
            type="primary"
            fill="outline"
            onClick={() => void Taro.switchTab({ url: PagePath.scan })}
          >
            {t('detail.checkin')}
          </Button>
          <Button
            className="station-detail__copy-address"
            fill="outline"
            onClick={() =>
              Taro.setClipboardData({ data: station.address }).then(
                () => void Taro.showToast({ title: t('detail.addressCopied'), icon: 'none' }),
                reportActionFailure,
              )
            }
          >
            {t('detail.copyAddress')}
          </Button>
        </View>
      </View>

      <CellGroup className="station-detail__hours" title={t('detail.openingHours')}>
        {week.map((row) => (
          <Cell
            key={row.day}
            className={row.day === today.day ? 'station-detail__hours-today' : ''}
            title={row.label}
            extra={row.text}
          />
        ))}
      </CellGroup>

      {exceptions.length > 0 && (
        <CellGroup className="station-detail__exceptions" title={t('detail.exceptions')}>
          {exceptions.map((row) => (
            <Cell
              key={row.date}
              title={row.note ? `${row.label}（${row.note}）` : row.label}
              extra={row.text}
            />
          ))}
        </CellGroup>
      )}

      {station.amenities.length > 0 && (
        <View className="station-detail__section">
          <Text className="station-detail__section-title">{t('detail.amenities')}</Text>
          <AmenityTags amenities={station.amenities} />
        </View>
      )}

      {station.services.length > 0 && (
        <View className="station-detail__section">
          <Text className="station-detail__section-title">{t('detail.services')}</Text>
          {station.services.map((service) => (
            <Text key={service} className="station-detail__service">
              {service}
            </Text>
          ))}
        </View>
      )}

      {station.hotlines.length > 0 && (
        <CellGroup className="station-detail__hotlines" title={t('detail.hotlines')}>
          {station.hotlines.map((hotline) => (
            <Cell
              key={`${hotline.name}-${hotline.phone}`}
              title={hotline.name}
              extra={hotline.phone}
              clickable
              onClick={() => callPhone(hotline.phone).catch(reportActionFailure)}
            />
          ))}
        </CellGroup>
      )}

      {station.description && (
        <View className="station-detail__section">
          <Text className="station-detail__section-title">{t('detail.description')}</Text>
          <Text className="station-detail__description">{station.description}</Text>
        </View>
      )}
    </View>
  );
}

export default function StationDetailPage() {
  const router = useRouter();
  const id = router.params.id;
  const [state, retry] = useStation(id);

  useEffect(() => {
    if (state.phase === 'ready') void Taro.setNavigationBarTitle({ title: state.station.name });
  }, [state]);

  if (state.phase === 'loading') {
    return (
      <View className="station-detail station-detail--loading">
        <LoadingList count={3} />
      </View>
    );
  }
  if (state.phase === 'not-found') {
    return (
      <StateMessage
        className="station-detail__not-found"
        tone="empty"
        title={t('detail.notFound.title')}
        description={t('detail.notFound.hint')}
      />
    );
  }
  if (state.phase === 'error') {
    return (
      <ErrorMessage
        className="station-detail__error"
        title={t('detail.error.title')}
        message={errorMessage(state.error.code)}
        onRetry={retry}
      />
    );
  }
  return <StationDetailView station={state.station} />;
}
