import { View } from '@tarojs/components';
import { t } from '../../i18n';
import type { StationFilters } from '../../hooks/useStations';
import { Button } from '../nutui';
import './index.scss';

interface FilterBarProps {
  filters: StationFilters;
  onChange: (next: StationFilters) => void;
}

/** Two toggles for now; more filters (amenities, radius) can join the row later. */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const toggle = (key: keyof StationFilters) => onChange({ ...filters, [key]: !filters[key] });
  return (
    <View className="filter-bar">
      <Button
        className={`filter-bar__chip ${filters.openNow ? 'filter-bar__chip--on' : ''}`}
        size="small"
        shape="round"
        type={filters.openNow ? 'primary' : 'default'}
        fill={filters.openNow ? 'solid' : 'outline'}
        onClick={() => toggle('openNow')}
      >
        {t('stations.filter.openNow')}
      </Button>
      <Button
        className={`filter-bar__chip ${filters.batterySwap ? 'filter-bar__chip--on' : ''}`}
        size="small"
        shape="round"
        type={filters.batterySwap ? 'primary' : 'default'}
        fill={filters.batterySwap ? 'solid' : 'outline'}
        onClick={() => toggle('batterySwap')}
      >
        {t('stations.filter.batterySwap')}
      </Button>
    </View>
  );
}
