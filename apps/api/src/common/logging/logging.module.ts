import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Logger } from 'pino';

/**
 * nestjs-pino's injectables (`PinoLogger`, `@InjectPinoLogger()`, the Nest `Logger`) writing to
 * the root logger that Fastify logs requests with. nestjs-pino's own module also installs a
 * pino-http middleware (through middie), which made two child loggers per request, one with the
 * whole request serialised into it even when nothing logs — 13 % of an empty request's CPU.
 * Here Fastify makes one child per request with its id, and `bindRequestLoggers` hands it on.
 */
@Module({})
export class LoggingModule {
  static forRoot(root: Logger): DynamicModule {
    const { providers, exports } = LoggerModule.forRoot({ pinoHttp: { logger: root } });
    return { module: LoggingModule, global: true, providers, exports };
  }
}
