/** Values of the district console's statistics and coverage (shared by API and console). */

/** Longest range a statistics query may cover, in days (a year and a leap day). */
export const MAX_STATS_RANGE_DAYS = 366;

/** "Within reach": minutes of riding an electric bike to the nearest open station. */
export const COVERAGE_RIDE_MINUTES = 5;
/** Typical e-bike speed in town (GB 17761 caps it at 25 km/h; stops and lights bring it down). */
export const COVERAGE_RIDE_SPEED_KMH = 18;
/** Roads are longer than the straight line: street distance ≈ 1.3 × great-circle distance. */
export const COVERAGE_DETOUR_FACTOR = 1.3;
/** Straight-line radius of a 5-minute ride: 18 km/h × 5 min ÷ 1.3 ≈ 1154 m. */
export const COVERAGE_RADIUS_M = Math.round(
  (COVERAGE_RIDE_SPEED_KMH * 1000 * COVERAGE_RIDE_MINUTES) / 60 / COVERAGE_DETOUR_FACTOR,
);
/** Most report positions the coverage answer lists (the share is computed over all of them). */
export const MAX_COVERAGE_REPORT_POINTS = 2000;

/** Default and largest size of the top-volunteers list. */
export const DEFAULT_TOP_VOLUNTEERS = 20;
export const MAX_TOP_VOLUNTEERS = 100;

/** Tables the statistics CSV export can produce (`?table=`). */
export const StatsTable = {
  reportsByCategory: 'reports-by-category',
  reportsByDepartment: 'reports-by-department',
  points: 'points',
  volunteers: 'volunteers',
} as const;
export type StatsTable = (typeof StatsTable)[keyof typeof StatsTable];
export const STATS_TABLES: readonly StatsTable[] = Object.values(StatsTable);
