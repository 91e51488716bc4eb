import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ensureDatabaseDirectory, resolveDataSourceOptions } from './data-source';
import { Transactions } from './transactions';

/** The API's DataSource; pending migrations apply at start unless MIGRATE_ON_START=false. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        ensureDatabaseDirectory(config.database);
        return {
          ...(await resolveDataSourceOptions(config.database)),
          migrationsRun: config.migrateOnStart,
          // A server that is still starting (compose) gets a few chances, not minutes.
          retryAttempts: 5,
          retryDelay: 2_000,
        };
      },
    }),
  ],
  providers: [Transactions],
  exports: [Transactions],
})
export class DatabaseModule {}
