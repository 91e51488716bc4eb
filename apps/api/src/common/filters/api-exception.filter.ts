import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { REQUEST_ID_HEADER } from '../http/request-id';
import { toErrorResponse } from './error-response';

/** The one place where thrown errors become `{"error": {...}}` responses. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(ApiExceptionFilter.name) private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const response = toErrorResponse(exception, request.id);

    if (response.unexpected) {
      this.logger.error(
        { err: exception, method: request.method, url: request.url },
        'Unhandled error while serving a request',
      );
    } else if (response.status >= 500) {
      this.logger.warn({ err: exception }, response.body.error.message);
    }
    if (reply.sent) return;
    const retryAfter = retryAfterOf(exception);
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    void reply
      .status(response.status)
      .header(REQUEST_ID_HEADER, request.id)
      .header('content-type', 'application/json; charset=utf-8')
      .send(response.body);
  }
}

/** Seconds a refused caller should wait, when the error knows (lockouts, SMS resend). */
function retryAfterOf(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const seconds = (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : undefined;
}
