import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity';
import { SmsChallengeEntity } from '../modules/auth/sms-challenge.entity';
import { WechatIdentityEntity } from '../modules/auth/wechat-identity.entity';
import { CheckinGateEntity } from '../modules/checkins/checkin-gate.entity';
import { MediaEntity } from '../modules/media/media.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { DepartmentEntity } from '../modules/departments/department.entity';
import { ReportCategoryEntity } from '../modules/report-categories/report-category.entity';
import { ReportEventEntity } from '../modules/reports/report-event.entity';
import { ReportEntity } from '../modules/reports/report.entity';
import { WechatMessageEntity } from '../modules/notifications/wechat/wechat-message.entity';
import { WechatSubscriptionEntity } from '../modules/notifications/wechat/wechat-subscription.entity';
import { CheckinEntity } from '../modules/checkins/checkin.entity';
import { CapCounterEntity } from '../modules/ledger/cap-counter.entity';
import { EarningRuleEntity } from '../modules/ledger/earning-rule.entity';
import { PointsAccountEntity } from '../modules/ledger/points-account.entity';
import { PointsAwardEntity } from '../modules/ledger/points-award.entity';
import { PointsLotDrawEntity } from '../modules/ledger/points-lot-draw.entity';
import { PointsLotEntity } from '../modules/ledger/points-lot.entity';
import { PointsTransferEntity } from '../modules/ledger/points-transfer.entity';
import { MerchantEntity } from '../modules/merchants/merchant.entity';
import { ClaimCounterEntity } from '../modules/redemptions/claim-counter.entity';
import { RedemptionEntity } from '../modules/redemptions/redemption.entity';
import { RegionEntity } from '../modules/regions/region.entity';
import { RewardEntity } from '../modules/rewards/reward.entity';
import { StationEntity } from '../modules/stations/station.entity';
import { ConsentEntity } from '../modules/users/consent.entity';
import { UserRoleEntity } from '../modules/users/user-role.entity';
import { UserEntity } from '../modules/users/user.entity';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/** Every entity of the API; the schema-drift test compares exactly these with the migrations. */
export const ENTITIES = [
  RegionEntity,
  StationEntity,
  MerchantEntity,
  UserEntity,
  UserRoleEntity,
  ConsentEntity,
  WechatIdentityEntity,
  RefreshTokenEntity,
  SmsChallengeEntity,
  AuditEntryEntity,
  PointsAccountEntity,
  PointsTransferEntity,
  PointsLotEntity,
  PointsLotDrawEntity,
  EarningRuleEntity,
  PointsAwardEntity,
  CapCounterEntity,
  RewardEntity,
  RedemptionEntity,
  ClaimCounterEntity,
  CheckinEntity,
  CheckinGateEntity,
  MediaEntity,
  NotificationEntity,
  DepartmentEntity,
  ReportCategoryEntity,
  ReportEntity,
  ReportEventEntity,
  WechatSubscriptionEntity,
  WechatMessageEntity,
];

export const MIGRATIONS_TABLE = 'migrations';

/** Methods of better-sqlite3's Database that the connection set-up uses. */
interface SqliteHandle {
  pragma(source: string): unknown;
}

/**
 * The one DataSource definition shared by the API and the CLI. Migrations are compiled
 * classes imported per dialect (no file globs), so `dist/` needs nothing beside itself.
 * `synchronize` is never on: the schema changes only through reviewed migrations.
 */
export function buildDataSourceOptions(
  database: DatabaseConfig,
  mysqlFlavour: MysqlFlavour = 'mysql',
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: MIGRATIONS_TABLE,
    logging: false,
  } as const;
  if (database.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      migrations: SQLITE_MIGRATIONS,
      prepareDatabase: (db: SqliteHandle) => {
        // WAL lets the CLI seed while the API reads; foreign keys are off by default in SQLite.
        db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: mysqlFlavour,
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    // A collation name makes mysql2 open utf8mb4 connections (Chinese text, emoji).
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    migrations: MYSQL_MIGRATIONS,
    poolSize: 10,
    // mysql2 captures a stack trace for every query (`trace`): ~5 % of the API's CPU under a
    // check-in load. A failure still names its query and parameters (TypeORM's QueryFailedError).
    trace: false,
  };
}

export type MysqlFlavour = 'mysql' | 'mariadb';

/**
 * `mysql://` serves both MySQL and MariaDB, but TypeORM must know which one it talks to
 * (they report column defaults differently, and its schema diff depends on that), so ask
 * the server once before the DataSource is built.
 */
export async function detectMysqlFlavour(
  database: Extract<DatabaseConfig, { kind: 'mysql' }>,
): Promise<MysqlFlavour> {
  const connection = await createConnection({
    host: database.host,
    port: database.port,
    user: database.username,
    password: database.password,
    connectTimeout: 10_000,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = (rows as Array<{ version: string }>)[0]?.version ?? '';
    return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Options for the configured database, asking a MySQL-protocol server what it is. */
export async function resolveDataSourceOptions(
  database: DatabaseConfig,
): Promise<DataSourceOptions> {
  const flavour = database.kind === 'mysql' ? await detectMysqlFlavour(database) : undefined;
  return buildDataSourceOptions(database, flavour);
}

export async function createDataSource(database: DatabaseConfig): Promise<DataSource> {
  return new DataSource(await resolveDataSourceOptions(database));
}

/** SQLite will not create the directory of its file. */
export function ensureDatabaseDirectory(database: DatabaseConfig): void {
  if (database.kind === 'sqlite') mkdirSync(dirname(database.file), { recursive: true });
}
