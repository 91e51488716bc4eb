import type { OpeningHours } from '@yizhan/contracts';
import { setLocale } from '../i18n';
import { formatToday, hoursOn, localDate, upcomingExceptions, weekTable } from './opening-hours';

const HOURS: OpeningHours = {
  weekly: [
    { day: 1, open: '14:00', close: '20:00' },
    { day: 1, open: '08:00', close: '12:00' },
    { day: 2, open: '08:00', close: '20:00' },
    { day: 3, open: '08:00', close: '20:00' },
    { day: 4, open: '08:00', close: '20:00' },
    { day: 5, open: '08:00', close: '20:00' },
    { day: 6, open: '09:00', close: '18:00' },
  ],
  exceptions: [
    { date: '2026-10-01', closed: true, note: '国庆' },
    { date: '2026-10-02', closed: false, intervals: [{ open: '10:00', close: '16:00' }] },
  ],
};

beforeAll(() => setLocale('zh-CN', false));

describe(weekTable.name, () => {
  it('lists Monday to Sunday with sorted intervals and rest days', () => {
    const rows = weekTable(HOURS);
    expect(rows.map((row) => row.label)).toEqual([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日',
    ]);
    expect(rows[0]?.text).toBe('08:00–12:00、14:00–20:00');
    expect(rows[5]?.text).toBe('09:00–18:00');
    expect(rows[6]?.text).toBe('休息');
  });
});

describe(localDate.name, () => {
  it('uses the station zone, not the device zone', () => {
    // 2026-11-22T17:30Z is Monday 01:30 in Shanghai, still Sunday in UTC.
    expect(localDate(new Date('2026-11-22T17:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-11-23',
      day: 1,
    });
  });

  it('falls back to +08:00 for a zone the runtime does not know', () => {
    expect(localDate(new Date('2026-11-22T17:30:00Z'), 'Not/AZone')).toEqual({
      date: '2026-11-23',
      day: 1,
    });
  });
});

describe(hoursOn.name, () => {
  it("gives today's weekly hours", () => {
    const today = hoursOn(HOURS, new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai');
    expect(today).toMatchObject({ day: 1, closed: false });
    expect(formatToday(today)).toBe('今日 08:00–12:00、14:00–20:00');
  });

  it('reports a weekly rest day as closed', () => {
    const sunday = hoursOn(HOURS, new Date('2026-11-29T02:00:00Z'), 'Asia/Shanghai');
    expect(sunday.closed).toBe(true);
    expect(formatToday(sunday)).toBe('今日休息');
  });

  it('lets a dated exception override the weekly hours', () => {
    const holiday = hoursOn(HOURS, new Date('2026-10-01T02:00:00Z'), 'Asia/Shanghai');
    expect(holiday).toMatchObject({ closed: true, note: '国庆' });
    const shortDay = hoursOn(HOURS, new Date('2026-10-02T02:00:00Z'), 'Asia/Shanghai');
    expect(formatToday(shortDay)).toBe('今日 10:00–16:00');
  });
});

describe(upcomingExceptions.name, () => {
  const HOLIDAYS: OpeningHours = {
    weekly: [],
    exceptions: [
      { date: '2027-01-01', closed: true, note: '元旦' },
      { date: '2026-09-30', closed: true },
      {
        date: '2026-10-02',
        closed: false,
        intervals: [
          { open: '14:00', close: '18:00' },
          { open: '09:00', close: '12:00' },
        ],
      },
      { date: '2026-10-01', closed: true, note: '国庆' },
    ],
  };

  it('lists the exceptions from today on at the station, soonest first, in Chinese', () => {
    // 2026-10-01 00:30 in Beijing is still 30 September in UTC.
    const now = new Date('2026-09-30T16:30:00Z');

    expect(upcomingExceptions(HOLIDAYS, now, 'Asia/Shanghai')).toEqual([
      { date: '2026-10-01', label: '10月1日 周四', text: '休息', note: '国庆' },
      {
        date: '2026-10-02',
        label: '10月2日 周五',
        text: '09:00–12:00、14:00–18:00',
        note: undefined,
      },
      { date: '2027-01-01', label: '1月1日 周五', text: '休息', note: '元旦' },
    ]);
  });

  it('keeps to the limit', () => {
    const now = new Date('2026-09-01T00:00:00Z');

    expect(upcomingExceptions(HOLIDAYS, now, 'Asia/Shanghai', 2).map((row) => row.date)).toEqual([
      '2026-09-30',
      '2026-10-01',
    ]);
  });
});
