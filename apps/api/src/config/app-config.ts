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

/**
 * Who delivers SMS login codes: `log` writes them to the log and to `DATA_DIR/dev-sms-outbox.jsonl`
 * (development and browser tests; refused in production), `webhook` POSTs them to the operator's
 * SMS gateway, `none` turns phone login off (WeChat-only deployments).
 */
export type SmsConfig =
  | { sender: 'log' }
  | { sender: 'none' }
  | { sender: 'webhook'; webhookUrl: string; webhookToken: string | null };

/** Which page of the mini-program a subscribe message opens (WeChat's `miniprogram_state`). */
export type MiniprogramState = 'formal' | 'trial' | 'developer';

/** What one field of the report-status template shows; its key's type decides the format. */
export type TemplateFieldSource = 'category' | 'status' | 'time' | 'note' | 'points';

export interface TemplateField {
  /** The template's key, e.g. `thing1`: a WeChat type name followed by digits. */
  readonly key: string;
  readonly source: TemplateFieldSource;
}

/**
 * WeChat subscribe messages on report status changes. Null when `WECHAT_REPORT_TEMPLATE_ID`
 * is unset: notifications are then in-app only.
 */
export interface WechatReportMessagesConfig {
  readonly templateId: string;
  readonly fields: readonly TemplateField[];
  readonly miniprogramState: MiniprogramState;
}

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
  /** Null outside production when unset: a per-data-dir development secret is generated. */
  abstract readonly jwtSecret: string | null;
  /**
   * Key material for personal data at rest (phone numbers, WeChat session keys); null outside
   * production when unset, in which case a per-data-dir development key is generated.
   */
  abstract readonly dataEncryptionKey: string | null;
  abstract readonly sms: SmsConfig;
  abstract readonly wechat: {
    readonly appId: string | null;
    readonly secret: string | null;
    readonly apiBase: string;
    readonly reportMessages: WechatReportMessagesConfig | null;
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
