/**
 * Stable error codes of the HTTP contract (API.md). The client translates these;
 * the API never sends a human sentence as the only signal.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  CHECKIN_CODE_INVALID: 'CHECKIN_CODE_INVALID',
  CHECKIN_TOO_FAR: 'CHECKIN_TOO_FAR',
  CHECKIN_COOLDOWN: 'CHECKIN_COOLDOWN',
  /** The location fix is too inaccurate to prove where the worker is (accuracy over the cap). */
  CHECKIN_LOCATION_INACCURATE: 'CHECKIN_LOCATION_INACCURATE',
  REPORT_BAD_TRANSITION: 'REPORT_BAD_TRANSITION',
  /** The category code does not exist, or is not in service, where the report is. */
  REPORT_CATEGORY_UNAVAILABLE: 'REPORT_CATEGORY_UNAVAILABLE',
  /** The location is farther than REPORT_SERVICE_RADIUS_M from every station. */
  REPORT_OUTSIDE_SERVICE_AREA: 'REPORT_OUTSIDE_SERVICE_AREA',
  /** A media id that is not the caller's, is already used elsewhere, or does not exist. */
  MEDIA_NOT_ATTACHABLE: 'MEDIA_NOT_ATTACHABLE',
  POINTS_INSUFFICIENT: 'POINTS_INSUFFICIENT',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  REDEMPTION_LIMIT_REACHED: 'REDEMPTION_LIMIT_REACHED',
  REWARD_UNAVAILABLE: 'REWARD_UNAVAILABLE',
  REDEMPTION_ALREADY_FULFILLED: 'REDEMPTION_ALREADY_FULFILLED',
  /** Fulfil or cancel of a code that lapsed (its points went back). */
  REDEMPTION_EXPIRED: 'REDEMPTION_EXPIRED',
  /** Fulfil or cancel of a code the worker already cancelled. */
  REDEMPTION_CANCELLED: 'REDEMPTION_CANCELLED',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One field that failed validation, as listed in `error.details`. */
export interface FieldViolation {
  field: string;
  constraints: string[];
}

/** The envelope every non-2xx response carries. */
export interface ErrorEnvelope {
  error: {
    code: ErrorCode | string;
    message: string;
    details?: unknown;
    requestId?: string;
  };
}

export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}
