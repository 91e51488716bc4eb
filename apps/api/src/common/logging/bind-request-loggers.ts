import { FastifyInstance } from 'fastify';
// nestjs-pino's `PinoLogger` writes through the logger in this AsyncLocalStorage when there is
// one (else its root); its own middleware, left out (see LoggingModule), is what would fill it.
import { storage, Store } from 'nestjs-pino/storage';
import { Logger } from 'pino';

/**
 * Makes every `PinoLogger` line written while a request is served go through that request's
 * Fastify logger, so it carries the request id (`reqId`). Entered in the first hook of the
 * request: everything after it (body parsing, whose callback Fastify binds to this context;
 * guards, pipes, handler, filters) runs inside.
 */
export function bindRequestLoggers(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    // Fastify's request logger is a pino child: `createApp` gives Fastify a pino root.
    storage.run(new Store(request.log as Logger), done);
  });
}
