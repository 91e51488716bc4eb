import { LimitPeriod } from '@yizhan/contracts';
import { capPeriodKeys } from '../ledger/points-periods';
import { toLocalMoment } from '../stations/opening-hours';

/**
 * The key of the period a per-worker limit counts `instant` in, on the region's clocks:
 * `d:2026-11-24`, `w:2026-W48`, `m:2026-11` or `total`.
 */
export function limitPeriodKey(period: LimitPeriod, instant: Date, timeZone: string): string {
  switch (period) {
    case 'day':
      return capPeriodKeys(instant, timeZone).day;
    case 'week':
      return capPeriodKeys(instant, timeZone).week;
    case 'month':
      return `m:${toLocalMoment(instant, timeZone).date.slice(0, 7)}`;
    case 'total':
      return 'total';
  }
}
