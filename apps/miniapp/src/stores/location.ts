import type { GeoPoint } from '../utils/geo';

/**
 * The last position the stations tab obtained, kept in memory only (never in storage: DESIGN.md
 * keeps locations only on reports and check-ins), so the detail page can show a distance.
 */
let lastPosition: GeoPoint | null = null;

export function rememberPosition(position: GeoPoint | null): void {
  lastPosition = position;
}

export function getLastPosition(): GeoPoint | null {
  return lastPosition;
}
