import { t } from '../i18n';

/**
 * Dates as the user reads them: in the phone's own time zone (our users and the stations are in
 * China, so that is Beijing time), never the UTC day of an ISO string.
 */

const pad = (value: number) => String(value).padStart(2, '0');

function parsed(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `YYYY-MM-DD` of the local day, as the merchant list's `from`/`to` want it. */
export function localDate(date: Date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day `days` after `date` (negative: before), as `YYYY-MM-DD`. */
export function localDateOffset(days: number, date: Date = new Date()): string {
  return localDate(new Date(date.getFullYear(), date.getMonth(), date.getDate() + days));
}

/** "2026年11月24日" (the year is always shown: expiry dates are often next year). */
export function formatDate(iso: string): string {
  const date = parsed(iso);
  if (!date) return '';
  return t('format.date', { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() });
}

/** "11月24日 09:05", with the year only when it is not this year's. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const date = parsed(iso);
  if (!date) return '';
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const day =
    date.getFullYear() === now.getFullYear()
      ? t('format.monthDay', { m: date.getMonth() + 1, d: date.getDate() })
      : t('format.date', { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() });
  return t('format.dateTime', { date: day, time });
}

/** "HH:MM" of a time, for today's list at the counter. */
export function formatTime(iso: string): string {
  const date = parsed(iso);
  return date ? `${pad(date.getHours())}:${pad(date.getMinutes())}` : '';
}

/** Whole seconds from `now` until `iso` (0 once it has passed). */
export function secondsUntil(iso: string, now: number = Date.now()): number {
  const date = parsed(iso);
  if (!date) return 0;
  return Math.max(0, Math.ceil((date.getTime() - now) / 1000));
}

/** "2 天 03:12:45" or "03:12:45": a countdown someone at a counter can read at a glance. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const clock = [
    Math.floor((seconds % 86_400) / 3600),
    Math.floor((seconds % 3600) / 60),
    seconds % 60,
  ]
    .map(pad)
    .join(':');
  return days > 0 ? t('format.countdownDays', { d: days, clock }) : clock;
}

export type MonthChoice = 'thisMonth' | 'lastMonth';

/**
 * This month so far, or the whole of last month, as local dates with both ends counted (how
 * the settlement export reads them).
 */
export function monthPeriod(
  choice: MonthChoice,
  now: Date = new Date(),
): { from: string; to: string } {
  if (choice === 'thisMonth') {
    return { from: localDate(new Date(now.getFullYear(), now.getMonth(), 1)), to: localDate(now) };
  }
  return {
    from: localDate(new Date(now.getFullYear(), now.getMonth() - 1, 1)),
    // Day 0 of this month is the last day of the previous one.
    to: localDate(new Date(now.getFullYear(), now.getMonth(), 0)),
  };
}
