/**
 * Redemption values the client needs at run time. Kept free of DTO classes: their
 * class-transformer decorators need reflect-metadata, which the mini-program does not ship.
 */

/**
 * `issued` codes wait at the counter; `fulfilled` ones were handed over; `cancelled` (by the
 * worker) and `expired` ones gave the points back.
 */
export const RedemptionStatus = {
  Issued: 'issued',
  Fulfilled: 'fulfilled',
  Cancelled: 'cancelled',
  Expired: 'expired',
} as const;
export type RedemptionStatus = (typeof RedemptionStatus)[keyof typeof RedemptionStatus];
export const REDEMPTION_STATUSES: readonly RedemptionStatus[] = Object.values(RedemptionStatus);

/**
 * A redemption code is 12 digits: easy to read aloud in any dialect and to type on a phone's
 * number pad, and ~40 bits of randomness, so with verify attempts rate-limited guessing a live
 * code is hopeless. Shown in groups of four.
 */
export const REDEMPTION_CODE_LENGTH = 12;
export const REDEMPTION_CODE_PATTERN = /^[0-9]{12}$/;

/** Strips the spaces and dashes people type or scanners add: `1234 5678-9012` → `123456789012`. */
export function normalizeRedemptionCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** `123456789012` → `1234 5678 9012`. */
export function formatRedemptionCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
