import { MAX_VISIT_STATS_DAYS } from '@yizhan/contracts';
import { ValidationFailedError } from '../../common/errors/domain.error';
import { assertVisitStatsRange } from './visit-stats-range';

/** The field violations `assertVisitStatsRange` throws, or null when the range passes. */
function violationsOf(from: string, to: string): ValidationFailedError['violations'] | null {
  try {
    assertVisitStatsRange(from, to);
    return null;
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.violations;
    throw error;
  }
}

describe(assertVisitStatsRange.name, () => {
  it.each<[string, string]>([
    ['2026-11-24', '2026-11-24'],
    ['2026-11-01', '2026-11-30'],
    // 2024 is a leap year: 366 days, the longest range allowed.
    ['2024-01-01', '2024-12-31'],
    ['2026-01-01', '2027-01-01'],
  ])('accepts %s to %s', (from, to) => {
    expect(violationsOf(from, to)).toBeNull();
  });

  it(`refuses more than ${MAX_VISIT_STATS_DAYS} days on the "to" field`, () => {
    expect(violationsOf('2026-01-01', '2027-01-02')).toEqual([
      { field: 'to', constraints: ['maxPeriod'] },
    ]);
  });

  it('refuses to before from', () => {
    expect(violationsOf('2026-11-25', '2026-11-24')).toEqual([
      { field: 'to', constraints: ['isNotBeforeFrom'] },
    ]);
  });

  it('names every date that does not exist', () => {
    expect(violationsOf('2026-02-30', '2026-04-31')).toEqual([
      { field: 'from', constraints: ['isDate'] },
      { field: 'to', constraints: ['isDate'] },
    ]);
    expect(violationsOf('2026-11-01', '2026-02-29')).toEqual([
      { field: 'to', constraints: ['isDate'] },
    ]);
  });
});
