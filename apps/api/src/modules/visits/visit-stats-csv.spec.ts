import { RegionVisitStat, StationVisitStat } from '@yizhan/contracts';
import { toVisitStatsCsv, VISIT_STATS_CSV_HEADER } from './visit-stats-csv';

const stat = (
  period: string,
  stationId: string,
  stationName: string,
  visits: number,
  uniqueWorkers: number,
  flagged = 0,
): StationVisitStat => ({ period, stationId, stationName, visits, uniqueWorkers, flagged });

const total = (
  period: string,
  visits: number,
  uniqueWorkers: number,
  flagged = 0,
): RegionVisitStat => ({ period, visits, uniqueWorkers, flagged });

const HEADER = VISIT_STATS_CSV_HEADER.join(',');

describe(toVisitStatsCsv.name, () => {
  it("puts each period's TOTAL row after its station rows, keeping the rows' order", () => {
    const csv = toVisitStatsCsv(
      [
        stat('2026-11-23', 's-2', '北站', 2, 1),
        stat('2026-11-23', 's-1', '南站', 1, 1, 1),
        stat('2026-11-24', 's-1', '南站', 4, 3),
      ],
      [total('2026-11-23', 3, 1, 1), total('2026-11-24', 4, 3)],
    );

    expect(csv.split('\n')).toEqual([
      HEADER,
      '2026-11-23,s-2,北站,2,1,0',
      '2026-11-23,s-1,南站,1,1,1',
      '2026-11-23,TOTAL,合计 all stations,3,1,1',
      '2026-11-24,s-1,南站,4,3,0',
      '2026-11-24,TOTAL,合计 all stations,4,3,0',
      '',
    ]);
  });

  it('keeps a period that only one of the two lists has', () => {
    const csv = toVisitStatsCsv([stat('2026-11', 's-1', 'A', 1, 1)], [total('2026-12', 2, 2)]);

    expect(csv.split('\n').slice(1, -1)).toEqual([
      '2026-11,s-1,A,1,1,0',
      '2026-12,TOTAL,合计 all stations,2,2,0',
    ]);
  });

  it('writes a station name that looks like a formula as text, and quotes commas and quotes', () => {
    const csv = toVisitStatsCsv(
      [
        stat('2026-11-24', 's-1', '=HYPERLINK("http://evil.example","点我")', 1, 1),
        stat('2026-11-24', 's-2', '+1', 1, 1),
        stat('2026-11-24', 's-3', 'A, "B"', 1, 1),
      ],
      [],
    );

    expect(csv.split('\n').slice(1, -1)).toEqual([
      `2026-11-24,s-1,"'=HYPERLINK(""http://evil.example"",""点我"")",1,1,0`,
      "2026-11-24,s-2,'+1,1,1,0",
      '2026-11-24,s-3,"A, ""B""",1,1,0',
    ]);
  });

  it('is the header alone when nothing was recorded', () => {
    expect(toVisitStatsCsv([], [])).toBe(`${HEADER}\n`);
  });
});
