import { ValidationFailedError } from '../../common/errors/domain.error';
import {
  addDays,
  instantsOf,
  monthWindows,
  resolveStatsRange,
  twelveMonthsBefore,
} from './stats-range';

function violationOf(run: () => unknown): { field: string; constraints: string[] }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      return error.details as { field: string; constraints: string[] }[];
    }
    throw error;
  }
  throw new Error('did not throw');
}

describe('stats range', () => {
  it('defaults to twelve calendar months up to today', () => {
    expect(resolveStatsRange({}, '2026-11-24')).toEqual({ from: '2025-12-01', to: '2026-11-24' });
    expect(twelveMonthsBefore('2026-01-31')).toBe('2025-02-01');
    expect(resolveStatsRange({ to: '2026-03-15' }, '2026-11-24')).toEqual({
      from: '2025-04-01',
      to: '2026-03-15',
    });
  });

  it('refuses impossible dates, a reversed range and one over 366 days, naming the field', () => {
    expect(violationOf(() => resolveStatsRange({ from: '2026-02-30' }, '2026-11-24'))).toEqual([
      { field: 'from', constraints: ['isDate'] },
    ]);
    expect(
      violationOf(() => resolveStatsRange({ from: '2026-05-02', to: '2026-05-01' }, '2026-11-24')),
    ).toEqual([{ field: 'to', constraints: ['isNotBeforeFrom'] }]);
    expect(
      violationOf(() => resolveStatsRange({ from: '2025-01-01', to: '2026-01-02' }, '2026-11-24')),
    ).toEqual([{ field: 'to', constraints: ['maxPeriod'] }]);
    // 2024 is a leap year: 366 days are allowed.
    expect(resolveStatsRange({ from: '2024-01-01', to: '2024-12-31' }, '2026-11-24').to).toBe(
      '2024-12-31',
    );
  });

  it('turns local dates into instants on the region clock', () => {
    expect(instantsOf({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Shanghai')).toEqual({
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('cuts the range into local months, the first and last cut to the range', () => {
    const months = monthWindows({ from: '2026-10-15', to: '2026-12-02' }, 'Asia/Shanghai');
    expect(months).toEqual([
      {
        period: '2026-10',
        start: new Date('2026-10-14T16:00:00Z'),
        end: new Date('2026-10-31T16:00:00Z'),
      },
      {
        period: '2026-11',
        start: new Date('2026-10-31T16:00:00Z'),
        end: new Date('2026-11-30T16:00:00Z'),
      },
      {
        period: '2026-12',
        start: new Date('2026-11-30T16:00:00Z'),
        end: new Date('2026-12-02T16:00:00Z'),
      },
    ]);
  });
});
