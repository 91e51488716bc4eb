import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WeChat subscribe messages: the credits a user's accepted prompts allow per template, and the
 * outbox of messages to send (due ones found by status and next attempt, a user's by user).
 * Generated from the entities with TypeORM's schema builder on SQLite, then reviewed.
 */
export class WechatMessages1764460800000 implements MigrationInterface {
  name = 'WechatMessages1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "wechat_subscription" (
        "user_id" varchar(36) NOT NULL,
        "template_id" varchar(64) NOT NULL,
        "remaining" integer NOT NULL DEFAULT (0),
        "updated_at" datetime NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY ("user_id", "template_id")
      )`,
    );
    await queryRunner.query(
      `CREATE TABLE "wechat_message" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "notification_id" varchar(36),
        "open_id" varchar(64) NOT NULL,
        "template_id" varchar(64) NOT NULL,
        "page" varchar(255) NOT NULL,
        "data" text NOT NULL,
        "status" varchar(16) NOT NULL,
        "attempts" integer NOT NULL DEFAULT (0),
        "next_attempt_at" datetime NOT NULL,
        "last_error" varchar(255),
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "sent_at" datetime
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_wechat_message_user" ON "wechat_message" ("user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_wechat_message_due" ON "wechat_message" ("status", "next_attempt_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "wechat_message"`);
    await queryRunner.query(`DROP TABLE "wechat_subscription"`);
  }
}
