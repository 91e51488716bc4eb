import { ExpiryPolicy } from '@yizhan/contracts';
import { toLocalMoment } from '../stations/opening-hours';

/** Cap counter keys of the local day and ISO week of `instant` in `timeZone`: `d:2026-11-24`, `w:2026-W48`. */
export function capPeriodKeys(instant: Date, timeZone: string): { day: string; week: string } {
  const date = toLocalMoment(instant, timeZone).date;
  return { day: `d:${date}`, week: `w:${isoWeekOf(date)}` };
}

/** ISO 8601 week (`2026-W48`) of a calendar date: weeks start on Monday, week 1 holds a Thursday. */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  // The Thursday of the same week decides the week's year.
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - firstDay) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

// One formatter per time zone: making one costs about ten times what formatting with it does.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    offsetFormatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wallClock = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((wallClock - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant local midnight starts `date` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const first = new Date(guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000);
  // Once more in case the offset differs on the other side of a transition.
  return new Date(guess.getTime() - zoneOffsetMinutes(first, timeZone) * 60_000);
}

/**
 * When points earned at `earnedAt` lapse under `policy`: `end_of_next_year` is the end of the
 * calendar year after the one they were earned in, on the region's clocks (earned any day of
 * 2026 in Beijing → lapse at 2028-01-01 00:00 +08:00).
 */
export function expiryOf(policy: ExpiryPolicy, earnedAt: Date, timeZone: string): Date | null {
  if (policy === 'never') return null;
  const year = Number(toLocalMoment(earnedAt, timeZone).date.slice(0, 4));
  return startOfLocalDay(`${year + 2}-01-01`, timeZone);
}
