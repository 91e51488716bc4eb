import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports: departments and report categories per region (a region's own category overrides an
 * ancestor's of the same code), the reports themselves (idempotent per reporter and client request
 * id; the handler's queue rides on (region, status, created_at); duplicates on (category,
 * created_at) plus a box on lat/lng) and their timelines, ordered by a per-report sequence.
 * Generated from the entities with TypeORM's schema builder on SQLite, then reviewed.
 */
export class Reports1764547200000 implements MigrationInterface {
  name = 'Reports1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "department" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "name" varchar(100) NOT NULL,
        "phone" varchar(32),
        "created_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_department_region_name" ON "department" ("region_id", "name")`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_category" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "code" varchar(32) NOT NULL,
        "name" varchar(32) NOT NULL,
        "icon" varchar(16) NOT NULL,
        "sla_hours" integer NOT NULL,
        "default_department_id" varchar(36),
        "active" boolean NOT NULL DEFAULT (1),
        "sort_order" integer NOT NULL DEFAULT (0),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_report_category_region_code" ON "report_category" ("region_id", "code")`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_event" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "report_id" varchar(36) NOT NULL,
        "seq" integer NOT NULL,
        "action" varchar(16) NOT NULL,
        "actor_id" varchar(36),
        "actor_role" varchar(16) NOT NULL,
        "note" varchar(500),
        "department_id" varchar(36),
        "created_at" datetime NOT NULL
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_report_event_report_seq" ON "report_event" ("report_id", "seq")`,
    );
    await queryRunner.query(
      `CREATE TABLE "report" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "client_request_id" varchar(36) NOT NULL,
        "reporter_id" varchar(36),
        "region_id" varchar(36) NOT NULL,
        "category_id" varchar(36) NOT NULL,
        "category_code" varchar(32) NOT NULL,
        "description" varchar(500) NOT NULL,
        "lat" decimal(9,6) NOT NULL,
        "lng" decimal(9,6) NOT NULL,
        "address" varchar(200),
        "status" varchar(16) NOT NULL,
        "department_id" varchar(36),
        "duplicate_of_id" varchar(36),
        "me_too_count" integer NOT NULL DEFAULT (0),
        "photo_reused" boolean NOT NULL DEFAULT (0),
        "due_at" datetime NOT NULL,
        "created_at" datetime NOT NULL,
        "updated_at" datetime NOT NULL,
        "resolved_at" datetime,
        "points_amount" integer,
        "points_status" varchar(8),
        "points_settled" boolean NOT NULL DEFAULT (1)
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_status_resolved" ON "report" ("status", "resolved_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_points_unsettled" ON "report" ("points_settled", "updated_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_category_created" ON "report" ("category_code", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_region_status_created" ON "report" ("region_id", "status", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_reporter_created" ON "report" ("reporter_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_report_client_request" ON "report" ("reporter_id", "client_request_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP TABLE "report_event"`);
    await queryRunner.query(`DROP TABLE "report_category"`);
    await queryRunner.query(`DROP TABLE "department"`);
  }
}
