import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, Routes } from '@yizhan/contracts';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { REQUEST_ID_HEADER, requestIdOf } from './common/http/request-id';
import { setupOpenApi } from './common/openapi/setup-openapi';
import { AppConfig } from './config/app-config';
import { API_VERSION } from './version';

/** JSON bodies are small forms; uploads get their own, larger limit on their route. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds and initialises the whole HTTP application without listening, so the server and
 * the integration tests (`app.inject`) run exactly the same stack.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // The id is ours (sanitised caller's id or a UUID), shared with the HTTP logger.
    genReqId: requestIdOf,
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The docs UI styles itself inline and shows data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
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
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
