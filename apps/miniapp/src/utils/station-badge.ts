import { StationStatus, type StationSummary } from '@yizhan/contracts';
import { stationStatusLabel, t } from '../i18n';

export type BadgeKind = 'open' | 'resting' | 'paused' | 'retired';

export interface StationBadge {
  kind: BadgeKind;
  label: string;
}

/**
 * 营业中 / 已休息 come from the opening hours (`openNow`) of a station in service;
 * a station out of service shows its status instead (暂停开放 / 已停用).
 */
export function stationBadge(station: Pick<StationSummary, 'status' | 'openNow'>): StationBadge {
  if (station.status === StationStatus.TemporarilyClosed) {
    return { kind: 'paused', label: t('station.badge.paused') };
  }
  if (station.status === StationStatus.Closed) {
    return { kind: 'retired', label: stationStatusLabel(StationStatus.Closed) };
  }
  return station.openNow
    ? { kind: 'open', label: t('station.badge.openNow') }
    : { kind: 'resting', label: t('station.badge.resting') };
}
