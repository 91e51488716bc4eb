import { ArgumentsHost } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { StationError } from '../../modules/stations/stations.errors';
import { ApiExceptionFilter } from './api-exception.filter';

interface SentReply {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

function httpHost(sent: SentReply, alreadySent = false): ArgumentsHost {
  const reply = {
    sent: alreadySent,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const request = { id: 'req-42', method: 'GET', url: '/api/v1/stations/x' };
  const http = {
    getRequest: <T>() => request as unknown as T,
    getResponse: <T>() => reply as unknown as T,
  };
  return { switchToHttp: () => http } as unknown as ArgumentsHost;
}

describe(ApiExceptionFilter.name, () => {
  const logger = new PinoLogger({ pinoHttp: { level: 'silent' } });
  const filter = new ApiExceptionFilter(logger);

  afterEach(() => jest.restoreAllMocks());

  it('sends the envelope with the request id in the body and the header', () => {
    const sent: SentReply = { headers: {} };

    filter.catch(StationError.notFound(), httpHost(sent));

    expect(sent.status).toBe(404);
    expect(sent.headers['x-request-id']).toBe('req-42');
    expect(sent.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'Station not found', requestId: 'req-42' },
    });
  });

  it('logs an unexpected error with its stack and answers a generic 500', () => {
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const sent: SentReply = { headers: {} };
    const bug = new TypeError('cannot read properties of undefined');

    filter.catch(bug, httpHost(sent));

    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: 'req-42' },
    });
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: bug, url: '/api/v1/stations/x' }),
      expect.any(String),
    );
  });

  it('does not log expected failures as errors', () => {
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);

    filter.catch(StationError.notFound(), httpHost({ headers: {} }));

    expect(logged).not.toHaveBeenCalled();
  });

  it('leaves a reply that was already sent alone', () => {
    const sent: SentReply = { headers: {} };

    filter.catch(StationError.notFound(), httpHost(sent, true));

    expect(sent.status).toBeUndefined();
  });
});
