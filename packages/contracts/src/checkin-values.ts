/**
 * Check-in values the client needs at run time, kept free of DTO classes (their decorators need
 * reflect-metadata, which the mini-program does not ship).
 */

/** Every station code starts with this; anything else is not a Yizhan code at all. */
export const CHECKIN_CODE_PREFIX = 'YZ1';

/** How a visit was proven: the rotating code on the station's screen, or the poster plus GPS. */
export const CheckinMethod = {
  /** The rotating code shown on the station's screen: being there is proven by the code. */
  Live: 'live',
  /** The printed poster's code: only valid together with a location inside the geofence. */
  Poster: 'poster',
} as const;
export type CheckinMethod = (typeof CheckinMethod)[keyof typeof CheckinMethod];
export const CHECKIN_METHODS: readonly CheckinMethod[] = Object.values(CheckinMethod);

/** Why a recorded visit earned nothing. */
export const CheckinFlag = {
  /** Faster than anyone can travel from the worker's previous check-in. */
  ImpossibleTravel: 'impossible_travel',
} as const;
export type CheckinFlag = (typeof CheckinFlag)[keyof typeof CheckinFlag];
export const CHECKIN_FLAGS: readonly CheckinFlag[] = Object.values(CheckinFlag);

/** Seconds one rotating code is shown before the next one replaces it. */
export const LIVE_CODE_STEP_SECONDS = 30;

/** A fix whose reported accuracy is worse than this (metres) cannot prove where the worker is. */
export const MAX_CHECKIN_ACCURACY_M = 100;

/** Geofence radius of a station unless it sets its own (metres around its coordinates). */
export const DEFAULT_GEOFENCE_RADIUS_M = 150;
export const MIN_GEOFENCE_RADIUS_M = 30;
export const MAX_GEOFENCE_RADIUS_M = 1_000;

/** Statistics granularity: local days or local months of the station's region. */
export const VisitGranularity = {
  Day: 'day',
  Month: 'month',
} as const;
export type VisitGranularity = (typeof VisitGranularity)[keyof typeof VisitGranularity];
export const VISIT_GRANULARITIES: readonly VisitGranularity[] = Object.values(VisitGranularity);

/** Longest date range of one statistics request, in local days. */
export const MAX_VISIT_STATS_DAYS = 366;
