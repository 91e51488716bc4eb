import { MigrationInterface, QueryRunner } from 'typeorm';

/** The handler queue's indexes: see the MySQL migration of the same name. */
export class ReportQueueIndexes1764806400000 implements MigrationInterface {
  name = 'ReportQueueIndexes1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_report_region_status_due" ON "report" ("region_id", "status", "due_at", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_report_status_created" ON "report" ("status", "created_at", "id", "region_id", "due_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_report_status_created"`);
    await queryRunner.query(`DROP INDEX "idx_report_region_status_due"`);
  }
}
