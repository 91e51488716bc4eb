import { Text, View } from '@tarojs/components';
import { AMENITIES, Amenity } from '@yizhan/contracts';
import { useState } from 'react';
import { amenityLabel, t } from '../../i18n';
import type { StationFilters } from '../../hooks/useStations';
import { Button, Popup } from '../nutui';
import '../FilterBar/index.scss';
import './index.scss';

/** What riders look for most, one tap away; the rest are under 更多. */
export const QUICK_AMENITIES: readonly Amenity[] = [
  Amenity.BatterySwap,
  Amenity.Water,
  Amenity.PhoneCharging,
  Amenity.Microwave,
];

function toggled(list: readonly Amenity[], amenity: Amenity): Amenity[] {
  return list.includes(amenity) ? list.filter((item) => item !== amenity) : [...list, amenity];
}

function Chip(props: { on: boolean; label: string; onPress: () => void; className: string }) {
  return (
    <Button
      className={`${props.className} ${props.on ? `${props.className}--on` : ''}`}
      size="small"
      shape="round"
      type={props.on ? 'primary' : 'default'}
      fill={props.on ? 'solid' : 'outline'}
      onClick={props.onPress}
    >
      {props.label}
    </Button>
  );
}

/** H5 renders pages in a container the tab bar paints over, so the sheet goes to <body>. */
const portalTarget = () => document.body;

/**
 * The stations tab's filters: 营业中 and the common amenities as chips in a row that scrolls
 * sideways, and 更多 for a sheet with every amenity (chosen there, applied with 完成).
 */
export function StationFilterBar(props: {
  values: StationFilters;
  onChange: (next: StationFilters) => void;
}) {
  const { values, onChange } = props;
  const [sheetOpen, setSheetOpen] = useState(false);
  const [draft, setDraft] = useState<readonly Amenity[]>(values.amenities);
  const more = values.amenities.filter((amenity) => !QUICK_AMENITIES.includes(amenity)).length;

  const openSheet = () => {
    setDraft(values.amenities);
    setSheetOpen(true);
  };

  return (
    <View className="filter-bar station-filters">
      <Chip
        className="filter-bar__chip filter-bar__chip--openNow"
        on={values.openNow}
        label={t('stations.filter.openNow')}
        onPress={() => onChange({ ...values, openNow: !values.openNow })}
      />
      {QUICK_AMENITIES.map((amenity) => (
        <Chip
          key={amenity}
          className={`filter-bar__chip filter-bar__chip--${amenity}`}
          on={values.amenities.includes(amenity)}
          label={amenityLabel(amenity)}
          onPress={() => onChange({ ...values, amenities: toggled(values.amenities, amenity) })}
        />
      ))}
      <Chip
        className="filter-bar__chip filter-bar__chip--more"
        on={more > 0}
        label={more > 0 ? t('stations.filter.moreCount', { n: more }) : t('stations.filter.more')}
        onPress={openSheet}
      />
      <Popup
        portal={process.env.TARO_ENV === 'h5' ? portalTarget : undefined}
        className="amenity-sheet"
        visible={sheetOpen}
        position="bottom"
        round
        title={t('stations.filter.sheetTitle')}
        onClose={() => setSheetOpen(false)}
      >
        <View className="amenity-sheet__body">
          <Text className="amenity-sheet__hint">{t('stations.filter.sheetHint')}</Text>
          <View className="amenity-sheet__options">
            {AMENITIES.map((amenity) => (
              <Chip
                key={amenity}
                className="amenity-sheet__chip"
                on={draft.includes(amenity)}
                label={amenityLabel(amenity)}
                onPress={() => setDraft(toggled(draft, amenity))}
              />
            ))}
          </View>
          <View className="amenity-sheet__actions">
            <Button className="amenity-sheet__clear" fill="outline" onClick={() => setDraft([])}>
              {t('stations.filter.clear')}
            </Button>
            <Button
              className="amenity-sheet__apply"
              type="primary"
              onClick={() => {
                setSheetOpen(false);
                onChange({ ...values, amenities: [...draft] });
              }}
            >
              {t('stations.filter.apply')}
            </Button>
          </View>
        </View>
      </Popup>
    </View>
  );
}
