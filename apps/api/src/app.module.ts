import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { Logger } from 'pino';
import { CommonModule } from './common/common.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { ActorThrottlerGuard } from './common/throttling/actor-throttler.guard';
import { ThrottlingModule } from './common/throttling/throttling.module';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { LoggingModule } from './common/logging/logging.module';
import { createRootLogger } from './common/logging/root-logger';
import { createValidationPipe } from './common/pipes/api-validation.pipe';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccessModule } from './modules/access/access.module';
import { AccessTokenGuard } from './modules/access/access-token.guard';
import { RolesGuard } from './modules/access/roles.guard';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CheckinsModule } from './modules/checkins/checkins.module';
import { HealthModule } from './modules/health/health.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { MeModule } from './modules/me/me.module';
import { MerchantsModule } from './modules/merchants/merchants.module';
import { RedemptionsModule } from './modules/redemptions/redemptions.module';
import { RegionsModule } from './modules/regions/regions.module';
import { RewardsModule } from './modules/rewards/rewards.module';
import { StaffModule } from './modules/staff/staff.module';
import { StationsModule } from './modules/stations/stations.module';
import { ConsentGuard } from './modules/users/consent.guard';
import { UsersModule } from './modules/users/users.module';
import { VisitsModule } from './modules/visits/visits.module';
import { MediaModule } from './modules/media/media.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { ReportCategoriesModule } from './modules/report-categories/report-categories.module';
import { ReportsModule } from './modules/reports/reports.module';
import { StatsModule } from './modules/stats/stats.module';
import { WorkersModule } from './modules/workers/workers.module';

@Module({})
export class AppModule {
  /**
   * The whole API for one validated configuration; `logger` is the root logger, shared with
   * Fastify's request logging when the app is built by `createApp`.
   */
  static forRoot(config: AppConfig, logger: Logger = createRootLogger(config)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule,
        CommonModule,
        CryptoModule,
        ThrottlingModule,
        AccessModule,
        HealthModule,
        RegionsModule,
        StationsModule,
        UsersModule,
        AuthModule,
        MeModule,
        AuditModule,
        MerchantsModule,
        StaffModule,
        LedgerModule,
        RewardsModule,
        RedemptionsModule,
        CheckinsModule,
        VisitsModule,
        MediaModule,
        NotificationsModule,
        DepartmentsModule,
        ReportCategoriesModule,
        ReportsModule,
        StatsModule,
        WorkersModule,
        // Scheduled jobs (point and code expiry) run in the service, not under tests, which run
        // them with the clock they choose.
        ...(config.nodeEnv === 'test' ? [] : [ScheduleModule.forRoot()]),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Order matters: who is calling, then how often, then may their role, then consent.
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_GUARD, useClass: ActorThrottlerGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_GUARD, useExisting: ConsentGuard },
      ],
    };
  }
}
