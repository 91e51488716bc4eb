import { StationVisitStat } from '@yizhan/contracts';
import { ValidationFailedError } from '../../common/errors/domain.error';
import { encodeCursor } from '../../common/pagination/cursor';
import { decodeVisitStatsCursor, visitStatsSortKey } from './visit-stats-cursor';

const row = (period: string): StationVisitStat => ({
  stationId: '0b5c3a52-4a8e-4c59-9d0e-0e3f2f1a6b7c',
  stationName: '集里街道 "红色" 驿站',
  period,
  visits: 3,
  uniqueWorkers: 2,
  flagged: 1,
});

describe(decodeVisitStatsCursor.name, () => {
  it.each([
    ['day', '2026-11-24'],
    ['month', '2026-11'],
  ] as const)('reads back the position of a %s row', (granularity, period) => {
    const cursor = encodeCursor(visitStatsSortKey(row(period)));

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeVisitStatsCursor(cursor, granularity)).toEqual({
      period,
      stationName: '集里街道 "红色" 驿站',
      stationId: '0b5c3a52-4a8e-4c59-9d0e-0e3f2f1a6b7c',
    });
  });

  it.each([
    ['a month cursor on a day list', encodeCursor(visitStatsSortKey(row('2026-11'))), 'day'],
    ['a day cursor on a month list', encodeCursor(visitStatsSortKey(row('2026-11-24'))), 'month'],
    ['a cursor of two parts', encodeCursor(['2026-11-24', 'x']), 'day'],
    ['text that is no cursor', 'not a cursor!', 'day'],
  ] as const)('refuses %s with 400', (_, cursor, granularity) => {
    expect(() => decodeVisitStatsCursor(cursor, granularity)).toThrow(ValidationFailedError);
  });
});
