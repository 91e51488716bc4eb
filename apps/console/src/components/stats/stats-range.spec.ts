import {
  daysInclusive,
  filterFromSearch,
  isRangeAllowed,
  lastTwelveMonths,
  monthsInRange,
  searchFromFilter,
  statsQuery,
  todayIn,
} from './stats-range';

describe('stats range', () => {
  const TODAY = '2026-11-24';
  const search = (query: string) => new URLSearchParams(query);

  it('reads the range and region a page address holds', () => {
    expect(filterFromSearch(search('from=2026-01-01&to=2026-03-31&region=r-2'), TODAY)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      regionId: 'r-2',
    });
    expect(filterFromSearch(search(''), TODAY)).toEqual({ from: '2025-12-01', to: TODAY });
  });

  it('falls back to the default range for an address the API would refuse', () => {
    for (const query of [
      'from=2026-03-31&to=2026-01-01', // backwards
      'from=2024-01-01&to=2026-01-01', // longer than 366 days
      'from=2026-13-01&to=2026-12-31', // no such month
      'from=yesterday&to=2026-01-01',
      'from=2026-01-01', // half a range
    ]) {
      expect(filterFromSearch(search(query), TODAY)).toEqual({ from: '2025-12-01', to: TODAY });
    }
  });

  it('writes only what differs from the default into the address, and reads it back', () => {
    expect(searchFromFilter({ from: '2025-12-01', to: TODAY }, TODAY)).toEqual({});
    const chosen = { from: '2026-02-01', to: '2026-02-28', regionId: 'r-2' };
    const query = searchFromFilter(chosen, TODAY);
    expect(query).toEqual({ from: '2026-02-01', to: '2026-02-28', region: 'r-2' });
    expect(filterFromSearch(search(new URLSearchParams(query).toString()), TODAY)).toEqual(chosen);
  });

  it("reads today on the region's clock, not the browser's", () => {
    // 16:30 UTC on 31 July is already 1 August in Shanghai.
    const instant = new Date('2026-07-31T16:30:00Z');
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-08-01');
    expect(todayIn('UTC', instant)).toBe('2026-07-31');
  });

  it('defaults to twelve calendar months ending with the current one, as the API does', () => {
    expect(lastTwelveMonths('2026-11-24')).toEqual({ from: '2025-12-01', to: '2026-11-24' });
    expect(lastTwelveMonths('2026-01-05')).toEqual({ from: '2025-02-01', to: '2026-01-05' });
    const { from, to } = lastTwelveMonths('2028-12-31');
    expect(isRangeAllowed(from, to)).toBe(true);
  });

  it('allows at most 366 days, both ends counted, in order', () => {
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(isRangeAllowed('2024-01-01', '2024-12-31')).toBe(true); // leap year: 366
    expect(isRangeAllowed('2024-01-01', '2025-01-01')).toBe(false);
    expect(isRangeAllowed('2026-02-02', '2026-02-01')).toBe(false);
  });

  it('lists every month the range touches, across a year end', () => {
    expect(monthsInRange('2025-11-15', '2026-02-03')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsInRange('2026-07-01', '2026-07-31')).toEqual(['2026-07']);
  });

  it('leaves the region out when the whole subtree is meant', () => {
    expect(statsQuery({ from: '2026-01-01', to: '2026-01-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      regionId: undefined,
    });
  });
});
