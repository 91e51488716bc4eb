import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WeChat subscribe messages: the credits a user's accepted prompts allow per template, and the
 * outbox of messages to send (due ones found by status and next attempt, a user's by user).
 * Generated from the entities with TypeORM's schema builder on MariaDB, then reviewed.
 */
export class WechatMessages1764460800000 implements MigrationInterface {
  name = 'WechatMessages1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`wechat_subscription\` (
        \`user_id\` varchar(36) NOT NULL,
        \`template_id\` varchar(64) NOT NULL,
        \`remaining\` int NOT NULL DEFAULT '0',
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        PRIMARY KEY (\`user_id\`, \`template_id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_message\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`notification_id\` varchar(36) NULL,
        \`open_id\` varchar(64) NOT NULL,
        \`template_id\` varchar(64) NOT NULL,
        \`page\` varchar(255) NOT NULL,
        \`data\` text NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`attempts\` int NOT NULL DEFAULT '0',
        \`next_attempt_at\` datetime NOT NULL,
        \`last_error\` varchar(255) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`sent_at\` datetime NULL,
        INDEX \`idx_wechat_message_user\` (\`user_id\`, \`created_at\`),
        INDEX \`idx_wechat_message_due\` (\`status\`, \`next_attempt_at\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`wechat_message\``);
    await queryRunner.query(`DROP TABLE \`wechat_subscription\``);
  }
}
