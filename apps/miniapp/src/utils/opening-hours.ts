import type { OpeningHours } from '@yizhan/contracts';
import { t, weekdayLabel } from '../i18n';

export interface TimeInterval {
  open: string;
  close: string;
}

export interface WeekRow {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  day: number;
  label: string;
  intervals: TimeInterval[];
  /** "08:00–12:00、14:00–20:00", or "休息". */
  text: string;
}

export interface DayHours {
  /** Local date at the station, YYYY-MM-DD. */
  date: string;
  day: number;
  closed: boolean;
  intervals: TimeInterval[];
  /** Why the day differs from the weekly hours (a holiday), when it does. */
  note?: string;
}

/** Stations are in China: a fixed +08:00 when the runtime cannot resolve the zone. */
const FALLBACK_OFFSET_MINUTES = 8 * 60;

function byOpenTime(a: TimeInterval, b: TimeInterval): number {
  return a.open.localeCompare(b.open);
}

export function formatIntervals(intervals: readonly TimeInterval[]): string {
  if (intervals.length === 0) return t('detail.closedDay');
  return intervals
    .map((interval) => t('format.timeRange', { open: interval.open, close: interval.close }))
    .join(t('format.intervalsJoin'));
}

/** Monday-to-Sunday rows of the weekly hours, intervals in time order. */
export function weekTable(hours: OpeningHours): WeekRow[] {
  const rows: WeekRow[] = [];
  for (let day = 1; day <= 7; day++) {
    const intervals = hours.weekly
      .filter((entry) => entry.day === day)
      .map(({ open, close }) => ({ open, close }))
      .sort(byOpenTime);
    rows.push({ day, label: weekdayLabel(day), intervals, text: formatIntervals(intervals) });
  }
  return rows;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The station's local calendar date and ISO weekday at `now`. Uses Intl with the station's
 * zone where the runtime supports it (some mini-program engines ship without zone data).
 */
export function localDate(now: Date, timeZone: string): { date: string; day: number } {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    }).formatToParts(now);
    const get = (type: Intl.DateTimeFormatPartTypes): string =>
      parts.find((part) => part.type === type)?.value ?? '';
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
    const date = `${get('year')}-${get('month')}-${get('day')}`;
    if (weekday > 0 && /^\d{4}-\d{2}-\d{2}$/.test(date)) return { date, day: weekday };
  } catch {
    // Unknown zone or no Intl zone data: fall through to the fixed offset.
  }
  const shifted = new Date(now.getTime() + FALLBACK_OFFSET_MINUTES * 60_000);
  const date = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  return { date, day: ((shifted.getUTCDay() + 6) % 7) + 1 };
}

/** Today's hours at the station: a dated exception wins over the weekly hours. */
export function hoursOn(hours: OpeningHours, now: Date, timeZone: string): DayHours {
  const { date, day } = localDate(now, timeZone);
  const exception = hours.exceptions.find((entry) => entry.date === date);
  if (exception) {
    const intervals = exception.closed ? [] : [...(exception.intervals ?? [])].sort(byOpenTime);
    return { date, day, closed: intervals.length === 0, intervals, note: exception.note };
  }
  const intervals = hours.weekly
    .filter((entry) => entry.day === day)
    .map(({ open, close }) => ({ open, close }))
    .sort(byOpenTime);
  return { date, day, closed: intervals.length === 0, intervals };
}

/** "今日 08:00–20:00" or "今日休息". */
export function formatToday(today: DayHours): string {
  if (today.closed) return t('detail.todayClosed');
  return `${t('detail.today')} ${formatIntervals(today.intervals)}`;
}

export interface ExceptionRow {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** "10月1日 周四". */
  label: string;
  /** "休息" or "10:00–16:00". */
  text: string;
  note?: string;
}

/** ISO weekday (1 = Monday) of a local calendar date. */
function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return ((weekday + 6) % 7) + 1;
}

/**
 * The dated departures from the weekly hours (holidays, short days) from today on at the
 * station, soonest first, as the detail page lists them: "10月1日 周四 · 休息（国庆）".
 */
export function upcomingExceptions(
  hours: OpeningHours,
  now: Date,
  timeZone: string,
  limit = 5,
): ExceptionRow[] {
  const today = localDate(now, timeZone).date;
  return hours.exceptions
    .filter((entry) => entry.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, limit)
    .map((entry) => {
      const [, month, day] = entry.date.split('-').map(Number);
      const intervals = entry.closed ? [] : [...(entry.intervals ?? [])].sort(byOpenTime);
      return {
        date: entry.date,
        label: `${t('format.monthDay', { m: month ?? 0, d: day ?? 0 })} ${weekdayLabel(weekdayOf(entry.date))}`,
        text: formatIntervals(intervals),
        note: entry.note,
      };
    });
}
