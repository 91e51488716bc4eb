import { daysInclusive, isCalendarDate } from './local-dates';

describe(isCalendarDate.name, () => {
  it.each(['2026-11-24', '2024-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', ''])(
    'refuses %p',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );
});

describe(daysInclusive.name, () => {
  it.each<[string, string, number]>([
    ['2026-11-24', '2026-11-24', 1],
    ['2026-11-30', '2026-12-01', 2],
    ['2026-01-01', '2026-12-31', 365],
    ['2024-01-01', '2024-12-31', 366],
    ['2026-02-28', '2026-03-01', 2],
    ['2026-11-25', '2026-11-24', 0],
  ])('counts %s to %s as %i days', (from, to, days) => {
    expect(daysInclusive(from, to)).toBe(days);
  });
});
