import { isAbsolute, join, resolve } from 'node:path';
import {
  AppConfig,
  DatabaseConfig,
  LogLevel,
  MiniprogramState,
  SmsConfig,
  WechatReportMessagesConfig,
} from './app-config';
import { ConfigError, ConfigIssue } from './config.error';
import { DEFAULT_REPORT_TEMPLATE_FIELDS, parseTemplateFields } from './wechat-template-fields';

export type Environment = Readonly<Record<string, string | undefined>>;

export const SQLITE_FILE_NAME = 'yizhan.sqlite';
const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com';
const DEFAULT_TRUST_PROXY = 'loopback,linklocal,uniquelocal';
const MIN_JWT_SECRET_LENGTH = 32;
const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

/**
 * Reads and validates the environment. Every problem is collected so one run names all
 * the wrong variables; the caller prints `ConfigError.message` and exits.
 * An empty string counts as unset (compose files and CI often pass `VAR=`).
 */
export function loadConfig(env: Environment, cwd = process.cwd()): AppConfig {
  const issues: ConfigIssue[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const fail = <T>(variable: string, problem: string, fallback: T): T => {
    issues.push({ variable, problem });
    return fallback;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  const isProduction = nodeEnv === 'production';
  const dataDirRaw = read('DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);

  const wechatAppId = read('WECHAT_APPID') ?? null;
  const wechatSecret = read('WECHAT_SECRET') ?? null;

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    host: read('HOST') ?? '0.0.0.0',
    port: parsePort(read('PORT'), (problem) => fail('PORT', problem, 0)),
    dataDir,
    database: parseDatabase(read('DATABASE_URL'), dataDir, (problem) =>
      fail('DATABASE_URL', problem, { kind: 'sqlite', file: '' } as DatabaseConfig),
    ),
    jwtSecret: parseProductionSecret(read('JWT_SECRET'), isProduction, (problem) =>
      fail('JWT_SECRET', problem, null),
    ),
    dataEncryptionKey: parseProductionSecret(read('DATA_ENCRYPTION_KEY'), isProduction, (problem) =>
      fail('DATA_ENCRYPTION_KEY', problem, null),
    ),
    sms: parseSms(
      read('SMS_SENDER'),
      read('SMS_WEBHOOK_URL'),
      read('SMS_WEBHOOK_TOKEN'),
      isProduction,
      (variable, problem) => fail(variable, problem, { sender: 'none' }),
    ),
    wechat: {
      appId: wechatAppId,
      secret: wechatSecret,
      apiBase: parseHttpUrl(read('WECHAT_API_BASE') ?? DEFAULT_WECHAT_API_BASE, (problem) =>
        fail('WECHAT_API_BASE', problem, DEFAULT_WECHAT_API_BASE),
      ),
      reportMessages: parseReportMessages(
        {
          templateId: read('WECHAT_REPORT_TEMPLATE_ID'),
          fields: read('WECHAT_REPORT_TEMPLATE_FIELDS'),
          miniprogramState: read('WECHAT_MINIPROGRAM_STATE'),
        },
        wechatAppId !== null && wechatSecret !== null,
        (variable, problem) => fail(variable, problem, null),
      ),
    },
    redisUrl: parseRedisUrl(read('REDIS_URL'), (problem) => fail('REDIS_URL', problem, null)),
    corsOrigins: parseCorsOrigins(read('CORS_ORIGINS'), (problem) =>
      fail('CORS_ORIGINS', problem, []),
    ),
    trustProxy: parseTrustProxy(read('TRUST_PROXY') ?? DEFAULT_TRUST_PROXY),
    logLevel: parseLogLevel(read('LOG_LEVEL'), (problem) => fail('LOG_LEVEL', problem, 'info')),
    logPretty: parseBoolean(read('LOG_PRETTY'), false, (problem) =>
      fail('LOG_PRETTY', problem, false),
    ),
    migrateOnStart: parseBoolean(read('MIGRATE_ON_START'), true, (problem) =>
      fail('MIGRATE_ON_START', problem, true),
    ),
  };

  if (issues.length > 0) throw new ConfigError(issues);
  return config;
}

type Reject<T> = (problem: string) => T;

function parsePort(raw: string | undefined, reject: Reject<number>): number {
  if (raw === undefined) return 3000;
  // Port 0 asks the OS for a free port (tests use it).
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) {
    return reject('must be an integer port between 0 and 65535');
  }
  return Number(raw);
}

function parseDatabase(
  raw: string | undefined,
  dataDir: string,
  reject: Reject<DatabaseConfig>,
): DatabaseConfig {
  if (raw === undefined) return { kind: 'sqlite', file: join(dataDir, SQLITE_FILE_NAME) };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return reject('must be a mysql:// URL or absent');
  }
  if (url.protocol !== 'mysql:') return reject('must be a mysql:// URL or absent');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname) return reject('must name a host (mysql://user:password@host:3306/database)');
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    return reject('must name a database (mysql://user:password@host:3306/database)');
  }
  return {
    kind: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database,
  };
}

