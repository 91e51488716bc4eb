import { join } from 'node:path';
import { ConfigError } from './config.error';
import { Environment, loadConfig } from './load-config';

const CWD = '/srv/yizhan';
const KEY = 'k'.repeat(32);
const WECHAT = { WECHAT_APPID: 'wx123', WECHAT_SECRET: 'shh' };

function configErrorOf(env: Environment): ConfigError {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadConfig.name, () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({}, CWD);

    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(join(CWD, 'data'));
    expect(config.database).toEqual({ kind: 'sqlite', file: join(CWD, 'data', 'yizhan.sqlite') });
    expect(config.wechat).toEqual({
      appId: null,
      secret: null,
      apiBase: 'https://api.weixin.qq.com',
      reportMessages: null,
    });
    expect(config.jwtSecret).toBeNull();
    expect(config.dataEncryptionKey).toBeNull();
    expect(config.sms).toEqual({ sender: 'log' });
    expect(config.redisUrl).toBeNull();
    expect(config.corsOrigins).toEqual([]);
    expect(config.logLevel).toBe('info');
    expect(config.migrateOnStart).toBe(true);
    expect(config.isProduction).toBe(false);
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '', DATA_DIR: ' ' }, CWD);

    expect(config.database.kind).toBe('sqlite');
    expect(config.port).toBe(3000);
  });

  it('puts the SQLite file under an absolute DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/var/lib/yizhan' }, CWD);

    expect(config.database).toEqual({ kind: 'sqlite', file: '/var/lib/yizhan/yizhan.sqlite' });
  });

  it('reads a mysql:// URL into connection settings', () => {
    const config = loadConfig({ DATABASE_URL: 'mysql://app:p%40ss@db.internal:3307/yizhan' }, CWD);

    expect(config.database).toEqual({
      kind: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'app',
      password: 'p@ss',
      database: 'yizhan',
    });
  });

  it('reads the optional variables', () => {
    const config = loadConfig(
      {
        PORT: '0',
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        DATA_ENCRYPTION_KEY: 'k'.repeat(32),
        SMS_SENDER: 'webhook',
        SMS_WEBHOOK_URL: 'https://sms.internal/send',
        SMS_WEBHOOK_TOKEN: 'tok',
        WECHAT_APPID: 'wx123',
        WECHAT_SECRET: 'shh',
        WECHAT_API_BASE: 'http://127.0.0.1:9999/',
        REDIS_URL: 'redis://127.0.0.1:6379/0',
        CORS_ORIGINS: 'https://a.example, https://b.example/',
        TRUST_PROXY: '2',
        LOG_LEVEL: 'WARN',
        LOG_PRETTY: 'true',
        MIGRATE_ON_START: 'false',
      },
      CWD,
    );

    expect(config.port).toBe(0);
    expect(config.jwtSecret).toBe('x'.repeat(32));
    expect(config.dataEncryptionKey).toBe('k'.repeat(32));
    expect(config.sms).toEqual({
      sender: 'webhook',
      webhookUrl: 'https://sms.internal/send',
      webhookToken: 'tok',
    });
    expect(config.wechat).toEqual({
      appId: 'wx123',
      secret: 'shh',
      apiBase: 'http://127.0.0.1:9999',
      reportMessages: null,
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(2);
    expect(config.logLevel).toBe('warn');
    expect(config.logPretty).toBe(true);
    expect(config.migrateOnStart).toBe(false);
  });

  it.each<[string, Environment, string]>([
    ['DATABASE_URL', { DATABASE_URL: 'nonsense' }, 'DATABASE_URL must be a mysql:// URL or absent'],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://db/yizhan' }, 'DATABASE_URL must be a mysql://'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@db' }, 'DATABASE_URL must name a database'],
    ['PORT', { PORT: 'eighty' }, 'PORT must be an integer port'],
    ['PORT', { PORT: '70000' }, 'PORT must be an integer port'],
    ['PORT', { PORT: '-1' }, 'PORT must be an integer port'],
    [
      'JWT_SECRET',
      { NODE_ENV: 'production', DATA_ENCRYPTION_KEY: KEY },
      'JWT_SECRET is required when NODE_ENV=production',
    ],
    [
      'JWT_SECRET',
      { NODE_ENV: 'production', JWT_SECRET: 'short', DATA_ENCRYPTION_KEY: KEY },
      'JWT_SECRET must be at least 32',
    ],
    [
      'DATA_ENCRYPTION_KEY',
      { NODE_ENV: 'production', JWT_SECRET: KEY },
      'DATA_ENCRYPTION_KEY is required when NODE_ENV=production',
    ],
    [
      'SMS_SENDER',
      { NODE_ENV: 'production', JWT_SECRET: KEY, DATA_ENCRYPTION_KEY: KEY, SMS_SENDER: 'log' },
      'SMS_SENDER must not be log when NODE_ENV=production',
    ],
    ['SMS_SENDER', { SMS_SENDER: 'pigeon' }, 'SMS_SENDER must be one of log, webhook, none'],
    ['SMS_WEBHOOK_URL', { SMS_SENDER: 'webhook' }, 'SMS_WEBHOOK_URL is required'],
    [
      'SMS_WEBHOOK_URL',
      { SMS_SENDER: 'webhook', SMS_WEBHOOK_URL: 'not a url' },
      'SMS_WEBHOOK_URL must be an http(s) URL',
    ],
    ['WECHAT_API_BASE', { WECHAT_API_BASE: 'not a url' }, 'WECHAT_API_BASE must be an http(s) URL'],
    ['WECHAT_API_BASE', { WECHAT_API_BASE: 'ftp://x.example' }, 'WECHAT_API_BASE must be an http'],
    [
      'WECHAT_REPORT_TEMPLATE_ID',
      { WECHAT_REPORT_TEMPLATE_ID: 'tmpl-1' },
      'WECHAT_REPORT_TEMPLATE_ID needs WECHAT_APPID and WECHAT_SECRET',
    ],
    [
      'WECHAT_REPORT_TEMPLATE_ID',
      { ...WECHAT, WECHAT_REPORT_TEMPLATE_ID: 'not a template id' },
      'WECHAT_REPORT_TEMPLATE_ID must be 1-64 letters',
    ],
    [
      'WECHAT_REPORT_TEMPLATE_FIELDS',
      { ...WECHAT, WECHAT_REPORT_TEMPLATE_FIELDS: 'thing1=category,time2=note' },
      'a time field shows one of time',
    ],
    [
      'WECHAT_REPORT_TEMPLATE_FIELDS',
      { WECHAT_REPORT_TEMPLATE_FIELDS: 'amount1=points' },
      'keys must be thing/short_thing/phrase/time/date/number followed by digits',
    ],
    [
      'WECHAT_REPORT_TEMPLATE_FIELDS',
      { WECHAT_REPORT_TEMPLATE_FIELDS: 'thing1=note,thing1=category' },
      'names thing1 twice',
    ],
    [
      'WECHAT_MINIPROGRAM_STATE',
      { WECHAT_MINIPROGRAM_STATE: 'beta' },
      'WECHAT_MINIPROGRAM_STATE must be one of formal, trial, developer',
    ],
    ['REDIS_URL', { REDIS_URL: 'http://cache' }, 'REDIS_URL must be a redis://'],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS must be a comma'],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    ['LOG_PRETTY', { LOG_PRETTY: 'maybe' }, 'LOG_PRETTY must be true or false'],
    ['MIGRATE_ON_START', { MIGRATE_ON_START: 'later' }, 'MIGRATE_ON_START must be true or false'],
  ])('rejects an invalid %s with a line naming it', (variable, env, text) => {
    const error = configErrorOf(env);

    expect(error.issues.map((issue) => issue.variable)).toEqual([variable]);
    expect(error.message).toContain(text);
    expect(error.message.startsWith('Invalid configuration: ')).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('reads the report subscribe-message template, its fields and the mini-program state', () => {
    const config = loadConfig(
      {
        ...WECHAT,
        WECHAT_REPORT_TEMPLATE_ID: 'Ab-3_x',
        WECHAT_REPORT_TEMPLATE_FIELDS: ' short_thing2 = status , date5=time,number7=points ',
        WECHAT_MINIPROGRAM_STATE: 'Trial',
      },
      CWD,
    );

    expect(config.wechat.reportMessages).toEqual({
      templateId: 'Ab-3_x',
      fields: [
        { key: 'short_thing2', source: 'status' },
        { key: 'date5', source: 'time' },
        { key: 'number7', source: 'points' },
      ],
      miniprogramState: 'trial',
    });
    expect(
      loadConfig({ ...WECHAT, WECHAT_REPORT_TEMPLATE_ID: 't' }, CWD).wechat.reportMessages,
    ).toEqual({
      templateId: 't',
      fields: [
        { key: 'thing1', source: 'category' },
        { key: 'phrase2', source: 'status' },
        { key: 'time3', source: 'time' },
        { key: 'thing4', source: 'note' },
      ],
      miniprogramState: 'formal',
    });
  });

  it('turns phone login off by default in production (no development SMS sender there)', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: KEY, DATA_ENCRYPTION_KEY: KEY }, CWD).sms,
    ).toEqual({ sender: 'none' });
  });

  it('does not require JWT_SECRET outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'short' }, CWD).jwtSecret).toBe(
      'short',
    );
  });

  it('names every wrong variable at once', () => {
    const error = configErrorOf({ PORT: 'x', DATABASE_URL: 'nonsense' });

    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(['DATABASE_URL', 'PORT']);
  });
});
