import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, Routes } from '@yizhan/contracts';
import { Logger } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { REQUEST_ID_HEADER, requestIdOf } from './common/http/request-id';
import { securityHeaders } from './common/http/security-headers';
import { bindRequestLoggers } from './common/logging/bind-request-loggers';
import { RequestLogController } from './common/logging/request-log-controller';
import { createRootLogger } from './common/logging/root-logger';
import { setupOpenApi } from './common/openapi/setup-openapi';
import { AppConfig } from './config/app-config';
import { API_VERSION } from './version';

/** JSON bodies are small forms; uploads get their own, larger limit on their route. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export interface CreateAppOptions {
  /** Where the logs go (stdout when absent): tests read the lines from here. */
  logDestination?: DestinationStream;
}

/**
 * Builds and initialises the whole HTTP application without listening, so the server and
 * the integration tests (`app.inject`) run exactly the same stack.
 */
export async function createApp(
  config: AppConfig,
  { logDestination }: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config, logDestination);
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // The id is ours: the caller's id when sane, else a UUID.
    genReqId: requestIdOf,
    requestIdHeader: false,
    // Fastify logs each request through a child of this logger bound to its id.
    loggerInstance: logger,
    logController: new RequestLogController(),
    // No Nest middleware is used (the request logging is Fastify's own): without middie, no
    // per-request middleware run. A module adding one makes `app.init()` fail loudly.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  bindRequestLoggers(fastify);
  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // Multipart bodies are parsed only when a route reads them (POST /media, with its limits);
  // the default caps here bound any other route that is sent one.
  await app.register(multipart, {
    limits: { fileSize: JSON_BODY_LIMIT_BYTES, files: 1, fields: 10, parts: 20 },
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: [...config.corsOrigins], exposedHeaders: [REQUEST_ID_HEADER] });
  }

  app.setGlobalPrefix(API_PREFIX.replace(/^\//, ''), { exclude: [Routes.health, Routes.ready] });
  setupOpenApi(app, API_VERSION);
  await app.init();
  await fastify.ready();
  return app;
}
