import { capPeriodKeys, expiryOf, isoWeekOf, startOfLocalDay } from './points-periods';

describe('points periods', () => {
  it.each([
    ['2026-11-24', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('puts %s in ISO week %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('keys caps by the local day and week of the region', () => {
    // 23:30 UTC on Monday the 23rd is already Tuesday morning in Beijing.
    expect(capPeriodKeys(new Date('2026-11-23T23:30:00Z'), 'Asia/Shanghai')).toEqual({
      day: 'd:2026-11-24',
      week: 'w:2026-W48',
    });
    // Sunday evening in Beijing still belongs to the old week.
    expect(capPeriodKeys(new Date('2026-11-29T15:59:00Z'), 'Asia/Shanghai').week).toBe(
      'w:2026-W48',
    );
    expect(capPeriodKeys(new Date('2026-11-29T16:00:00Z'), 'Asia/Shanghai').week).toBe(
      'w:2026-W49',
    );
  });

  it('finds local midnight in zones ahead of and behind UTC, across DST', () => {
    expect(startOfLocalDay('2028-01-01', 'Asia/Shanghai').toISOString()).toBe(
      '2027-12-31T16:00:00.000Z',
    );
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe(
      '2026-07-01T04:00:00.000Z',
    );
    expect(startOfLocalDay('2026-01-01', 'America/New_York').toISOString()).toBe(
      '2026-01-01T05:00:00.000Z',
    );
  });

  it('lets points lapse at the end of the year after the one they were earned in', () => {
    const policy = 'end_of_next_year';
    expect(expiryOf(policy, new Date('2026-01-01T00:00:00+08:00'), 'Asia/Shanghai')).toEqual(
      new Date('2028-01-01T00:00:00+08:00'),
    );
    expect(expiryOf(policy, new Date('2026-12-31T23:59:59+08:00'), 'Asia/Shanghai')).toEqual(
      new Date('2028-01-01T00:00:00+08:00'),
    );
    // 20:00 UTC on New Year's Eve is already the next year in Beijing.
    expect(expiryOf(policy, new Date('2026-12-31T20:00:00Z'), 'Asia/Shanghai')).toEqual(
      new Date('2029-01-01T00:00:00+08:00'),
    );
    expect(expiryOf('never', new Date(), 'Asia/Shanghai')).toBeNull();
  });
});
