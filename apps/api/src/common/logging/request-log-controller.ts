import { FastifyReply, FastifyRequest, LogController } from 'fastify';
import { Level, Logger } from 'pino';

/** Probes called every few seconds by orchestrators: their lines would drown the rest. */
const QUIET_PATHS = new Set(['/health', '/ready']);

/**
 * Fastify's request lines, shaped as the API has always written them: one line when a request
 * ends (no "incoming request" line), at `info`, or at `error` as "request errored" for a 5xx or
 * a failed response; none for the probes. Nothing is built when the level hides the line.
 */
export class RequestLogController extends LogController {
  override isLogDisabled(request: FastifyRequest): boolean {
    return QUIET_PATHS.has(request.url);
  }

  override incomingRequest(): void {
    // One line per request, written when it ends.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error || reply.statusCode >= 500) {
      if (this.isLogDisabled(request) || !enabled(reply, 'error')) return;
      reply.log.error(
        {
          req: request,
          res: reply,
          err: error ?? new Error(`failed with status code ${reply.statusCode}`),
          responseTime: reply.elapsedTime,
        },
        'request errored',
      );
      return;
    }
    if (this.isLogDisabled(request) || !enabled(reply, 'info')) return;
    reply.log.info(
      { req: request, res: reply, responseTime: reply.elapsedTime },
      'request completed',
    );
  }
}

/** Fastify's loggers here are pino children (see `createApp`). */
function enabled(reply: FastifyReply, level: Level): boolean {
  return (reply.log as Logger).isLevelEnabled(level);
}
