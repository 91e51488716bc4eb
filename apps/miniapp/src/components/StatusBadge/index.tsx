import type { StationSummary } from '@yizhan/contracts';
import { stationBadge, type BadgeKind } from '../../utils/station-badge';
import { Tag } from '../nutui';
import './index.scss';

const TAG_TYPE: Record<BadgeKind, 'success' | 'default' | 'warning'> = {
  open: 'success',
  resting: 'default',
  paused: 'warning',
  retired: 'default',
};

export function StatusBadge({ station }: { station: Pick<StationSummary, 'status' | 'openNow'> }) {
  const badge = stationBadge(station);
  return (
    <Tag className={`status-badge status-badge--${badge.kind}`} type={TAG_TYPE[badge.kind]} round>
      {badge.label}
    </Tag>
  );
}