/** Secrets production must be given; elsewhere a development secret is generated when absent. */
function parseProductionSecret(
  raw: string | undefined,
  isProduction: boolean,
  reject: Reject<null>,
): string | null {
  if (!isProduction) return raw ?? null;
  if (raw === undefined) return reject('is required when NODE_ENV=production');
  if (raw.length < MIN_JWT_SECRET_LENGTH) {
    return reject(`must be at least ${MIN_JWT_SECRET_LENGTH} characters when NODE_ENV=production`);
  }
  return raw;
}

const SMS_SENDERS = ['log', 'webhook', 'none'] as const;

function parseSms(
  sender: string | undefined,
  webhookUrl: string | undefined,
  webhookToken: string | undefined,
  isProduction: boolean,
  reject: (variable: string, problem: string) => SmsConfig,
): SmsConfig {
  const kind = sender ?? (isProduction ? 'none' : 'log');
  if (!(SMS_SENDERS as readonly string[]).includes(kind)) {
    return reject('SMS_SENDER', `must be one of ${SMS_SENDERS.join(', ')}`);
  }
  // The log sender hands codes to whoever reads the logs: never in production.
  if (kind === 'log' && isProduction) {
    return reject('SMS_SENDER', 'must not be log when NODE_ENV=production (use webhook or none)');
  }
  if (kind !== 'webhook') return { sender: kind as 'log' | 'none' };
  if (webhookUrl === undefined) {
    return reject('SMS_WEBHOOK_URL', 'is required when SMS_SENDER=webhook');
  }
  const url = parseHttpUrl(webhookUrl, () => '');
  if (url === '') return reject('SMS_WEBHOOK_URL', 'must be an http(s) URL');
  return { sender: 'webhook', webhookUrl: url, webhookToken: webhookToken ?? null };
}

const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MINIPROGRAM_STATES: readonly MiniprogramState[] = ['formal', 'trial', 'developer'];

/**
 * Subscribe messages need the app's credentials (for the access token) besides the template,
 * so a template id without them is a mistake worth stopping for, not a silent no-op.
 */
function parseReportMessages(
  raw: { templateId?: string; fields?: string; miniprogramState?: string },
  hasCredentials: boolean,
  reject: (variable: string, problem: string) => null,
): WechatReportMessagesConfig | null {
  const state = (raw.miniprogramState ?? 'formal').toLowerCase();
  if (!(MINIPROGRAM_STATES as readonly string[]).includes(state)) {
    return reject('WECHAT_MINIPROGRAM_STATE', `must be one of ${MINIPROGRAM_STATES.join(', ')}`);
  }
  const fields = parseTemplateFields(raw.fields ?? DEFAULT_REPORT_TEMPLATE_FIELDS);
  if (typeof fields === 'string') return reject('WECHAT_REPORT_TEMPLATE_FIELDS', fields);
  if (raw.templateId === undefined) return null;
  if (!TEMPLATE_ID_PATTERN.test(raw.templateId)) {
    return reject('WECHAT_REPORT_TEMPLATE_ID', 'must be 1-64 letters, digits, - or _');
  }
  if (!hasCredentials) {
    return reject('WECHAT_REPORT_TEMPLATE_ID', 'needs WECHAT_APPID and WECHAT_SECRET to be set');
  }
  return {
    templateId: raw.templateId,
    fields,
    miniprogramState: state as MiniprogramState,
  };
}

function parseHttpUrl(raw: string, reject: Reject<string>): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    // Callers append paths (`/sns/jscode2session`), so keep no trailing slash.
    return url.toString().replace(/\/+$/, '');
  } catch {
    return reject('must be an http(s) URL');
  }
}

function parseRedisUrl(raw: string | undefined, reject: Reject<null>): string | null {
  if (raw === undefined) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw;
  } catch {
    // reported below
  }
  return reject('must be a redis:// or rediss:// URL or absent');
}

function parseCorsOrigins(raw: string | undefined, reject: Reject<string[]>): string[] {
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  for (const origin of origins) {
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '')) throw new Error('not an origin');
    } catch {
      return reject(`must be a comma-separated list of origins (got "${origin}")`);
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

function parseTrustProxy(raw: string): boolean | number | string {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

function parseLogLevel(raw: string | undefined, reject: Reject<LogLevel>): LogLevel {
  if (raw === undefined) return 'info';
  const level = LOG_LEVELS.find((candidate) => candidate === raw.toLowerCase());
  return level ?? reject(`must be one of ${LOG_LEVELS.join(', ')}`);
}

function parseBoolean(
  raw: string | undefined,
  fallback: boolean,
  reject: Reject<boolean>,
): boolean {
  if (raw === undefined) return fallback;
  const value = BOOLEAN_WORDS[raw.toLowerCase()];
  return value ?? reject('must be true or false');
}

/**
 * For process entry points (server and CLI): the validated configuration, or one line
 * naming the wrong variables on stderr and exit code 1 before anything else loads.
 */
export function loadConfigOrExit(env: Environment): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
