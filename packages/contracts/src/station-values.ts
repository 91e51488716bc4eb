/** What a station's opening hours, hotlines and services may hold at most. */
export const MAX_WEEKLY_INTERVALS = 28;
export const MAX_OPENING_EXCEPTIONS = 100;
export const MAX_STATION_HOTLINES = 20;
export const MAX_STATION_SERVICES = 30;
