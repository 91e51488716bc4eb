import { OpeningHours } from '@yizhan/contracts';
import { isOpenAt, toLocalMoment } from './opening-hours';

const SHANGHAI = 'Asia/Shanghai';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function dailyHours(open: string, close: string, exceptions: OpeningHours['exceptions'] = []) {
  return { weekly: EVERY_DAY.map((day) => ({ day, open, close })), exceptions };
}

/** An instant given as Beijing wall-clock time (UTC+8, no DST). */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe(isOpenAt.name, () => {
  it('is open inside a daytime interval and closed at its end', () => {
    const hours = dailyHours('08:00', '22:00');

    expect(isOpenAt(hours, beijing('2026-11-23T07:59'), SHANGHAI)).toBe(false);
    expect(isOpenAt(hours, beijing('2026-11-23T08:00'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2026-11-23T21:59'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2026-11-23T22:00'), SHANGHAI)).toBe(false);
  });

  it('reads the hours on the station’s clock, not the server’s', () => {
    const hours = dailyHours('08:00', '22:00');
    // 01:00 UTC is 09:00 in Shanghai but 20:00 the day before in New York (EST).
    const instant = new Date('2026-11-23T01:00:00Z');

    expect(isOpenAt(hours, instant, SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, instant, 'America/New_York')).toBe(true);
    expect(isOpenAt(hours, new Date('2026-11-23T03:30:00Z'), 'America/New_York')).toBe(false);
  });

  it('follows an interval past midnight into the next morning', () => {
    const hours = dailyHours('18:00', '06:00');

    expect(isOpenAt(hours, beijing('2026-11-23T17:59'), SHANGHAI)).toBe(false);
    expect(isOpenAt(hours, beijing('2026-11-23T23:30'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2026-11-24T05:59'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2026-11-24T06:00'), SHANGHAI)).toBe(false);
  });

  it('keeps the after-midnight tail with the day the interval started', () => {
    // Open Friday night only (day 5), 20:00 to 02:00: Saturday 01:00 is open, Friday 01:00 not.
    const hours = { weekly: [{ day: 5, open: '20:00', close: '02:00' }], exceptions: [] };

    expect(isOpenAt(hours, beijing('2026-11-28T01:00'), SHANGHAI)).toBe(true); // Saturday
    expect(isOpenAt(hours, beijing('2026-11-27T01:00'), SHANGHAI)).toBe(false); // Friday
  });

  it('treats open equal to close as around the clock, and 24:00 as midnight', () => {
    expect(isOpenAt(dailyHours('00:00', '00:00'), beijing('2026-11-23T03:00'), SHANGHAI)).toBe(
      true,
    );
    expect(isOpenAt(dailyHours('12:00', '24:00'), beijing('2026-11-23T23:59'), SHANGHAI)).toBe(
      true,
    );
    expect(isOpenAt(dailyHours('12:00', '24:00'), beijing('2026-11-24T00:00'), SHANGHAI)).toBe(
      false,
    );
  });

  it('uses the weekday’s own intervals, several per day', () => {
    const hours = {
      weekly: [
        { day: 1, open: '08:00', close: '12:00' },
        { day: 1, open: '14:00', close: '18:00' },
      ],
      exceptions: [],
    };

    expect(isOpenAt(hours, beijing('2026-11-23T09:00'), SHANGHAI)).toBe(true); // Monday
    expect(isOpenAt(hours, beijing('2026-11-23T13:00'), SHANGHAI)).toBe(false);
    expect(isOpenAt(hours, beijing('2026-11-23T15:00'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2026-11-24T09:00'), SHANGHAI)).toBe(false); // Tuesday
  });

  it('honours a closed date', () => {
    const hours = dailyHours('08:00', '22:00', [
      { date: '2026-10-01', closed: true, note: '国庆' },
    ]);

    expect(isOpenAt(hours, beijing('2026-10-01T10:00'), SHANGHAI)).toBe(false);
    expect(isOpenAt(hours, beijing('2026-10-02T10:00'), SHANGHAI)).toBe(true);
  });

  it('replaces the weekly hours with a date’s own intervals', () => {
    const hours = dailyHours('08:00', '22:00', [
      { date: '2026-10-02', closed: false, intervals: [{ open: '10:00', close: '16:00' }] },
    ]);

    expect(isOpenAt(hours, beijing('2026-10-02T09:00'), SHANGHAI)).toBe(false);
    expect(isOpenAt(hours, beijing('2026-10-02T15:00'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2026-10-02T17:00'), SHANGHAI)).toBe(false);
  });

  it('lets an exception past midnight reach into the next day', () => {
    const hours = dailyHours('08:00', '20:00', [
      { date: '2026-12-31', closed: false, intervals: [{ open: '08:00', close: '03:00' }] },
    ]);

    expect(isOpenAt(hours, beijing('2027-01-01T02:00'), SHANGHAI)).toBe(true);
    expect(isOpenAt(hours, beijing('2027-01-02T02:00'), SHANGHAI)).toBe(false);
  });

  it('counts malformed times as closed', () => {
    expect(isOpenAt(dailyHours('8am', '22:00'), beijing('2026-11-23T10:00'), SHANGHAI)).toBe(false);
    expect(isOpenAt(dailyHours('08:00', '25:00'), beijing('2026-11-23T10:00'), SHANGHAI)).toBe(
      false,
    );
  });

  it('is closed with no hours at all', () => {
    expect(isOpenAt({ weekly: [], exceptions: [] }, beijing('2026-11-23T10:00'), SHANGHAI)).toBe(
      false,
    );
  });
});

describe(toLocalMoment.name, () => {
  it('gives the local date, ISO weekday and minute of day', () => {
    expect(toLocalMoment(new Date('2026-11-22T16:30:00Z'), SHANGHAI)).toEqual({
      date: '2026-11-23',
      weekday: 1,
      minuteOfDay: 30,
    });
    expect(toLocalMoment(new Date('2026-11-29T15:59:00Z'), SHANGHAI)).toEqual({
      date: '2026-11-29',
      weekday: 7,
      minuteOfDay: 23 * 60 + 59,
    });
  });
});
