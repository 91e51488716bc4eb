import { Text, View } from '@tarojs/components';
import type { StationSummary } from '@yizhan/contracts';
import { t } from '../../i18n';
import { formatDistance, formatRideMinutes, rideMinutesOf } from '../../utils/format';
import { AmenityTags } from '../AmenityTags';
import { StatusBadge } from '../StatusBadge';
import './index.scss';

const VISIBLE_AMENITIES = 4;

interface StationCardProps {
  station: StationSummary;
  onOpen: (station: StationSummary) => void;
}

export function StationCard({ station, onOpen }: StationCardProps) {
  const minutes = rideMinutesOf(station);
  const reach = [
    station.distanceM === undefined ? '' : formatDistance(station.distanceM),
    station.distanceM === undefined || minutes === null ? '' : formatRideMinutes(minutes),
  ].filter((part) => part !== '');

  return (
    <View
      className="station-card"
      hoverClass="station-card--pressed"
      onClick={() => onOpen(station)}
    >
      <View className="station-card__head">
        <Text className="station-card__name">{station.name}</Text>
        <StatusBadge station={station} />
      </View>
      {station.brand !== '' && <Text className="station-card__brand">{station.brand}</Text>}
      <Text className="station-card__address">{station.address}</Text>
      {reach.length > 0 && (
        <Text className="station-card__reach">{reach.join(t('common.separator'))}</Text>
      )}
      {station.amenities.length > 0 && (
        <View className="station-card__amenities">
          <AmenityTags amenities={station.amenities} max={VISIBLE_AMENITIES} />
        </View>
      )}
    </View>
  );
}
