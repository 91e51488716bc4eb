import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the handler's queue (overdue first, then the rest, each oldest first), read per
 * branch in index order (see ReportsRepository.queuePage):
 * - (region, status, due_at, created_at): when few reports of a (region, status) fall on one
 *   side of their due time, walking (region, status, created_at) reads past all the others; a
 *   range on due_at finds them, and created_at is there so their small sort reads no rows.
 * - (status, created_at, id, region_id, due_at): a wide scope (more regions than are read
 *   apart) walks each status in order and filters region and due time inside the index.
 */
export class ReportQueueIndexes1764806400000 implements MigrationInterface {
  name = 'ReportQueueIndexes1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `idx_report_region_status_due` ON `report` (`region_id`, `status`, `due_at`, `created_at`)',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_report_status_created` ON `report` (`status`, `created_at`, `id`, `region_id`, `due_at`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_report_status_created` ON `report`');
    await queryRunner.query('DROP INDEX `idx_report_region_status_due` ON `report`');
  }
}
