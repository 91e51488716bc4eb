import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { ErrorCode } from '@yizhan/contracts';
import { ServiceUnavailableError, ValidationFailedError } from '../errors/domain.error';
import { StationError } from '../../modules/stations/stations.errors';
import { toErrorResponse } from './error-response';

const REQUEST_ID = 'req-1';

function fastifyError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

describe(toErrorResponse.name, () => {
  it('sends a domain error with its status, code, message and details', () => {
    const error = new ValidationFailedError([{ field: 'limit', constraints: ['isInt'] }], 'Bad');

    expect(toErrorResponse(error, REQUEST_ID)).toEqual({
      status: 400,
      body: {
        error: {
          code: ErrorCode.VALIDATION_FAILED,
          message: 'Bad',
          details: [{ field: 'limit', constraints: ['isInt'] }],
          requestId: REQUEST_ID,
        },
      },
      unexpected: false,
    });
  });

  it('sends a feature error (StationError) as 404 NOT_FOUND without details', () => {
    expect(toErrorResponse(StationError.notFound(), REQUEST_ID)).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Station not found', requestId: REQUEST_ID } },
      unexpected: false,
    });
  });

  it('sends 503 SERVICE_UNAVAILABLE as an expected failure', () => {
    const response = toErrorResponse(new ServiceUnavailableError(), REQUEST_ID);

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.unexpected).toBe(false);
  });

  it.each<[HttpException, number, ErrorCode]>([
    [new BadRequestException('Malformed'), 400, 'VALIDATION_FAILED'],
    [new UnauthorizedException(), 401, 'UNAUTHENTICATED'],
    [new ForbiddenException(), 403, 'FORBIDDEN'],
    [new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND'],
    [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
    [new HttpException('Unsupported', 415), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [new HttpException('Slow down', 429), 429, 'RATE_LIMITED'],
    [new HttpException('Gone', 410), 410, 'VALIDATION_FAILED'],
  ])('maps %s to %i %s', (exception, status, code) => {
    const response = toErrorResponse(exception, REQUEST_ID);

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.requestId).toBe(REQUEST_ID);
    expect(response.unexpected).toBe(false);
  });

  it('keeps the message of an HttpException', () => {
    expect(
      toErrorResponse(new NotFoundException('Cannot GET /nope'), REQUEST_ID).body.error.message,
    ).toBe('Cannot GET /nope');
  });

  it.each<[Error, number, ErrorCode]>([
    [
      fastifyError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      fastifyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      fastifyError(400, 'FST_ERR_CTP_EMPTY_JSON_BODY', 'Body cannot be empty'),
      400,
      'VALIDATION_FAILED',
    ],
  ])('maps Fastify’s %s', (error, status, code) => {
    const response = toErrorResponse(error, REQUEST_ID);

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('SELECT * FROM secret_table failed')],
    ['an Error claiming a 5xx status', fastifyError(502, 'X', 'upstream at 10.0.0.3')],
    ['an InternalServerErrorException', new InternalServerErrorException('db password wrong')],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
  ])('turns %s into a generic 500 that leaks nothing', (_label, thrown) => {
    const response = toErrorResponse(thrown, REQUEST_ID);

    expect(response).toEqual({
      status: 500,
      body: {
        error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: REQUEST_ID },
      },
      unexpected: true,
    });
  });
});
