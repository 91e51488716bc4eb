import { StationVisitStat, VisitGranularity } from '@yizhan/contracts';
import { decodeCursor, invalidCursor } from '../../common/pagination/cursor';

/** Where a page of station rows ended, in their order: period, then station name, then id. */
export interface VisitStatsPosition {
  period: string;
  stationName: string;
  stationId: string;
}

const PERIOD_SHAPE: Readonly<Record<VisitGranularity, RegExp>> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
};

/** The sort key of a station row, which the next page's cursor carries. */
export function visitStatsSortKey(row: StationVisitStat): [string, string, string] {
  return [row.period, row.stationName, row.stationId];
}

/**
 * The position a cursor carries; 400 for a cursor this list did not issue, including one
 * issued for the other granularity (its periods would never compare as intended).
 */
export function decodeVisitStatsCursor(
  text: string,
  granularity: VisitGranularity,
): VisitStatsPosition {
  const [period, stationName, stationId] = decodeCursor(text, 3);
  if (!PERIOD_SHAPE[granularity].test(period)) throw invalidCursor('isVisitStatsCursor');
  return { period, stationName, stationId };
}
