import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos (server-made storage keys, size, perceptual hash in four indexed quarters, the target
 * a photo is attached to) and in-app notifications (per user, newest first, unread).
 * Generated from the entities with TypeORM's schema builder on MariaDB, then reviewed.
 */
export class MediaAndNotifications1764288000000 implements MigrationInterface {
  name = 'MediaAndNotifications1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`media\` (
        \`id\` varchar(36) NOT NULL,
        \`uploader_id\` varchar(36) NOT NULL,
        \`storage_key\` varchar(200) NOT NULL,
        \`thumb_key\` varchar(200) NOT NULL,
        \`content_type\` varchar(32) NOT NULL,
        \`bytes\` int NOT NULL,
        \`width\` int NOT NULL,
        \`height\` int NOT NULL,
        \`phash\` varchar(16) NOT NULL,
        \`phash_band0\` varchar(4) NOT NULL,
        \`phash_band1\` varchar(4) NOT NULL,
        \`phash_band2\` varchar(4) NOT NULL,
        \`phash_band3\` varchar(4) NOT NULL,
        \`target_type\` varchar(24) NULL,
        \`target_id\` varchar(36) NULL,
        \`position\` int NOT NULL DEFAULT '0',
        \`attached_at\` datetime NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        INDEX \`idx_media_phash_band3\` (\`phash_band3\`),
        INDEX \`idx_media_phash_band2\` (\`phash_band2\`),
        INDEX \`idx_media_phash_band1\` (\`phash_band1\`),
        INDEX \`idx_media_phash_band0\` (\`phash_band0\`),
        INDEX \`idx_media_unattached\` (\`target_id\`, \`created_at\`),
        INDEX \`idx_media_uploader_created\` (\`uploader_id\`, \`created_at\`),
        INDEX \`idx_media_target\` (\`target_type\`, \`target_id\`, \`position\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notification\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`kind\` varchar(32) NOT NULL,
        \`payload\` text NOT NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`read_at\` datetime NULL,
        INDEX \`idx_notification_user_read\` (\`user_id\`, \`read_at\`),
        INDEX \`idx_notification_user_created\` (\`user_id\`, \`created_at\`, \`id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`notification\``);
    await queryRunner.query(`DROP TABLE \`media\``);
  }
}
