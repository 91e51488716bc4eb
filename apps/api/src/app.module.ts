import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from './common/common.module';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { buildLoggerParams } from './common/logging/logger-params';
import { createValidationPipe } from './common/pipes/api-validation.pipe';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './modules/health/health.module';
import { RegionsModule } from './modules/regions/regions.module';
import { StationsModule } from './modules/stations/stations.module';

@Module({})
export class AppModule {
  /** The whole API for one validated configuration. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: buildLoggerParams }),
        DatabaseModule,
        CommonModule,
        HealthModule,
        RegionsModule,
        StationsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
