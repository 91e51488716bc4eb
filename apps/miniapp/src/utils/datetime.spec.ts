import { setLocale } from '../i18n';
import {
  formatCountdown,
  formatDate,
  formatDateTime,
  formatTime,
  localDate,
  localDateOffset,
  monthPeriod,
  secondsUntil,
} from './datetime';

// jest.config.js runs every suite in Asia/Shanghai.
const BEIJING = '+08:00';

beforeAll(() => setLocale('zh-CN', false));

describe(localDate.name, () => {
  it('gives the local calendar day, not the UTC one', () => {
    // 00:30 in Beijing is still the previous day in UTC.
    const justAfterMidnight = new Date(`2026-11-24T00:30:00${BEIJING}`);
    expect(justAfterMidnight.toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(localDate(justAfterMidnight)).toBe('2026-11-24');
    expect(localDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('moves by whole local days across a month end', () => {
    expect(localDateOffset(1, new Date(2026, 10, 30, 23, 0))).toBe('2026-12-01');
    expect(localDateOffset(-1, new Date(2026, 0, 1, 8, 0))).toBe('2025-12-31');
  });
});

describe(formatDateTime.name, () => {
  const now = new Date(2026, 10, 24, 12, 0);

  it('leaves out the year of this year', () => {
    expect(formatDateTime(new Date(2026, 10, 24, 9, 5).toISOString(), now)).toBe('11月24日 09:05');
  });

  it('names the year of another year', () => {
    expect(formatDateTime(new Date(2027, 0, 2, 18, 30).toISOString(), now)).toBe(
      '2027年1月2日 18:30',
    );
  });

  it('shows nothing for a value that is not a time', () => {
    expect(formatDateTime('soon', now)).toBe('');
    expect(formatDate('soon')).toBe('');
    expect(formatTime('soon')).toBe('');
  });
});

describe(formatDate.name, () => {
  it('always names the year', () => {
    expect(formatDate(new Date(2027, 11, 31, 23, 59).toISOString())).toBe('2027年12月31日');
  });
});

describe(secondsUntil.name, () => {
  it('counts whole seconds up and stops at zero', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(secondsUntil('2026-11-24T10:01:00.500Z', now)).toBe(61);
    expect(secondsUntil('2026-11-24T09:59:00Z', now)).toBe(0);
  });
});

describe(formatCountdown.name, () => {
  it.each([
    [0, '00:00:00'],
    [59, '00:00:59'],
    [3_600 + 2 * 60 + 3, '01:02:03'],
    [86_399, '23:59:59'],
    [2 * 86_400 + 3 * 3600 + 12 * 60 + 45, '2 天 03:12:45'],
    [-5, '00:00:00'],
  ])('shows %d s as %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });
});

describe(monthPeriod.name, () => {
  it('is this month up to today', () => {
    expect(monthPeriod('thisMonth', new Date(2026, 10, 24, 9, 0))).toEqual({
      from: '2026-11-01',
      to: '2026-11-24',
    });
  });

  it('is the whole of last month, across a year end', () => {
    expect(monthPeriod('lastMonth', new Date(2026, 0, 15))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(monthPeriod('lastMonth', new Date(2026, 2, 1))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });
});
