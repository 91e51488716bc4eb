import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelopeResponse } from '../openapi/error-envelope.response';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED: the query or body is invalid (details list the fields)',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND: absent, malformed id, or not visible to the caller',
  409: 'A business conflict',
  413: 'PAYLOAD_TOO_LARGE: the body or file is over its limit (details say which)',
  415: 'UNSUPPORTED_MEDIA_TYPE: the file bytes are not an accepted image',
  422: 'Refused by a rule',
  429: 'RATE_LIMITED: too many requests (Retry-After says when to try again)',
  503: 'SERVICE_UNAVAILABLE',
};

/** Documents the error statuses an operation may answer, all in the error envelope. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        type: ErrorEnvelopeResponse,
      }),
    ),
  );
}
