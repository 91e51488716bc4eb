import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points ledger: accounts with cached balances, append-only transfers (unique idempotency
 * key, at most one undo per transfer), FIFO lots with their draws, earning rules per region and
 * kind, award outcomes and per-period cap counters. Generated from the entities with TypeORM's
 * schema builder on SQLite, then reviewed: foreign keys are declared inline (SQLite cannot add
 * them to an existing table).
 */
export class PointsLedger1764028800000 implements MigrationInterface {
  name = 'PointsLedger1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "points_account" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "kind" varchar(24) NOT NULL,
        "owner_id" varchar(36) NOT NULL,
        "region_id" varchar(36),
        "balance" integer NOT NULL DEFAULT (0),
        "pending_debit" integer NOT NULL DEFAULT (0),
        "pending_credit" integer NOT NULL DEFAULT (0),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_account_region" ON "points_account" ("region_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_account_owner" ON "points_account" ("kind", "owner_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "points_transfer" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "debit_account_id" varchar(36) NOT NULL,
        "credit_account_id" varchar(36) NOT NULL,
        "amount" integer NOT NULL,
        "kind" varchar(16) NOT NULL,
        "status" varchar(8) NOT NULL,
        "ref_type" varchar(32),
        "ref_id" varchar(64),
        "idempotency_key" varchar(160) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "reverses_transfer_id" varchar(36),
        "expires_at" datetime,
        "memo" varchar(200),
        "created_by" varchar(36),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "resolved_at" datetime,
        CONSTRAINT "fk_points_transfer_debit" FOREIGN KEY ("debit_account_id") REFERENCES "points_account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_points_transfer_credit" FOREIGN KEY ("credit_account_id") REFERENCES "points_account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_points_transfer_reverses" FOREIGN KEY ("reverses_transfer_id") REFERENCES "points_transfer" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_transfer_ref" ON "points_transfer" ("ref_type", "ref_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_transfer_credit_created" ON "points_transfer" ("credit_account_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_transfer_debit_created" ON "points_transfer" ("debit_account_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_transfer_reverses" ON "points_transfer" ("reverses_transfer_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_transfer_idempotency_key" ON "points_transfer" ("idempotency_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "points_lot" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "account_id" varchar(36) NOT NULL,
        "source_transfer_id" varchar(36) NOT NULL,
        "amount" integer NOT NULL,
        "remaining" integer NOT NULL,
        "earned_at" datetime NOT NULL,
        "expires_at" datetime,
        CONSTRAINT "fk_points_lot_account" FOREIGN KEY ("account_id") REFERENCES "points_account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_lot_source" ON "points_lot" ("source_transfer_id")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_points_lot_expires" ON "points_lot" ("expires_at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_points_lot_account" ON "points_lot" ("account_id", "expires_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "points_lot_draw" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "lot_id" varchar(36) NOT NULL,
        "transfer_id" varchar(36) NOT NULL,
        "amount" integer NOT NULL
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_lot_draw_lot" ON "points_lot_draw" ("lot_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_lot_draw_transfer" ON "points_lot_draw" ("transfer_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "points_rule" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "points" integer NOT NULL,
        "daily_cap" integer,
        "weekly_cap" integer,
        "expiry_policy" varchar(24) NOT NULL,
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_points_rule_region" FOREIGN KEY ("region_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_rule_region_kind" ON "points_rule" ("region_id", "kind")`,
    );
    await queryRunner.query(
      `CREATE TABLE "points_award" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "idempotency_key" varchar(160) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "rule_id" varchar(36),
        "kind" varchar(16) NOT NULL,
        "ref_type" varchar(32),
        "ref_id" varchar(64),
        "requested" integer NOT NULL,
        "awarded" integer NOT NULL,
        "transfer_id" varchar(36),
        "day_key" varchar(16),
        "week_key" varchar(16),
        "created_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_award_transfer" ON "points_award" ("transfer_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_points_award_user_created" ON "points_award" ("user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_award_idempotency_key" ON "points_award" ("idempotency_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "points_cap_counter" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "rule_id" varchar(36) NOT NULL,
        "period_key" varchar(16) NOT NULL,
        "points" integer NOT NULL DEFAULT (0)
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_points_cap_counter" ON "points_cap_counter" ("user_id", "rule_id", "period_key")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "points_cap_counter"`);
    await queryRunner.query(`DROP TABLE "points_award"`);
    await queryRunner.query(`DROP TABLE "points_rule"`);
    await queryRunner.query(`DROP TABLE "points_lot_draw"`);
    await queryRunner.query(`DROP TABLE "points_lot"`);
    await queryRunner.query(`DROP TABLE "points_transfer"`);
    await queryRunner.query(`DROP TABLE "points_account"`);
  }
}
