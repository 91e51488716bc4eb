import type { StationSummary } from '@yizhan/contracts';
import { stationBadge, type BadgeKind } from '../../utils/station-badge';
import { Tag } from '../nutui';
import './index.scss';

// Colours as props: NutUI paints a tag's text white through its own variables, which a
// class rule cannot reliably beat on both platforms.
const TAG_COLORS: Record<BadgeKind, { background: string; color: string }> = {
  open: { background: '#1a9e55', color: '#ffffff' },
  resting: { background: '#eef0f2', color: '#646a73' },
  paused: { background: '#fff1e0', color: '#b25e00' },
  retired: { background: '#eef0f2', color: '#8f959e' },
};

export function StatusBadge({ station }: { station: Pick<StationSummary, 'status' | 'openNow'> }) {
  const badge = stationBadge(station);
  const colors = TAG_COLORS[badge.kind];
  return (
    <Tag
      className={`status-badge status-badge--${badge.kind}`}
      background={colors.background}
      color={colors.color}
      round
    >
      {badge.label}
    </Tag>
  );
}
