import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `(updated_at, id)` on stations: every API process keeps an in-memory index of the stations'
 * ranking fields (nearby search) and reads "stations changed since the newest it has seen"
 * before a search; this makes that an index range of the few recent rows, and the first load
 * a keyset walk in pages. `updated_at` is kept by `ON UPDATE CURRENT_TIMESTAMP(6)` on every
 * write, whoever makes it.
 */
export class StationChangesIndex1764892800000 implements MigrationInterface {
  name = 'StationChangesIndex1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `idx_station_updated_at` ON `station` (`updated_at`, `id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_station_updated_at` ON `station`');
  }
}
