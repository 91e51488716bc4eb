/** Where the data lives: the embedded SQLite file, or a MySQL/MariaDB server. */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'mysql';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
    };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * The validated configuration of one API process. It is also the DI token: inject
 * `AppConfig` wherever a setting is needed instead of reading `process.env`.
 */
export abstract class AppConfig {
  abstract readonly nodeEnv: string;
  abstract readonly isProduction: boolean;
  abstract readonly host: string;
  abstract readonly port: number;
  abstract readonly dataDir: string;
  abstract readonly database: DatabaseConfig;
  /** Null outside production when unset; auth refuses to sign tokens without it. */
  abstract readonly jwtSecret: string | null;
  abstract readonly wechat: {
    readonly appId: string | null;
    readonly secret: string | null;
    readonly apiBase: string;
  };
  abstract readonly redisUrl: string | null;
  abstract readonly corsOrigins: readonly string[];
  /** Passed to Fastify's `trustProxy`: true, a hop count, or addresses/CIDRs/proxy-addr names. */
  abstract readonly trustProxy: boolean | number | string;
  abstract readonly logLevel: LogLevel;
  abstract readonly logPretty: boolean;
  /** Apply pending migrations when the API starts (the embedded default's convenience). */
  abstract readonly migrateOnStart: boolean;
}
