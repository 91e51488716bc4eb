import type { ErrorCode } from '@yizhan/contracts';

/** Failures the console detects itself, beside the API's stable codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNKNOWN_ERROR';

/** Any failed API call: the contract's `{error: {code, message, details}}` or a client code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The fields a VALIDATION_FAILED answer names, if it names any. */
export function invalidFields(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details;
  if (!Array.isArray(details)) return [];
  return details
    .map((item: unknown) =>
      item && typeof item === 'object' && 'field' in item ? String(item.field) : null,
    )
    .filter((field): field is string => field !== null);
}
