import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rewards (stock left, per-worker limit and period, validity window) offered by a merchant or a
 * station; redemptions with their unique one-time code, the ledger transfer that paid for them
 * and its refund; per-worker claim counters per limit period. Generated from the entities with
 * TypeORM's schema builder on MariaDB, then reviewed: tables are utf8mb4, and the counter's and
 * settlement's lists ride on (merchant | station, created_at | fulfilled_at) indexes.
 */
export class RewardsAndRedemptions1764115200000 implements MigrationInterface {
  name = 'RewardsAndRedemptions1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`reward\` (
        \`id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`merchant_id\` varchar(36) NULL,
        \`station_id\` varchar(36) NULL,
        \`title\` varchar(60) NOT NULL,
        \`description\` text NULL,
        \`points_cost\` int NOT NULL,
        \`stock\` int NULL,
        \`per_user_limit\` int NULL,
        \`limit_period\` varchar(8) NULL,
        \`valid_from\` datetime NULL,
        \`valid_to\` datetime NULL,
        \`code_valid_hours\` int NOT NULL,
        \`status\` varchar(8) NOT NULL,
        \`created_by\` varchar(36) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        INDEX \`idx_reward_cost_id\` (\`points_cost\`, \`id\`),
        INDEX \`idx_reward_station\` (\`station_id\`),
        INDEX \`idx_reward_merchant\` (\`merchant_id\`),
        INDEX \`idx_reward_region_status\` (\`region_id\`, \`status\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`redemption\` (
        \`id\` varchar(36) NOT NULL,
        \`code\` varchar(12) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`reward_id\` varchar(36) NOT NULL,
        \`merchant_id\` varchar(36) NULL,
        \`station_id\` varchar(36) NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`points_cost\` int NOT NULL,
        \`status\` varchar(10) NOT NULL,
        \`idempotency_key\` varchar(160) NOT NULL,
        \`transfer_id\` varchar(36) NOT NULL,
        \`refund_transfer_id\` varchar(36) NULL,
        \`claim_counter_id\` varchar(36) NULL,
        \`expires_at\` datetime NOT NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`fulfilled_at\` datetime NULL,
        \`fulfilled_by\` varchar(36) NULL,
        \`closed_at\` datetime NULL,
        INDEX \`idx_redemption_station_fulfilled\` (\`station_id\`, \`fulfilled_at\`),
        INDEX \`idx_redemption_merchant_fulfilled\` (\`merchant_id\`, \`fulfilled_at\`),
        INDEX \`idx_redemption_status_expires\` (\`status\`, \`expires_at\`),
        INDEX \`idx_redemption_station_created\` (\`station_id\`, \`created_at\`, \`id\`),
        INDEX \`idx_redemption_merchant_created\` (\`merchant_id\`, \`created_at\`, \`id\`),
        INDEX \`idx_redemption_reward\` (\`reward_id\`),
        INDEX \`idx_redemption_user_created\` (\`user_id\`, \`created_at\`, \`id\`),
        UNIQUE INDEX \`uq_redemption_transfer\` (\`transfer_id\`),
        UNIQUE INDEX \`uq_redemption_idempotency_key\` (\`idempotency_key\`),
        UNIQUE INDEX \`uq_redemption_code\` (\`code\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reward_claim_counter\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`reward_id\` varchar(36) NOT NULL,
        \`period_key\` varchar(16) NOT NULL,
        \`claims\` int NOT NULL DEFAULT '0',
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reward\` ADD CONSTRAINT \`fk_reward_region\` FOREIGN KEY (\`region_id\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reward\` ADD CONSTRAINT \`fk_reward_merchant\` FOREIGN KEY (\`merchant_id\`) REFERENCES \`merchant\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reward\` ADD CONSTRAINT \`fk_reward_station\` FOREIGN KEY (\`station_id\`) REFERENCES \`station\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`redemption\` ADD CONSTRAINT \`fk_redemption_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`redemption\` ADD CONSTRAINT \`fk_redemption_reward\` FOREIGN KEY (\`reward_id\`) REFERENCES \`reward\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`redemption\` DROP FOREIGN KEY \`fk_redemption_reward\``);
    await queryRunner.query(`ALTER TABLE \`redemption\` DROP FOREIGN KEY \`fk_redemption_user\``);
    await queryRunner.query(`ALTER TABLE \`reward\` DROP FOREIGN KEY \`fk_reward_station\``);
    await queryRunner.query(`ALTER TABLE \`reward\` DROP FOREIGN KEY \`fk_reward_merchant\``);
    await queryRunner.query(`ALTER TABLE \`reward\` DROP FOREIGN KEY \`fk_reward_region\``);
    await queryRunner.query(`DROP TABLE \`reward_claim_counter\``);
    await queryRunner.query(`DROP TABLE \`redemption\``);
    await queryRunner.query(`DROP TABLE \`reward\``);
  }
}
