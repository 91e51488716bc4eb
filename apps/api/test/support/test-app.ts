import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createApp } from '../../src/create-app';
import { createTestDatabase, currentDialect, TestDatabase, TestDialect } from './test-database';

export interface TestApp {
  dialect: TestDialect;
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  database: TestDatabase;
  /** Pins the server clock (opening hours, code expiry, lockouts) until `restoreNow()`. */
  setNow(instant: Date): void;
  /** Lets the server clock run with real time again. */
  restoreNow(): void;
  /**
   * Boots another instance of the API on the same database (another process behind the load
   * balancer), with extra environment on top of the suite's; closed with the suite.
   */
  bootAnother(env?: Record<string, string>): Promise<NestFastifyApplication>;
}

export interface TestAppOptions {
  /**
   * Extra environment for `loadConfig`, read when the app boots — after the beforeAll hooks
   * registered before `useTestApp`, so it may name a fake server those hooks started.
   */
  env?: () => Record<string, string>;
  /** Where the app's logs go (set LOG_LEVEL through `env`): the suite reads the lines. */
  logDestination?: DestinationStream;
}

export interface JsonResponse<T> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

/**
 * Registers beforeAll/afterAll that boot the real application (Fastify, filters, pipes,
 * migrations at start) on a fresh database of the run's dialect, and tear both down.
 * The returned object is filled in by beforeAll.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  const handle = { dialect: currentDialect() } as TestApp;
  const others: NestFastifyApplication[] = [];
  beforeAll(async () => {
    handle.database = await createTestDatabase(handle.dialect);
    // NODE_ENV=test keeps the schedulers (point and code expiry) off: they would fire every
    // real minute against the pinned clock, in the middle of a test.
    const baseEnv = {
      ...handle.database.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...options.env?.(),
    };
    handle.config = loadConfig(baseEnv);
    handle.app = await createApp(handle.config, { logDestination: options.logDestination });
    handle.dataSource = handle.app.get(DataSource);
    const clock = handle.app.get(Clock);
    let pinned: jest.SpyInstance<Date, []> | null = null;
    handle.setNow = (instant) => {
      pinned ??= jest.spyOn(clock, 'now');
      pinned.mockReturnValue(instant);
    };
    handle.restoreNow = () => {
      pinned?.mockRestore();
      pinned = null;
    };
    handle.bootAnother = async (env = {}) => {
      const app = await createApp(loadConfig({ ...baseEnv, ...env }));
      others.push(app);
      return app;
    };
  });
  afterAll(async () => {
    for (const app of others) await app.close();
    await handle.app?.close();
    await handle.database?.drop();
  });
  return handle;
}

export async function getJson<T>(
  app: NestFastifyApplication,
  url: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, headers: response.headers, body: response.json() as T };
}
