import { ErrorCode } from '@yizhan/contracts';

/** Codes the client raises itself; the contract's ErrorCode covers what the server sends. */
export const ClientErrorCode = {
  /** No answer: offline, DNS, TLS, timeout, blocked domain (weapp). */
  NetworkError: 'NETWORK_ERROR',
  /** An answer we cannot classify (a non-envelope body with an unusual status). */
  UnknownError: 'UNKNOWN_ERROR',
  /**
   * A queued photo that was never uploaded is gone from the device (on H5 a `blob:` URL dies
   * with the page that made it).
   */
  PhotoLost: 'PHOTO_LOST',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export interface ApiErrorInit {
  code: string;
  status: number;
  message: string;
  details?: unknown;
  requestId?: string;
  retryAfterSeconds?: number;
}

/**
 * Every failed call throws this (never a resolved value). `code` is the contract's stable code
 * (or a ClientErrorCode); UI code translates it with `errorMessage(code)` and never shows
 * `message`, which is the server's English text for logs and developers.
 */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | undefined;
  /** From `Retry-After` on a 429 (SMS resend, login lock-out), so the UI can count down. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    // Keeps `instanceof` working when the build down-levels classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any thrown value as an ApiError, so UI code has one shape to translate. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : 'unexpected error';
  return new ApiError({ code: ClientErrorCode.UnknownError, status: 0, message });
}

/** A sensible code for an error answer whose body is not the contract's envelope (a proxy's page). */
export function codeForStatus(status: number): string {
  if (status === 400) return ErrorCode.VALIDATION_FAILED;
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 413) return ErrorCode.PAYLOAD_TOO_LARGE;
  if (status === 415) return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  if (status === 502 || status === 503 || status === 504) return ErrorCode.SERVICE_UNAVAILABLE;
  if (status >= 500) return ErrorCode.INTERNAL_ERROR;
  return ClientErrorCode.UnknownError;
}
