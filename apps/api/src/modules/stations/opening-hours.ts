import { OpeningHours } from '@yizhan/contracts';

const MINUTES_PER_DAY = 24 * 60;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock moment in some time zone: ISO date, ISO weekday (1 = Monday) and minute of day. */
export interface LocalMoment {
  date: string;
  weekday: number;
  minuteOfDay: number;
}

interface Interval {
  open: string;
  close: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const MS_PER_MINUTE = 60_000;
/** The last moment read per time zone: a page of stations asks the same minute many times. */
const lastMoments = new Map<string, { minute: number; moment: LocalMoment }>();

/** Reads `instant` on the clocks of `timeZone` (an IANA name such as Asia/Shanghai). */
export function toLocalMoment(instant: Date, timeZone: string): LocalMoment {
  // Every zone in use is offset by whole minutes, so one UTC minute is one local minute.
  const minute = Math.floor(instant.getTime() / MS_PER_MINUTE);
  const last = lastMoments.get(timeZone);
  if (last?.minute === minute) return last.moment;
  const moment = readLocalMoment(instant, timeZone);
  lastMoments.set(timeZone, { minute, moment });
  return moment;
}

function readLocalMoment(instant: Date, timeZone: string): LocalMoment {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return {
    date,
    weekday: isoWeekday(date),
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function previousDate(date: string): string {
  const previous = new Date(`${date}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() - 1);
  return previous.toISOString().slice(0, 10);
}

/** The last day asked for by dayBefore: a page of stations asks about the same date. */
let lastDayBefore = { of: '', date: '', weekday: 0 };

function dayBefore(date: string): { date: string; weekday: number } {
  if (lastDayBefore.of !== date) {
    const previous = previousDate(date);
    lastDayBefore = { of: date, date: previous, weekday: isoWeekday(previous) };
  }
  return lastDayBefore;
}

/** "HH:mm" → minute of day; "24:00" is accepted as a closing time meaning midnight. */
function minuteOf(time: string, allowEndOfDay: boolean): number | null {
  if (allowEndOfDay && time === '24:00') return MINUTES_PER_DAY;
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The intervals that start on `date`: its exception if it has one, else its weekday's hours. */
function intervalsStartingOn(hours: OpeningHours, date: string, weekday: number): Interval[] {
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return exception.closed ? [] : (exception.intervals ?? []);
  return hours.weekly.filter((interval) => interval.day === weekday);
}

/**
 * Whether the opening hours say "open" at `instant` in `timeZone`.
 *
 * - An interval with `close` before `open` runs past midnight into the next day; that tail
 *   belongs to the day it started, so a closure exception on the next date does not cut it.
 * - `open` equal to `close` means the whole day (24 h).
 * - Malformed times make an interval count as closed rather than open.
 */
export function isOpenAt(hours: OpeningHours, instant: Date, timeZone: string): boolean {
  const now = toLocalMoment(instant, timeZone);
  const today = intervalsStartingOn(hours, now.date, now.weekday);
  for (const interval of today) {
    const open = minuteOf(interval.open, false);
    const close = minuteOf(interval.close, true);
    if (open === null || close === null) continue;
    if (open === close) return true;
    const end = close < open ? MINUTES_PER_DAY : close;
    if (now.minuteOfDay >= open && now.minuteOfDay < end) return true;
  }
  const before = dayBefore(now.date);
  const yesterday = intervalsStartingOn(hours, before.date, before.weekday);
  for (const interval of yesterday) {
    const open = minuteOf(interval.open, false);
    const close = minuteOf(interval.close, true);
    if (open === null || close === null) continue;
    if (close < open && now.minuteOfDay < close) return true;
  }
  return false;
}
