import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The districts' time zone: validity windows are entered and shown in it, wherever the browser is. */
export const SHANGHAI = 'Asia/Shanghai';
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

/**
 * An instant as a picker value showing Shanghai's wall clock. The pickers work in the browser's
 * zone, so the value carries Shanghai's date and time as if they were local.
 */
export function toShanghaiPickerValue(iso: string | null): Dayjs | null {
  if (!iso) return null;
  return dayjs(dayjs(iso).tz(SHANGHAI).format(WALL_CLOCK), WALL_CLOCK);
}

/** A picker value read as Shanghai's wall clock, as the ISO instant the API takes. */
export function fromShanghaiPickerValue(value: Dayjs | null | undefined): string | null {
  if (!value) return null;
  return dayjs.tz(value.format(WALL_CLOCK), SHANGHAI).toISOString();
}

/** "2026-11-24 08:00" in Shanghai. */
export function formatShanghai(iso: string | null, pattern = 'YYYY-MM-DD HH:mm'): string {
  return iso ? dayjs(iso).tz(SHANGHAI).format(pattern) : '';
}
