import { HttpException } from '@nestjs/common';
import { ErrorCode, ErrorEnvelope } from '@yizhan/contracts';
import { DomainError } from '../errors/domain.error';
import { ERROR_STATUS } from '../errors/error-status';

/** What the global filter sends for one thrown value. */
export interface ErrorResponse {
  status: number;
  body: ErrorEnvelope;
  /** True for anything that is not an expected, mapped failure: a bug to log with its stack. */
  unexpected: boolean;
}

const INTERNAL_MESSAGE = 'Internal server error';
const UNAVAILABLE_MESSAGE = 'Service unavailable';

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  // Fastify answers an unrouted method like an unknown path; keep that one code for both.
  405: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

const GENERIC_MESSAGE: Readonly<Partial<Record<ErrorCode, string>>> = {
  NOT_FOUND: 'Not found',
  PAYLOAD_TOO_LARGE: 'Request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: UNAVAILABLE_MESSAGE,
};

/** Errors Fastify raises before a route runs (body limit, content type, bad JSON). */
interface FastifyLikeError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyLikeError {
  if (!(error instanceof Error)) return false;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function envelope(code: string, message: string, requestId: string, details?: unknown) {
  return details === undefined
    ? { error: { code, message, requestId } }
    : { error: { code, message, details, requestId } };
}

/**
 * Maps anything thrown while serving a request to the contract's error envelope. Only
 * expected failures keep their message; everything else becomes a generic 500 so no internal
 * detail (SQL, paths, stack) ever reaches a client.
 */
export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      body: envelope(error.code, error.message, requestId, error.details),
      unexpected: error.status >= 500 && error.status !== ERROR_STATUS.SERVICE_UNAVAILABLE,
    };
  }
  if (error instanceof HttpException) {
    return fromStatus(error.getStatus(), httpExceptionMessage(error), requestId);
  }
  if (isFastifyClientError(error)) {
    return fromStatus(error.statusCode, error.message, requestId);
  }
  return internal(requestId);
}

function fromStatus(status: number, message: string, requestId: string): ErrorResponse {
  const code = CODE_BY_STATUS[status];
  if (code === undefined) {
    // Other 4xx have no code of their own in the contract; 5xx are never explained.
    return status < 500
      ? {
          status,
          body: envelope(ErrorCode.VALIDATION_FAILED, message, requestId),
          unexpected: false,
        }
      : internal(requestId);
  }
  const text = status === 503 ? UNAVAILABLE_MESSAGE : message;
  return {
    status,
    body: envelope(code, text || GENERIC_MESSAGE[code] || code, requestId),
    unexpected: false,
  };
}

function internal(requestId: string): ErrorResponse {
  return {
    status: 500,
    body: envelope(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE, requestId),
    unexpected: true,
  };
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((part) => typeof part === 'string').join('; ');
  return exception.message;
}
