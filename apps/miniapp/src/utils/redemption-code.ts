/**
 * The contract's redemption values the client needs at run time, mirrored here on purpose.
 *
 * In @yizhan/contracts they live in `dto/redemption.dto.ts` (and `points.dto.ts`) beside DTO
 * classes whose class-transformer decorators call `Reflect.getMetadata` when the module is
 * evaluated. The client ships no reflect-metadata, so importing any value from those modules
 * stops the page that does it from loading (types are erased and are safe). These copies are
 * typed against the contract, and redemption-code.spec.ts proves they behave the same.
 * Once the contract moves them to a decorator-free module, import them from there instead.
 */
import type { ExpiryPolicy, RedemptionStatus } from '@yizhan/contracts';

/** The contract's RedemptionStatus values. */
export const RedemptionState = {
  Issued: 'issued',
  Fulfilled: 'fulfilled',
  Cancelled: 'cancelled',
  Expired: 'expired',
} as const satisfies Record<string, RedemptionStatus>;

/** In the contract's order (REDEMPTION_STATUSES). */
export const REDEMPTION_STATES: readonly RedemptionStatus[] = Object.values(RedemptionState);

export const EXPIRES_END_OF_NEXT_YEAR: ExpiryPolicy = 'end_of_next_year';

const CODE_PATTERN = /^[0-9]{12}$/;

/** As the contract's normalizeRedemptionCode: `1234 5678-9012` → `123456789012`. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** As the contract's REDEMPTION_CODE_PATTERN: exactly 12 digits. */
export function isRedemptionCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** As the contract's formatRedemptionCode: `123456789012` → `1234 5678 9012`. */
export function formatCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
