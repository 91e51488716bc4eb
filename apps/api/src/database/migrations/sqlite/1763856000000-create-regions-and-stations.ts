import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions (materialised-path tree) and stations. Generated from the entities with TypeORM's
 * schema builder on SQLite, then reviewed: foreign keys are declared inline (SQLite cannot
 * add them later without rebuilding the table, which is what the generator did).
 */
export class CreateRegionsAndStations1763856000000 implements MigrationInterface {
  name = 'CreateRegionsAndStations1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "region" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "code" varchar(32) NOT NULL,
        "name" varchar(100) NOT NULL,
        "level" varchar(16) NOT NULL,
        "parent_id" varchar(36),
        "path" varchar(400) NOT NULL,
        "time_zone" varchar(64) NOT NULL DEFAULT ('Asia/Shanghai'),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_region_parent" FOREIGN KEY ("parent_id") REFERENCES "region" ("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_region_code" ON "region" ("code")`);
    await queryRunner.query(`CREATE INDEX "idx_region_parent" ON "region" ("parent_id")`);
    await queryRunner.query(`CREATE INDEX "idx_region_path" ON "region" ("path")`);
    await queryRunner.query(
      `CREATE TABLE "station" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "name" varchar(100) NOT NULL,
        "brand" varchar(50) NOT NULL,
        "address" varchar(255) NOT NULL,
        "lat" decimal(9,6) NOT NULL,
        "lng" decimal(9,6) NOT NULL,
        "status" varchar(24) NOT NULL,
        "amenity_mask" integer NOT NULL DEFAULT (0),
        "opening_hours" json NOT NULL,
        "phone" varchar(32),
        "manager_name" varchar(50),
        "services" json NOT NULL,
        "hotlines" json NOT NULL,
        "description" text,
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_station_region" FOREIGN KEY ("region_id") REFERENCES "region" ("id")
          ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_station_region" ON "station" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "idx_station_name_id" ON "station" ("name", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_station_lat_lng" ON "station" ("lat", "lng")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "station"`);
    await queryRunner.query(`DROP TABLE "region"`);
  }
}
