import { MAX_STATS_RANGE_DAYS } from '@yizhan/contracts';

/** Scope and range every console statistic takes (`StatsQueryDto`'s fields, all filled in). */
export interface StatsFilter {
  /** Local dates on the region's clock, both included. */
  from: string;
  to: string;
  /** A region inside the admin's subtree; undefined = the whole subtree. */
  regionId?: string;
}

/** Time zone of the districts unless a region says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) on a region's clock, whatever the browser's own zone. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The API's default range: twelve calendar months ending with today's (partial) month, so a
 * monthly chart starts with a whole month. 2026-11-24 → 2025-12-01 … 2026-11-24.
 */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 11;
  const first = new Date(Date.UTC(year, month - 1, 1));
  return { from: first.toISOString().slice(0, 10), to: today };
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isLocalDate = (value: string | null): value is string =>
  value !== null && LOCAL_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * The filter a page address holds (`?from=&to=&region=`, so a view can be bookmarked and sent
 * on), or the default range when it holds none. A hand-edited or stale address is never an
 * error: a range the API would refuse falls back to the default, an unknown region to the whole
 * subtree (the API checks the region is the admin's in any case).
 */
export function filterFromSearch(search: URLSearchParams, today: string): StatsFilter {
  const from = search.get('from');
  const to = search.get('to');
  const range =
    isLocalDate(from) && isLocalDate(to) && isRangeAllowed(from, to)
      ? { from, to }
      : lastTwelveMonths(today);
  const regionId = search.get('region') || undefined;
  return regionId ? { ...range, regionId } : range;
}

/** The address query of a filter: the default range is left out, so plain links stay plain. */
export function searchFromFilter(filter: StatsFilter, today: string): Record<string, string> {
  const fallback = lastTwelveMonths(today);
  const query: Record<string, string> = {};
  if (filter.from !== fallback.from || filter.to !== fallback.to) {
    query.from = filter.from;
    query.to = filter.to;
  }
  if (filter.regionId) query.region = filter.regionId;
  return query;
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysInclusive(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** Whether the API accepts this range (MAX_STATS_RANGE_DAYS at most, in order). */
export function isRangeAllowed(from: string, to: string): boolean {
  const days = daysInclusive(from, to);
  return days >= 1 && days <= MAX_STATS_RANGE_DAYS;
}

/** Every month (`YYYY-MM`) the range touches, in order. */
export function monthsInRange(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    if (period > last) return months;
    months.push(period);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The query parameters of a filter (no regionId when the whole subtree is meant). */
export function statsQuery(filter: StatsFilter): Record<string, string | undefined> {
  return { from: filter.from, to: filter.to, regionId: filter.regionId };
}
