import {
  DEFAULT_GEOFENCE_RADIUS_M,
  StationStatus,
  type Amenity,
  type CreateStationDto,
  type OpeningException,
  type OpeningHours,
  type OpeningInterval,
  type StationDetail,
  type StationHotline,
  type UpdateStationDto,
} from '@yizhan/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { LocationValue } from '../../components/LocationPicker';
import { t } from './messages';

/** One row of the weekly hours editor: the same hours on several days. */
export interface WeeklyRow {
  days: number[];
  open: string;
  close: string;
}

/** One special date: closed all day, or open at the listed intervals. */
export interface ExceptionRow {
  date: Dayjs | null;
  closed: boolean;
  /** "09:00-12:00, 14:00-18:00" */
  intervals?: string;
  note?: string;
}

/** The station editor's form values. */
export interface StationFormValues {
  regionId?: string;
  name: string;
  brand: string;
  address: string;
  location: LocationValue;
  status: StationStatus;
  amenities: Amenity[];
  weekly: WeeklyRow[];
  exceptions: ExceptionRow[];
  phone?: string | null;
  managerName?: string | null;
  services: string[];
  hotlines: StationHotline[];
  description?: string | null;
  geofenceRadiusM: number;
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const TELEPHONE = /^[0-9+\-() ]{3,32}$/;
const INTERVAL = /^\s*(\d{2}:\d{2})\s*[-–~至]\s*(\d{2}:\d{2})\s*$/;

/** "09:00-12:00, 14:00-18:00" as intervals, or null when any part is not a valid interval. */
export function parseIntervals(
  text: string | undefined,
): Array<{ open: string; close: string }> | null {
  const parts = (text ?? '')
    .split(/[,，;；]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const intervals: Array<{ open: string; close: string }> = [];
  for (const part of parts) {
    const match = INTERVAL.exec(part);
    if (!match || !TIME_OF_DAY.test(match[1]) || !CLOSING_TIME.test(match[2])) return null;
    intervals.push({ open: match[1], close: match[2] });
  }
  return intervals;
}

const formatIntervals = (intervals: Array<{ open: string; close: string }> = []) =>
  intervals.map(({ open, close }) => `${open}-${close}`).join(', ');

/** Weekly intervals grouped by their hours, so "Mon–Sun 08:00–22:00" is one row. */
export function toWeeklyRows(weekly: OpeningInterval[]): WeeklyRow[] {
  const rows = new Map<string, WeeklyRow>();
  for (const interval of [...weekly].sort((a, b) => a.day - b.day)) {
    const key = `${interval.open}-${interval.close}`;
    const row = rows.get(key) ?? { days: [], open: interval.open, close: interval.close };
    if (!row.days.includes(interval.day)) row.days.push(interval.day);
    rows.set(key, row);
  }
  return [...rows.values()];
}

export function toOpeningHours(weekly: WeeklyRow[], exceptions: ExceptionRow[]): OpeningHours {
  const intervals: OpeningInterval[] = weekly
    .flatMap((row) => row.days.map((day) => ({ day, open: row.open, close: row.close })))
    .sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  const dates: OpeningException[] = exceptions
    .filter((row) => row.date)
    .map((row) => {
      const exception: OpeningException = {
        date: row.date!.format('YYYY-MM-DD'),
        closed: row.closed,
      };
      if (!row.closed) exception.intervals = parseIntervals(row.intervals) ?? [];
      const note = row.note?.trim();
      if (note) exception.note = note;
      return exception;
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  return { weekly: intervals, exceptions: dates };
}

/** A new station's form: open, standard check-in radius, the brand most stations carry. */
export function emptyStationForm(brand = ''): StationFormValues {
  return {
    name: '',
    brand,
    address: '',
    location: { lat: null, lng: null },
    status: StationStatus.Open,
    amenities: [],
    weekly: [],
    exceptions: [],
    phone: '',
    managerName: '',
    services: [],
    hotlines: [],
    description: '',
    geofenceRadiusM: DEFAULT_GEOFENCE_RADIUS_M,
  };
}

export function stationToForm(station: StationDetail): StationFormValues {
  return {
    regionId: station.regionId,
    name: station.name,
    brand: station.brand,
    address: station.address,
    location: { lat: station.lat, lng: station.lng },
    status: station.status,
    amenities: station.amenities,
    weekly: toWeeklyRows(station.openingHours.weekly),
    exceptions: station.openingHours.exceptions.map((exception) => ({
      date: dayjs(exception.date, 'YYYY-MM-DD'),
      closed: exception.closed,
      intervals: formatIntervals(exception.intervals),
      note: exception.note ?? '',
    })),
    phone: station.phone ?? '',
    managerName: station.managerName ?? '',
    services: station.services,
    hotlines: station.hotlines,
    description: station.description ?? '',
    geofenceRadiusM: station.geofenceRadiusM,
  };
}

const textOrNull = (text: string | null | undefined) => text?.trim() || null;

/** Every editable field as the API takes it (blank optional texts are null). */
function toFields(values: StationFormValues) {
  return {
    name: values.name.trim(),
    brand: values.brand.trim(),
    address: values.address.trim(),
    lat: values.location.lat as number,
    lng: values.location.lng as number,
    status: values.status,
    amenities: values.amenities ?? [],
    openingHours: toOpeningHours(values.weekly ?? [], values.exceptions ?? []),
    phone: textOrNull(values.phone),
    managerName: textOrNull(values.managerName),
    services: (values.services ?? []).map((service) => service.trim()).filter(Boolean),
    hotlines: (values.hotlines ?? []).map(({ name, phone }) => ({
      name: name.trim(),
      phone: phone.trim(),
    })),
    description: textOrNull(values.description),
    geofenceRadiusM: values.geofenceRadiusM,
  };
}

/** `POST /stations`: optional fields left empty are not sent. */
export function toCreateStation(values: StationFormValues): CreateStationDto {
  const fields = toFields(values);
  const dto: Record<string, unknown> = { regionId: values.regionId, ...fields };
  for (const key of ['phone', 'managerName', 'description'] as const) {
    if (fields[key] === null) delete dto[key];
  }
  return dto as unknown as CreateStationDto;
}

/** `PATCH /stations/:id`: only what differs from the stored station (null clears). */
export function toUpdateStation(
  values: StationFormValues,
  station: StationDetail,
): UpdateStationDto {
  const before = toFields(stationToForm(station));
  const after = toFields(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes as UpdateStationDto;
}

/** Days as people write them: "每天", "周一至周五", "周一、周三". */
export function formatDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return t('weekday.everyDay');
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === day - 1) run.push(day);
    else runs.push([day]);
  }
  const dayName = (day: number) => t(`weekday.${day}` as Parameters<typeof t>[0]);
  return runs
    .map((run) =>
      run.length >= 3
        ? t('weekday.range', { from: dayName(run[0]), to: dayName(run[run.length - 1]) })
        : run.map(dayName).join('、'),
    )
    .join('、');
}

/** Weekly hours in one line per distinct hours: "周一至周五 08:00–22:00". */
export function formatWeekly(weekly: OpeningInterval[]): string[] {
  const byDays = new Map<string, { days: number[]; hours: string[] }>();
  // Several intervals on a day (a lunch break) stay together: group days by their whole list.
  const perDay = new Map<number, string[]>();
  for (const interval of [...weekly].sort((a, b) => a.open.localeCompare(b.open))) {
    perDay.set(interval.day, [
      ...(perDay.get(interval.day) ?? []),
      `${interval.open}–${interval.close}`,
    ]);
  }
  for (const [day, hours] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
    const key = hours.join(', ');
    const group = byDays.get(key) ?? { days: [], hours };
    group.days.push(day);
    byDays.set(key, group);
  }
  return [...byDays.values()].map(({ days, hours }) => `${formatDays(days)} ${hours.join(', ')}`);
}
