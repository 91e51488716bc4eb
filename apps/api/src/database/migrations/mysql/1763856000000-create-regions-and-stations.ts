import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions (materialised-path tree) and stations. Generated from the entities with TypeORM's
 * schema builder on MySQL/MariaDB, then reviewed: tables are utf8mb4 whatever the database
 * default is, and each foreign key rides on its own named index.
 */
export class CreateRegionsAndStations1763856000000 implements MigrationInterface {
  name = 'CreateRegionsAndStations1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`region\` (
        \`id\` varchar(36) NOT NULL,
        \`code\` varchar(32) NOT NULL,
        \`name\` varchar(100) NOT NULL,
        \`level\` varchar(16) NOT NULL,
        \`parent_id\` varchar(36) NULL,
        \`path\` varchar(400) NOT NULL,
        \`time_zone\` varchar(64) NOT NULL DEFAULT 'Asia/Shanghai',
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        UNIQUE INDEX \`uq_region_code\` (\`code\`),
        INDEX \`idx_region_parent\` (\`parent_id\`),
        INDEX \`idx_region_path\` (\`path\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`region\` ADD CONSTRAINT \`fk_region_parent\` FOREIGN KEY (\`parent_id\`)
        REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE \`station\` (
        \`id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`name\` varchar(100) NOT NULL,
        \`brand\` varchar(50) NOT NULL,
        \`address\` varchar(255) NOT NULL,
        \`lat\` decimal(9,6) NOT NULL,
        \`lng\` decimal(9,6) NOT NULL,
        \`status\` varchar(24) NOT NULL,
        \`amenity_mask\` int NOT NULL DEFAULT '0',
        \`opening_hours\` json NOT NULL,
        \`phone\` varchar(32) NULL,
        \`manager_name\` varchar(50) NULL,
        \`services\` json NOT NULL,
        \`hotlines\` json NOT NULL,
        \`description\` text NULL,
        \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        INDEX \`idx_station_region\` (\`region_id\`),
        INDEX \`idx_station_name_id\` (\`name\`, \`id\`),
        INDEX \`idx_station_lat_lng\` (\`lat\`, \`lng\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`station\` ADD CONSTRAINT \`fk_station_region\` FOREIGN KEY (\`region_id\`)
        REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `station` DROP FOREIGN KEY `fk_station_region`');
    await queryRunner.query('DROP TABLE `station`');
    await queryRunner.query('ALTER TABLE `region` DROP FOREIGN KEY `fk_region_parent`');
    await queryRunner.query('DROP TABLE `region`');
  }
}
