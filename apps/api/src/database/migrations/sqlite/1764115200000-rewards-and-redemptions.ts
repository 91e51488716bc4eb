import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rewards (stock left, per-worker limit and period, validity window) offered by a merchant or a
 * station; redemptions with their unique one-time code, the ledger transfer that paid for them
 * and its refund; per-worker claim counters per limit period. Generated from the entities with
 * TypeORM's schema builder on SQLite, then reviewed: foreign keys are declared inline (SQLite
 * cannot add them to an existing table).
 */
export class RewardsAndRedemptions1764115200000 implements MigrationInterface {
  name = 'RewardsAndRedemptions1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reward" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "merchant_id" varchar(36),
        "station_id" varchar(36),
        "title" varchar(60) NOT NULL,
        "description" text,
        "points_cost" integer NOT NULL,
        "stock" integer,
        "per_user_limit" integer,
        "limit_period" varchar(8),
        "valid_from" datetime,
        "valid_to" datetime,
        "code_valid_hours" integer NOT NULL,
        "status" varchar(8) NOT NULL,
        "created_by" varchar(36),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_reward_region" FOREIGN KEY ("region_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_reward_merchant" FOREIGN KEY ("merchant_id") REFERENCES "merchant" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_reward_station" FOREIGN KEY ("station_id") REFERENCES "station" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_reward_cost_id" ON "reward" ("points_cost", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_reward_station" ON "reward" ("station_id")`);
    await queryRunner.query(`CREATE INDEX "idx_reward_merchant" ON "reward" ("merchant_id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_reward_region_status" ON "reward" ("region_id", "status")`,
    );
    await queryRunner.query(
      `CREATE TABLE "redemption" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "code" varchar(12) NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "reward_id" varchar(36) NOT NULL,
        "merchant_id" varchar(36),
        "station_id" varchar(36),
        "region_id" varchar(36) NOT NULL,
        "points_cost" integer NOT NULL,
        "status" varchar(10) NOT NULL,
        "idempotency_key" varchar(160) NOT NULL,
        "transfer_id" varchar(36) NOT NULL,
        "refund_transfer_id" varchar(36),
        "claim_counter_id" varchar(36),
        "expires_at" datetime NOT NULL,
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "fulfilled_at" datetime,
        "fulfilled_by" varchar(36),
        "closed_at" datetime,
        CONSTRAINT "fk_redemption_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_redemption_reward" FOREIGN KEY ("reward_id") REFERENCES "reward" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_redemption_station_fulfilled" ON "redemption" ("station_id", "fulfilled_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_redemption_merchant_fulfilled" ON "redemption" ("merchant_id", "fulfilled_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_redemption_status_expires" ON "redemption" ("status", "expires_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_redemption_station_created" ON "redemption" ("station_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_redemption_merchant_created" ON "redemption" ("merchant_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_redemption_reward" ON "redemption" ("reward_id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_redemption_user_created" ON "redemption" ("user_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_redemption_transfer" ON "redemption" ("transfer_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_redemption_idempotency_key" ON "redemption" ("idempotency_key")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_redemption_code" ON "redemption" ("code")`);
    await queryRunner.query(
      `CREATE TABLE "reward_claim_counter" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "reward_id" varchar(36) NOT NULL,
        "period_key" varchar(16) NOT NULL,
        "claims" integer NOT NULL DEFAULT (0)
      )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reward_claim_counter"`);
    await queryRunner.query(`DROP TABLE "redemption"`);
    await queryRunner.query(`DROP TABLE "reward"`);
  }
}
