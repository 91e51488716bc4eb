const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `date` (YYYY-MM-DD) is a day of the calendar. The contracts' pattern lets through
 * 2026-02-30; the Date constructor would quietly roll it over to 2 March.
 */
export function isCalendarDate(date: string): boolean {
  if (!DATE_SHAPE.test(date)) return false;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

/** Calendar days from `from` to `to`, both counted: the same date is 1, `to` before `from` ≤ 0. */
export function daysInclusive(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.round((end - start) / DAY_MS) + 1;
}
