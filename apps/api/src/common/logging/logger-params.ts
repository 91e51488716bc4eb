import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { requestIdOf } from '../http/request-id';

const QUIET_PATHS = new Set(['/health', '/ready']);

function prettyPrinterAvailable(): boolean {
  try {
    // A dev dependency: absent from production installs.
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Structured JSON logs, one line per event, each carrying the request id (`reqId`) while a
 * request is served. Pretty output only when asked for, or on a developer's terminal.
 */
export function buildLoggerParams(config: AppConfig): Params {
  const wantsPretty = config.logPretty || (!config.isProduction && process.stdout.isTTY === true);
  const pretty = wantsPretty && prettyPrinterAvailable();
  return {
    // Every route, in the path syntax of Nest 11 (a bare '*' triggers a legacy-route warning).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage) => requestIdOf(request),
      quietReqLogger: true,
      // Request and response lines carry what an operator needs, not every header.
      serializers: {
        req: (request: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
          remoteAddress: request.remoteAddress,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      // Defence in depth for anything that logs headers explicitly.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.has(request.url ?? '') },
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500 ? 'error' : 'info',
      transport: pretty
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } }
        : undefined,
    },
  };
}
