import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points ledger: accounts with cached balances, append-only transfers (unique idempotency
 * key, at most one undo per transfer), FIFO lots with their draws, earning rules per region and
 * kind, award outcomes and per-period cap counters. Generated from the entities with TypeORM's
 * schema builder on MariaDB, then reviewed: tables are utf8mb4 whatever the database default
 * is, and keyset listing of one account's transfers rides on (account, created_at, id) indexes.
 */
export class PointsLedger1764028800000 implements MigrationInterface {
  name = 'PointsLedger1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`points_account\` (
        \`id\` varchar(36) NOT NULL,
        \`kind\` varchar(24) NOT NULL,
        \`owner_id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NULL,
        \`balance\` int NOT NULL DEFAULT '0',
        \`pending_debit\` int NOT NULL DEFAULT '0',
        \`pending_credit\` int NOT NULL DEFAULT '0',
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        INDEX \`idx_points_account_region\` (\`region_id\`),
        UNIQUE INDEX \`uq_points_account_owner\` (\`kind\`, \`owner_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_transfer\` (
        \`id\` varchar(36) NOT NULL,
        \`debit_account_id\` varchar(36) NOT NULL,
        \`credit_account_id\` varchar(36) NOT NULL,
        \`amount\` int NOT NULL,
        \`kind\` varchar(16) NOT NULL,
        \`status\` varchar(8) NOT NULL,
        \`ref_type\` varchar(32) NULL,
        \`ref_id\` varchar(64) NULL,
        \`idempotency_key\` varchar(160) NOT NULL,
        \`request_hash\` varchar(64) NOT NULL,
        \`reverses_transfer_id\` varchar(36) NULL,
        \`expires_at\` datetime NULL,
        \`memo\` varchar(200) NULL,
        \`created_by\` varchar(36) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`resolved_at\` datetime NULL,
        INDEX \`idx_points_transfer_ref\` (\`ref_type\`, \`ref_id\`),
        INDEX \`idx_points_transfer_credit_created\` (\`credit_account_id\`, \`created_at\`, \`id\`),
        INDEX \`idx_points_transfer_debit_created\` (\`debit_account_id\`, \`created_at\`, \`id\`),
        UNIQUE INDEX \`uq_points_transfer_reverses\` (\`reverses_transfer_id\`),
        UNIQUE INDEX \`uq_points_transfer_idempotency_key\` (\`idempotency_key\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_lot\` (
        \`id\` varchar(36) NOT NULL,
        \`account_id\` varchar(36) NOT NULL,
        \`source_transfer_id\` varchar(36) NOT NULL,
        \`amount\` int NOT NULL,
        \`remaining\` int NOT NULL,
        \`earned_at\` datetime NOT NULL,
        \`expires_at\` datetime NULL,
        INDEX \`idx_points_lot_source\` (\`source_transfer_id\`),
        INDEX \`idx_points_lot_expires\` (\`expires_at\`),
        INDEX \`idx_points_lot_account\` (\`account_id\`, \`expires_at\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_lot_draw\` (
        \`id\` varchar(36) NOT NULL,
        \`lot_id\` varchar(36) NOT NULL,
        \`transfer_id\` varchar(36) NOT NULL,
        \`amount\` int NOT NULL,
        INDEX \`idx_points_lot_draw_lot\` (\`lot_id\`),
        INDEX \`idx_points_lot_draw_transfer\` (\`transfer_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_rule\` (
        \`id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`kind\` varchar(16) NOT NULL,
        \`points\` int NOT NULL,
        \`daily_cap\` int NULL,
        \`weekly_cap\` int NULL,
        \`expiry_policy\` varchar(24) NOT NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        UNIQUE INDEX \`uq_points_rule_region_kind\` (\`region_id\`, \`kind\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_award\` (
        \`id\` varchar(36) NOT NULL,
        \`idempotency_key\` varchar(160) NOT NULL,
        \`request_hash\` varchar(64) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`rule_id\` varchar(36) NULL,
        \`kind\` varchar(16) NOT NULL,
        \`ref_type\` varchar(32) NULL,
        \`ref_id\` varchar(64) NULL,
        \`requested\` int NOT NULL,
        \`awarded\` int NOT NULL,
        \`transfer_id\` varchar(36) NULL,
        \`day_key\` varchar(16) NULL,
        \`week_key\` varchar(16) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        INDEX \`idx_points_award_transfer\` (\`transfer_id\`),
        INDEX \`idx_points_award_user_created\` (\`user_id\`, \`created_at\`),
        UNIQUE INDEX \`uq_points_award_idempotency_key\` (\`idempotency_key\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`points_cap_counter\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`rule_id\` varchar(36) NOT NULL,
        \`period_key\` varchar(16) NOT NULL,
        \`points\` int NOT NULL DEFAULT '0',
        UNIQUE INDEX \`uq_points_cap_counter\` (\`user_id\`, \`rule_id\`, \`period_key\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_transfer\` ADD CONSTRAINT \`fk_points_transfer_debit\` FOREIGN KEY (\`debit_account_id\`) REFERENCES \`points_account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_transfer\` ADD CONSTRAINT \`fk_points_transfer_credit\` FOREIGN KEY (\`credit_account_id\`) REFERENCES \`points_account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_transfer\` ADD CONSTRAINT \`fk_points_transfer_reverses\` FOREIGN KEY (\`reverses_transfer_id\`) REFERENCES \`points_transfer\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_lot\` ADD CONSTRAINT \`fk_points_lot_account\` FOREIGN KEY (\`account_id\`) REFERENCES \`points_account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_rule\` ADD CONSTRAINT \`fk_points_rule_region\` FOREIGN KEY (\`region_id\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`points_rule\` DROP FOREIGN KEY \`fk_points_rule_region\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_lot\` DROP FOREIGN KEY \`fk_points_lot_account\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_transfer\` DROP FOREIGN KEY \`fk_points_transfer_reverses\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_transfer\` DROP FOREIGN KEY \`fk_points_transfer_credit\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`points_transfer\` DROP FOREIGN KEY \`fk_points_transfer_debit\``,
    );
    await queryRunner.query(`DROP TABLE \`points_cap_counter\``);
    await queryRunner.query(`DROP TABLE \`points_award\``);
    await queryRunner.query(`DROP TABLE \`points_rule\``);
    await queryRunner.query(`DROP TABLE \`points_lot_draw\``);
    await queryRunner.query(`DROP TABLE \`points_lot\``);
    await queryRunner.query(`DROP TABLE \`points_transfer\``);
    await queryRunner.query(`DROP TABLE \`points_account\``);
  }
}
