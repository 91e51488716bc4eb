import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity and access: users, roles, consents, WeChat identities, refresh-token families, SMS
 * challenges, merchants (a merchant_staff role is scoped to one) and the append-only audit log.
 * Generated from the entities with TypeORM's schema builder on MariaDB, then reviewed: tables
 * are utf8mb4 whatever the database default is.
 */
export class IdentityAndAccess1763942400000 implements MigrationInterface {
  name = 'IdentityAndAccess1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`audit_entry\` (
        \`id\` varchar(36) NOT NULL,
        \`actor_id\` varchar(36) NULL,
        \`actor_role\` varchar(24) NULL,
        \`action\` varchar(64) NOT NULL,
        \`target_type\` varchar(32) NOT NULL,
        \`target_id\` varchar(36) NULL,
        \`region_id\` varchar(36) NULL,
        \`before\` json NULL,
        \`after\` json NULL,
        \`ip\` varchar(45) NULL,
        \`request_id\` varchar(128) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        INDEX \`idx_audit_entry_target\` (\`target_type\`,
        \`target_id\`),
        INDEX \`idx_audit_entry_actor\` (\`actor_id\`),
        INDEX \`idx_audit_entry_region_created\` (\`region_id\`,
        \`created_at\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`app_user\` (
        \`id\` varchar(36) NOT NULL,
        \`nickname\` varchar(32) NULL,
        \`occupation\` varchar(16) NULL,
        \`platform\` varchar(32) NULL,
        \`phone_cipher\` varchar(255) NULL,
        \`phone_index\` varchar(64) NULL,
        \`username\` varchar(64) NULL,
        \`password_hash\` varchar(255) NULL,
        \`failed_logins\` int NOT NULL DEFAULT '0',
        \`locked_until\` datetime NULL,
        \`erased_at\` datetime NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        UNIQUE INDEX \`uq_app_user_username\` (\`username\`),
        UNIQUE INDEX \`uq_app_user_phone_index\` (\`phone_index\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`refresh_token\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`family_id\` varchar(36) NOT NULL,
        \`token_hash\` varchar(64) NOT NULL,
        \`expires_at\` datetime NOT NULL,
        \`used_at\` datetime NULL,
        \`revoked_at\` datetime NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        INDEX \`idx_refresh_token_user\` (\`user_id\`),
        INDEX \`idx_refresh_token_family\` (\`family_id\`),
        UNIQUE INDEX \`uq_refresh_token_hash\` (\`token_hash\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`sms_challenge\` (
        \`id\` varchar(36) NOT NULL,
        \`phone_index\` varchar(64) NOT NULL,
        \`code_hash\` varchar(64) NOT NULL,
        \`expires_at\` datetime NOT NULL,
        \`attempts\` int NOT NULL DEFAULT '0',
        \`consumed_at\` datetime NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        INDEX \`idx_sms_challenge_phone_created\` (\`phone_index\`,
        \`created_at\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_identity\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`app_id\` varchar(64) NOT NULL,
        \`open_id\` varchar(64) NOT NULL,
        \`union_id\` varchar(64) NULL,
        \`session_key_cipher\` varchar(255) NOT NULL,
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        UNIQUE INDEX \`uq_wechat_identity_user\` (\`user_id\`),
        UNIQUE INDEX \`uq_wechat_identity_openid\` (\`app_id\`,
        \`open_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`merchant\` (
        \`id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`name\` varchar(100) NOT NULL,
        \`address\` varchar(255) NOT NULL,
        \`lat\` decimal(9,6) NOT NULL,
        \`lng\` decimal(9,6) NOT NULL,
        \`phone\` varchar(32) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        INDEX \`idx_merchant_name_id\` (\`name\`,
        \`id\`),
        INDEX \`idx_merchant_region\` (\`region_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`consent\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`kind\` varchar(16) NOT NULL,
        \`version\` varchar(32) NOT NULL,
        \`granted_at\` datetime NOT NULL,
        \`withdrawn_at\` datetime NULL,
        INDEX \`idx_consent_user_kind\` (\`user_id\`,
        \`kind\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`user_role\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`role\` varchar(24) NOT NULL,
        \`region_id\` varchar(36) NULL,
        \`station_id\` varchar(36) NULL,
        \`merchant_id\` varchar(36) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        INDEX \`idx_user_role_merchant\` (\`merchant_id\`),
        INDEX \`idx_user_role_station\` (\`station_id\`),
        INDEX \`idx_user_role_region\` (\`region_id\`),
        INDEX \`idx_user_role_user\` (\`user_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`refresh_token\` ADD CONSTRAINT \`fk_refresh_token_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`wechat_identity\` ADD CONSTRAINT \`fk_wechat_identity_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`merchant\` ADD CONSTRAINT \`fk_merchant_region\` FOREIGN KEY (\`region_id\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`consent\` ADD CONSTRAINT \`fk_consent_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_role\` ADD CONSTRAINT \`fk_user_role_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_role\` ADD CONSTRAINT \`fk_user_role_region\` FOREIGN KEY (\`region_id\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_role\` ADD CONSTRAINT \`fk_user_role_station\` FOREIGN KEY (\`station_id\`) REFERENCES \`station\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_role\` ADD CONSTRAINT \`fk_user_role_merchant\` FOREIGN KEY (\`merchant_id\`) REFERENCES \`merchant\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`user_role\` DROP FOREIGN KEY \`fk_user_role_merchant\``);
    await queryRunner.query(`ALTER TABLE \`user_role\` DROP FOREIGN KEY \`fk_user_role_station\``);
    await queryRunner.query(`ALTER TABLE \`user_role\` DROP FOREIGN KEY \`fk_user_role_region\``);
    await queryRunner.query(`ALTER TABLE \`user_role\` DROP FOREIGN KEY \`fk_user_role_user\``);
    await queryRunner.query(`ALTER TABLE \`consent\` DROP FOREIGN KEY \`fk_consent_user\``);
    await queryRunner.query(`ALTER TABLE \`merchant\` DROP FOREIGN KEY \`fk_merchant_region\``);
    await queryRunner.query(
      `ALTER TABLE \`wechat_identity\` DROP FOREIGN KEY \`fk_wechat_identity_user\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`refresh_token\` DROP FOREIGN KEY \`fk_refresh_token_user\``,
    );
    await queryRunner.query(`DROP TABLE \`user_role\``);
    await queryRunner.query(`DROP TABLE \`consent\``);
    await queryRunner.query(`DROP TABLE \`merchant\``);
    await queryRunner.query(`DROP TABLE \`wechat_identity\``);
    await queryRunner.query(`DROP TABLE \`sms_challenge\``);
    await queryRunner.query(`DROP TABLE \`refresh_token\``);
    await queryRunner.query(`DROP TABLE \`app_user\``);
    await queryRunner.query(`DROP TABLE \`audit_entry\``);
  }
}
