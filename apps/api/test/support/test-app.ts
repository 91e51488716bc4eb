import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/load-config';
import { createApp } from '../../src/create-app';
import { createTestDatabase, currentDialect, TestDatabase, TestDialect } from './test-database';

export interface TestApp {
  dialect: TestDialect;
  app: NestFastifyApplication;
  dataSource: DataSource;
  database: TestDatabase;
  /** Pins the server clock (opening hours) for the rest of the suite. */
  setNow(instant: Date): void;
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
export function useTestApp(): TestApp {
  const handle = { dialect: currentDialect() } as TestApp;
  beforeAll(async () => {
    handle.database = await createTestDatabase(handle.dialect);
    const config = loadConfig({ ...handle.database.env, LOG_LEVEL: 'silent' });
    handle.app = await createApp(config);
    handle.dataSource = handle.app.get(DataSource);
    const clock = handle.app.get(Clock);
    handle.setNow = (instant) => {
      jest.spyOn(clock, 'now').mockReturnValue(instant);
    };
  });
  afterAll(async () => {
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
