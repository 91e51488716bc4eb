import { FieldViolation, MAX_STATS_RANGE_DAYS } from '@yizhan/contracts';
import { ValidationFailedError } from '../../common/errors/domain.error';
import { daysInclusive, isCalendarDate } from '../../common/local-dates';
import { startOfLocalDay } from '../ledger/points-periods';

/** Local dates a statistics request covers, both included. */
export interface LocalDateRange {
  from: string;
  to: string;
}

/** One local month of a range and the instants it starts and ends (end excluded). */
export interface MonthWindow {
  period: string;
  start: Date;
  end: Date;
}

/** The date `days` calendar days after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The first day of the month eleven months before `to`'s: with `to`'s own (partial) month that
 * makes twelve calendar months, so a monthly chart of the default range has no cut-off first
 * bar. 2026-11-24 → 2025-12-01 (359 days, always under MAX_STATS_RANGE_DAYS).
 */
export function twelveMonthsBefore(to: string): string {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7)) - 11;
  const shifted = new Date(Date.UTC(year, month - 1, 1));
  return shifted.toISOString().slice(0, 10);
}

/**
 * The range a query asks for, with the defaults filled in — `to` today, `from` twelve calendar
 * months back — then checked: both real dates, `from` not after `to`, at most
 * MAX_STATS_RANGE_DAYS days. Every broken rule names its field (400 VALIDATION_FAILED).
 */
export function resolveStatsRange(
  query: { from?: string; to?: string },
  today: string,
): LocalDateRange {
  const violations: FieldViolation[] = [];
  if (query.from !== undefined && !isCalendarDate(query.from)) {
    violations.push({ field: 'from', constraints: ['isDate'] });
  }
  if (query.to !== undefined && !isCalendarDate(query.to)) {
    violations.push({ field: 'to', constraints: ['isDate'] });
  }
  if (violations.length > 0) {
    throw new ValidationFailedError(violations, 'from and to must be real dates (YYYY-MM-DD)');
  }
  const to = query.to ?? today;
  const from = query.from ?? twelveMonthsBefore(to);
  const days = daysInclusive(from, to);
  if (days < 1) {
    throw ValidationFailedError.forField('to', 'isNotBeforeFrom', 'to must not be before from');
  }
  if (days > MAX_STATS_RANGE_DAYS) {
    throw ValidationFailedError.forField(
      'to',
      'maxPeriod',
      `Statistics cover at most ${MAX_STATS_RANGE_DAYS} days`,
    );
  }
  return { from, to };
}

/** The instants a local-date range starts and ends on `timeZone`'s clock (end excluded). */
export function instantsOf(range: LocalDateRange, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(range.from, timeZone),
    end: startOfLocalDay(addDays(range.to, 1), timeZone),
  };
}

/**
 * The local months a range touches, each cut to the range: the first starts at `from`, the last
 * ends after `to`. Their instants let SQL bucket timestamps by local month without any time-zone
 * arithmetic of its own (which MySQL/MariaDB and SQLite do differently).
 */
export function monthWindows(range: LocalDateRange, timeZone: string): MonthWindow[] {
  const windows: MonthWindow[] = [];
  let first = range.from;
  while (first <= range.to) {
    const nextMonth = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 1))
      .toISOString()
      .slice(0, 10);
    const last = nextMonth > range.to ? addDays(range.to, 1) : nextMonth;
    windows.push({
      period: first.slice(0, 7),
      start: startOfLocalDay(first, timeZone),
      end: startOfLocalDay(last, timeZone),
    });
    first = nextMonth;
  }
  return windows;
}

/** The calendar year `year` as a local-date range. */
export function yearRange(year: number): LocalDateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
