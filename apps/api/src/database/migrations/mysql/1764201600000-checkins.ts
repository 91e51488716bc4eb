import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check-ins: each station's geofence radius and code generation; the visits (with the local
 * date of the station's region, the rotating code's step and the settled points); one gate row
 * per worker that serialises their check-ins. Generated from the entities with TypeORM's schema
 * builder on MariaDB, then reviewed: statistics ride on (station | region, local_date), a
 * worker's history and the travel check on (user, created_at).
 */
export class Checkins1764201600000 implements MigrationInterface {
  name = 'Checkins1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`station\`
        ADD \`geofence_radius_m\` int NOT NULL DEFAULT '150',
        ADD \`code_version\` int NOT NULL DEFAULT '1'`,
    );
    await queryRunner.query(
      `CREATE TABLE \`checkin\` (
        \`id\` varchar(36) NOT NULL,
        \`user_id\` varchar(36) NOT NULL,
        \`station_id\` varchar(36) NOT NULL,
        \`region_id\` varchar(36) NOT NULL,
        \`created_at\` datetime NOT NULL,
        \`local_date\` varchar(10) NOT NULL,
        \`method\` varchar(8) NOT NULL,
        \`live_step\` bigint NULL,
        \`lat\` decimal(9,6) NULL,
        \`lng\` decimal(9,6) NULL,
        \`accuracy_m\` int NULL,
        \`distance_m\` int NULL,
        \`flag\` varchar(32) NULL,
        \`points_awarded\` int NULL,
        \`points_capped\` tinyint NOT NULL DEFAULT 0,
        \`idempotency_key\` varchar(100) NULL,
        INDEX \`idx_checkin_unsettled\` (\`points_awarded\`, \`created_at\`),
        INDEX \`idx_checkin_region_date\` (\`region_id\`, \`local_date\`),
        INDEX \`idx_checkin_station_date\` (\`station_id\`, \`local_date\`),
        INDEX \`idx_checkin_user_created\` (\`user_id\`, \`created_at\`, \`id\`),
        UNIQUE INDEX \`uq_checkin_live_step\` (\`user_id\`, \`station_id\`, \`live_step\`),
        UNIQUE INDEX \`uq_checkin_idempotency_key\` (\`idempotency_key\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `CREATE TABLE \`checkin_gate\` (
        \`user_id\` varchar(36) NOT NULL,
        \`turns\` int NOT NULL DEFAULT '0',
        PRIMARY KEY (\`user_id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await queryRunner.query(
      `ALTER TABLE \`checkin\` ADD CONSTRAINT \`fk_checkin_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`checkin\` ADD CONSTRAINT \`fk_checkin_station\` FOREIGN KEY (\`station_id\`) REFERENCES \`station\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`checkin\` DROP FOREIGN KEY \`fk_checkin_station\``);
    await queryRunner.query(`ALTER TABLE \`checkin\` DROP FOREIGN KEY \`fk_checkin_user\``);
    await queryRunner.query(`DROP TABLE \`checkin_gate\``);
    await queryRunner.query(`DROP TABLE \`checkin\``);
    await queryRunner.query(
      `ALTER TABLE \`station\` DROP COLUMN \`code_version\`, DROP COLUMN \`geofence_radius_m\``,
    );
  }
}
