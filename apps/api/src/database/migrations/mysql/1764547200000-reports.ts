import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports: departments and report categories per region (a region's own category overrides an
 * ancestor's of the same code), the reports themselves (idempotent per reporter and client request
 * id; the handler's queue rides on (region, status, created_at); duplicates on (category,
 * created_at) plus a box on lat/lng) and their timelines, ordered by a per-report sequence.
 * Generated from the entities with TypeORM's schema builder on MariaDB, then reviewed.
 */
export class Reports1764547200000 implements MigrationInterface {
  name = 'Reports1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`department\` (
        \`id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`name\` varchar(100) NOT NULL,
        \`phone\` varchar(32) NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        UNIQUE INDEX \`uq_department_region_name\` (\`region_id\`, \`name\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`report_category\` (
        \`id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`code\` varchar(32) NOT NULL,
        \`name\` varchar(32) NOT NULL,
        \`icon\` varchar(16) NOT NULL,
        \`sla_hours\` int NOT NULL,
        \`default_department_id\` varchar(36) NULL,
        \`active\` tinyint NOT NULL DEFAULT 1,
        \`sort_order\` int NOT NULL DEFAULT '0',
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        UNIQUE INDEX \`uq_report_category_region_code\` (\`region_id\`, \`code\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`report_event\` (
        \`id\` varchar(36) NOT NULL,
        \`report_id\` varchar(36) NOT NULL,
        \`seq\` int NOT NULL,
        \`action\` varchar(16) NOT NULL,
        \`actor_id\` varchar(36) NULL,
        \`actor_role\` varchar(16) NOT NULL,
        \`note\` varchar(500) NULL,
        \`department_id\` varchar(36) NULL,
        \`created_at\` datetime NOT NULL,
        UNIQUE INDEX \`uq_report_event_report_seq\` (\`report_id\`, \`seq\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`report\` (
        \`id\` varchar(36) NOT NULL,
        \`client_request_id\` varchar(36) NOT NULL,
        \`reporter_id\` varchar(36) NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`category_id\` varchar(36) NOT NULL,
        \`category_code\` varchar(32) NOT NULL,
        \`description\` varchar(500) NOT NULL,
        \`lat\` decimal(9,6) NOT NULL,
        \`lng\` decimal(9,6) NOT NULL,
        \`address\` varchar(200) NULL,
        \`status\` varchar(16) NOT NULL,
        \`department_id\` varchar(36) NULL,
        \`duplicate_of_id\` varchar(36) NULL,
        \`me_too_count\` int NOT NULL DEFAULT '0',
        \`photo_reused\` tinyint NOT NULL DEFAULT 0,
        \`due_at\` datetime NOT NULL,
        \`created_at\` datetime NOT NULL,
        \`updated_at\` datetime NOT NULL,
        \`resolved_at\` datetime NULL,
        \`points_amount\` int NULL,
        \`points_status\` varchar(8) NULL,
        \`points_settled\` tinyint NOT NULL DEFAULT 1,
        INDEX \`idx_report_status_resolved\` (\`status\`, \`resolved_at\`),
        INDEX \`idx_report_points_unsettled\` (\`points_settled\`, \`updated_at\`),
        INDEX \`idx_report_category_created\` (\`category_code\`, \`created_at\`),
        INDEX \`idx_report_region_status_created\` (\`region_id\`, \`status\`, \`created_at\`, \`id\`),
        INDEX \`idx_report_reporter_created\` (\`reporter_id\`, \`created_at\`, \`id\`),
        UNIQUE INDEX \`uq_report_client_request\` (\`reporter_id\`, \`client_request_id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`report\``);
    await queryRunner.query(`DROP TABLE \`report_event\``);
    await queryRunner.query(`DROP TABLE \`report_category\``);
    await queryRunner.query(`DROP TABLE \`department\``);
  }
}
