import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos (server-made storage keys, size, perceptual hash in four indexed quarters, the target
 * a photo is attached to) and in-app notifications (per user, newest first, unread).
 * Generated from the entities with TypeORM's schema builder on SQLite, then reviewed.
 */
export class MediaAndNotifications1764288000000 implements MigrationInterface {
  name = 'MediaAndNotifications1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "media" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "uploader_id" varchar(36) NOT NULL,
        "storage_key" varchar(200) NOT NULL,
        "thumb_key" varchar(200) NOT NULL,
        "content_type" varchar(32) NOT NULL,
        "bytes" integer NOT NULL,
        "width" integer NOT NULL,
        "height" integer NOT NULL,
        "phash" varchar(16) NOT NULL,
        "phash_band0" varchar(4) NOT NULL,
        "phash_band1" varchar(4) NOT NULL,
        "phash_band2" varchar(4) NOT NULL,
        "phash_band3" varchar(4) NOT NULL,
        "target_type" varchar(24),
        "target_id" varchar(36),
        "position" integer NOT NULL DEFAULT (0),
        "attached_at" datetime,
        "created_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_media_phash_band3" ON "media" ("phash_band3")`);
    await queryRunner.query(`CREATE INDEX "idx_media_phash_band2" ON "media" ("phash_band2")`);
    await queryRunner.query(`CREATE INDEX "idx_media_phash_band1" ON "media" ("phash_band1")`);
    await queryRunner.query(`CREATE INDEX "idx_media_phash_band0" ON "media" ("phash_band0")`);
    await queryRunner.query(
      `CREATE INDEX "idx_media_unattached" ON "media" ("target_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_media_uploader_created" ON "media" ("uploader_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_media_target" ON "media" ("target_type", "target_id", "position")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "user_id" varchar(36) NOT NULL,
        "kind" varchar(32) NOT NULL,
        "payload" text NOT NULL,
        "created_at" datetime NOT NULL DEFAULT (datetime('now')),
        "read_at" datetime
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_user_read" ON "notification" ("user_id", "read_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_user_created" ON "notification" ("user_id", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "media"`);
  }
}
