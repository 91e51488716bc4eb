import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity and access: users, roles, consents, WeChat identities, refresh-token families, SMS
 * challenges, merchants (a merchant_staff role is scoped to one) and the append-only audit log.
 * Generated from the entities with TypeORM's schema builder on SQLite, then reviewed: foreign keys
 * are declared inline (SQLite cannot add them to an existing table).
 */
export class IdentityAndAccess1763942400000 implements MigrationInterface {
  name = 'IdentityAndAccess1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "actor_id" varchar(36),
        "actor_role" varchar(24),
        "action" varchar(64) NOT NULL,
        "target_type" varchar(32) NOT NULL,
        "target_id" varchar(36),
        "region_id" varchar(36),
        "before" json,
        "after" json,
        "ip" varchar(45),
        "request_id" varchar(128),
        "created_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entry_target" ON "audit_entry" ("target_type", "target_id")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_actor" ON "audit_entry" ("actor_id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_entry_region_created" ON "audit_entry" ("region_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "nickname" varchar(32),
        "occupation" varchar(16),
        "platform" varchar(32),
        "phone_cipher" varchar(255),
        "phone_index" varchar(64),
        "username" varchar(64),
        "password_hash" varchar(255),
        "failed_logins" integer NOT NULL DEFAULT (0),
        "locked_until" datetime,
        "erased_at" datetime,
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user" ("username")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_app_user_phone_index" ON "app_user" ("phone_index")`,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_token" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "family_id" varchar(36) NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "expires_at" datetime NOT NULL,
        "used_at" datetime,
        "revoked_at" datetime,
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_refresh_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_refresh_token_user" ON "refresh_token" ("user_id")`);
    await queryRunner.query(
      `CREATE INDEX "idx_refresh_token_family" ON "refresh_token" ("family_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token" ("token_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "sms_challenge" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "phone_index" varchar(64) NOT NULL,
        "code_hash" varchar(64) NOT NULL,
        "expires_at" datetime NOT NULL,
        "attempts" integer NOT NULL DEFAULT (0),
        "consumed_at" datetime,
        "created_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sms_challenge_phone_created" ON "sms_challenge" ("phone_index", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "wechat_identity" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "app_id" varchar(64) NOT NULL,
        "open_id" varchar(64) NOT NULL,
        "union_id" varchar(64),
        "session_key_cipher" varchar(255) NOT NULL,
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_wechat_identity_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_wechat_identity_user" ON "wechat_identity" ("user_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_wechat_identity_openid" ON "wechat_identity" ("app_id", "open_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "merchant" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "region_id" varchar(36) NOT NULL,
        "name" varchar(100) NOT NULL,
        "address" varchar(255) NOT NULL,
        "lat" decimal(9,6) NOT NULL,
        "lng" decimal(9,6) NOT NULL,
        "phone" varchar(32),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_merchant_region" FOREIGN KEY ("region_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_merchant_name_id" ON "merchant" ("name", "id")`);
    await queryRunner.query(`CREATE INDEX "idx_merchant_region" ON "merchant" ("region_id")`);
    await queryRunner.query(
      `CREATE TABLE "consent" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "version" varchar(32) NOT NULL,
        "granted_at" datetime NOT NULL,
        "withdrawn_at" datetime,
        CONSTRAINT "fk_consent_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_consent_user_kind" ON "consent" ("user_id", "kind")`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_role" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "role" varchar(24) NOT NULL,
        "region_id" varchar(36),
        "station_id" varchar(36),
        "merchant_id" varchar(36),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        CONSTRAINT "fk_user_role_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_user_role_region" FOREIGN KEY ("region_id") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_user_role_station" FOREIGN KEY ("station_id") REFERENCES "station" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "fk_user_role_merchant" FOREIGN KEY ("merchant_id") REFERENCES "merchant" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_user_role_merchant" ON "user_role" ("merchant_id")`);
    await queryRunner.query(`CREATE INDEX "idx_user_role_station" ON "user_role" ("station_id")`);
    await queryRunner.query(`CREATE INDEX "idx_user_role_region" ON "user_role" ("region_id")`);
    await queryRunner.query(`CREATE INDEX "idx_user_role_user" ON "user_role" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_role"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP TABLE "merchant"`);
    await queryRunner.query(`DROP TABLE "wechat_identity"`);
    await queryRunner.query(`DROP TABLE "sms_challenge"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
