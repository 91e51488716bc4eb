import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `(updated_at, id)` on stations: see the MySQL migration of the same name. SQLite has no
 * `ON UPDATE`, and `datetime('now')` has whole seconds, so a write in the same second as the
 * last one would keep the row's version and the in-memory indexes would miss it. After every
 * update a trigger stamps the time in milliseconds, or a millisecond past the old stamp if the
 * clock has not moved beyond it: each write gives the row a new, larger version.
 */
export class StationChangesIndex1764892800000 implements MigrationInterface {
  name = 'StationChangesIndex1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_station_updated_at" ON "station" ("updated_at", "id")`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "trg_station_updated_at" AFTER UPDATE ON "station"
        FOR EACH ROW
        BEGIN
          UPDATE "station" SET "updated_at" = CASE
            WHEN strftime('%Y-%m-%d %H:%M:%f', 'now') > OLD."updated_at"
              THEN strftime('%Y-%m-%d %H:%M:%f', 'now')
            ELSE strftime('%Y-%m-%d %H:%M:%f', OLD."updated_at", '+0.001 seconds')
          END
          WHERE "id" = NEW."id";
        END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_station_updated_at"`);
    await queryRunner.query(`DROP INDEX "idx_station_updated_at"`);
  }
}
