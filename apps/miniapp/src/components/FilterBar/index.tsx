import { View } from '@tarojs/components';
import { t, type TextKey } from '../../i18n';
import type { StationFilters } from '../../hooks/useStations';
import { Button } from '../nutui';
import './index.scss';

interface FilterBarProps {
  filters: StationFilters;
  onChange: (next: StationFilters) => void;
}

/** The toggles of the row, in order; more filters (amenities, radius) can join the list. */
const TOGGLES: ReadonlyArray<{ key: keyof StationFilters; label: TextKey }> = [
  { key: 'openNow', label: 'stations.filter.openNow' },
  { key: 'batterySwap', label: 'stations.filter.batterySwap' },
];

export function FilterBar({ filters, onChange }: FilterBarProps) {
  return (
    <View className="filter-bar">
      {TOGGLES.map(({ key, label }) => {
        const on = filters[key];
        return (
          <Button
            key={key}
            className={`filter-bar__chip ${on ? 'filter-bar__chip--on' : ''}`}
            size="small"
            shape="round"
            type={on ? 'primary' : 'default'}
            fill={on ? 'solid' : 'outline'}
            onClick={() => onChange({ ...filters, [key]: !on })}
          >
            {t(label)}
          </Button>
        );
      })}
    </View>
  );
}
