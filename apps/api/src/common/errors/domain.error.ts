import { ErrorCode, FieldViolation } from '@yizhan/contracts';
import { ERROR_STATUS } from './error-status';

/**
 * Base of every expected failure. Each feature narrows the codes it may raise
 * (`class StationError extends DomainError<StationErrorCode>`); the global filter turns any
 * of them into the contract's envelope with the status of its code.
 */
export abstract class DomainError<Code extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;

  protected constructor(
    readonly code: Code,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
    this.status = ERROR_STATUS[code];
  }
}

/** 400 VALIDATION_FAILED with the offending fields in `details`. */
export class ValidationFailedError extends DomainError<typeof ErrorCode.VALIDATION_FAILED> {
  constructor(
    readonly violations: FieldViolation[],
    message = 'Request validation failed',
  ) {
    super(ErrorCode.VALIDATION_FAILED, message, violations);
  }

  static forField(field: string, constraint: string, message: string): ValidationFailedError {
    return new ValidationFailedError([{ field, constraints: [constraint] }], message);
  }
}

/** 503 when a dependency the request needs (the database) does not answer. */
export class ServiceUnavailableError extends DomainError<typeof ErrorCode.SERVICE_UNAVAILABLE> {
  constructor(message = 'Service unavailable') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

/** 404 NOT_FOUND: absent, malformed, or not visible to the caller — indistinguishable on purpose. */
export class NotFoundError extends DomainError<typeof ErrorCode.NOT_FOUND> {
  constructor(message = 'Not found') {
    super(ErrorCode.NOT_FOUND, message);
  }
}

/** 429 RATE_LIMITED; the filter sends `retryAfterSeconds` as `Retry-After`. */
export class RateLimitedError extends DomainError<typeof ErrorCode.RATE_LIMITED> {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests; wait a moment and try again',
  ) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
  }
}
