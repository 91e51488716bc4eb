import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/load-config';
import { createDataSource, ensureDatabaseDirectory } from '../src/database/data-source';
import { createTestDatabase, currentDialect, TestDatabase } from './support/test-database';

describe(`migrations (${currentDialect()})`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig(database.env);
    ensureDatabaseDirectory(config.database);
    dataSource = await createDataSource(config.database);
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('build exactly the schema the entities describe (no pending schema changes)', async () => {
    await dataSource.runMigrations({ transaction: 'each' });

    const pending = await dataSource.driver.createSchemaBuilder().log();
    const queries = pending.upQueries.map((query) => query.query);

    expect(queries).toEqual([]);
  });

  it('revert cleanly and apply again', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const migrationCount = dataSource.migrations.length;
    for (let step = 0; step < migrationCount; step += 1) await dataSource.undoLastMigration();
    const runner = dataSource.createQueryRunner();
    try {
      expect(await runner.hasTable('station')).toBe(false);
      expect(await runner.hasTable('region')).toBe(false);
    } finally {
      await runner.release();
    }

    const applied = await dataSource.runMigrations({ transaction: 'each' });

    expect(applied).toHaveLength(migrationCount);
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
