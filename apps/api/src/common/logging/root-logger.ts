import { FastifyReply, FastifyRequest } from 'fastify';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { AppConfig } from '../../config/app-config';

function prettyPrinterAvailable(): boolean {
  try {
    // A dev dependency: absent from production installs.
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** What a request line says about the request and its answer: what an operator needs. */
const serializers: LoggerOptions['serializers'] = {
  req: (request: FastifyRequest) => ({
    id: request.id,
    method: request.method,
    url: request.url,
    remoteAddress: request.ip,
  }),
  res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
};

/**
 * The process's one pino logger: Fastify makes each request's child of it (bound to the request
 * id, `reqId`), and the Nest-side `PinoLogger`s write through that child while a request is
 * served (see `bindRequestLoggers`). Structured JSON, one line per event; pretty output only
 * when asked for, or on a developer's terminal. `destination` lets a test read the lines.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): Logger {
  const wantsPretty = config.logPretty || (!config.isProduction && process.stdout.isTTY === true);
  const pretty = !destination && wantsPretty && prettyPrinterAvailable();
  const options: LoggerOptions = {
    level: config.logLevel,
    serializers,
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
    transport: pretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:standard' } }
      : undefined,
  };
  return destination ? pino(options, destination) : pino(options);
}
