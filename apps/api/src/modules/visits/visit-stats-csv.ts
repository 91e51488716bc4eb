import { RegionVisitStat, StationVisitStat } from '@yizhan/contracts';
import { stringify } from 'csv-stringify/sync';

/** Column titles in Chinese for the people who open the file, English for scripts that read it. */
export const VISIT_STATS_CSV_HEADER = [
  '统计周期 period',
  '驿站编号 station_id',
  '驿站名称 station_name',
  '到访次数 visits',
  '到访人数 unique_workers',
  '异常到访 flagged',
] as const;

/** What the station_id column of a period's totals row holds. */
export const TOTAL_ROW_MARKER = 'TOTAL';
const TOTAL_ROW_NAME = '合计 all stations';

/**
 * The statistics as CSV (the caller adds the BOM): per period, its station rows in the order
 * given, then that period's TOTAL row for the whole scope. The totals come from their own query
 * because unique workers are distinct across the stations — a worker who visited two stations
 * counts once — so the TOTAL row is not the sum of the rows above it, and periods' rows must not
 * be added up either.
 */
export function toVisitStatsCsv(rows: StationVisitStat[], totals: RegionVisitStat[]): string {
  const rowsByPeriod = new Map<string, StationVisitStat[]>();
  for (const row of rows) {
    const ofPeriod = rowsByPeriod.get(row.period);
    if (ofPeriod) ofPeriod.push(row);
    else rowsByPeriod.set(row.period, [row]);
  }
  const totalsByPeriod = new Map(totals.map((total) => [total.period, total]));
  // Periods are YYYY-MM-DD or YYYY-MM: their text order is their time order.
  const periods = [...new Set([...rowsByPeriod.keys(), ...totalsByPeriod.keys()])].sort();
  const lines: Array<Array<string | number>> = [[...VISIT_STATS_CSV_HEADER]];
  for (const period of periods) {
    for (const row of rowsByPeriod.get(period) ?? []) {
      lines.push([
        period,
        row.stationId,
        row.stationName,
        row.visits,
        row.uniqueWorkers,
        row.flagged,
      ]);
    }
    const total = totalsByPeriod.get(period);
    if (total) {
      lines.push([
        period,
        TOTAL_ROW_MARKER,
        TOTAL_ROW_NAME,
        total.visits,
        total.uniqueWorkers,
        total.flagged,
      ]);
    }
  }
  // A station named "=HYPERLINK(…)" must stay text when the file is opened in a spreadsheet.
  return stringify(lines, { escape_formulas: true });
}

export function visitStatsFilename(from: string, to: string): string {
  return `visits-${from}-${to}.csv`;
}
