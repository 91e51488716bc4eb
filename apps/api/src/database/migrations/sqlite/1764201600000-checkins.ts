import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-ins: each station's geofence radius and code generation; the visits (with the local
 * date of the station's region, the rotating code's step and the settled points); one gate row
 * per worker that serialises their check-ins. Generated from the entities with TypeORM's schema
 * builder on SQLite, then reviewed: foreign keys are declared inline, and the new station columns
 * are added in place (they have defaults, so SQLite needs no table rebuild).
 */
export class Checkins1764201600000 implements MigrationInterface {
  name = 'Checkins1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "station" ADD COLUMN "geofence_radius_m" integer NOT NULL DEFAULT (150)`,
    );
    await queryRunner.query(
      `ALTER TABLE "station" ADD COLUMN "code_version" integer NOT NULL DEFAULT (1)`,
    );
    await queryRunner.query(
      `CREATE TABLE "checkin" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "station_id" varchar(36) NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "created_at" datetime NOT NULL,
        "local_date" varchar(10) NOT NULL,
        "method" varchar(8) NOT NULL,
        "live_step" bigint,
        "lat" decimal(9,6),
        "lng" decimal(9,6),
        "accuracy_m" integer,
        "distance_m" integer,
        "flag" varchar(32),
        "points_awarded" integer,
        "points_capped" boolean NOT NULL DEFAULT (0),
        "idempotency_key" varchar(100),
        CONSTRAINT "fk_checkin_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_checkin_station" FOREIGN KEY ("station_id") REFERENCES "station" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_checkin_unsettled" ON "checkin" ("points_awarded", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_checkin_region_date" ON "checkin" ("region_id", "local_date")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_checkin_station_date" ON "checkin" ("station_id", "local_date")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_checkin_user_created" ON "checkin" ("user_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_checkin_live_step" ON "checkin" ("user_id", "station_id", "live_step")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_checkin_idempotency_key" ON "checkin" ("idempotency_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "checkin_gate" (
        "user_id" varchar(36) PRIMARY KEY NOT NULL,
        "turns" integer NOT NULL DEFAULT (0)
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "checkin_gate"`);
    await queryRunner.query(`DROP TABLE "checkin"`);
    await queryRunner.query(`ALTER TABLE "station" DROP COLUMN "code_version"`);
    await queryRunner.query(`ALTER TABLE "station" DROP COLUMN "geofence_radius_m"`);
  }
}
