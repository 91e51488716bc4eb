import { ReportStatus } from '@yizhan/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber, UUID_COLUMN } from '../../database/column-types';

/** Where the reporter's points for a report stand in the ledger. */
export type ReportPointsStatus = 'pending' | 'posted' | 'voided';

/**
 * A worker's report of something wrong in the street. Its status moves only through
 * conditional UPDATEs (`WHERE status IN (…)`), so two handlers acting at once cannot both win.
 */
@Entity({ name: 'report' })
@Index('uq_report_client_request', ['reporterId', 'clientRequestId'], { unique: true })
@Index('idx_report_reporter_created', ['reporterId', 'createdAt', 'id'])
@Index('idx_report_region_status_created', ['regionId', 'status', 'createdAt', 'id'])
@Index('idx_report_region_status_due', ['regionId', 'status', 'dueAt', 'createdAt'])
@Index('idx_report_status_created', ['status', 'createdAt', 'id', 'regionId', 'dueAt'])
@Index('idx_report_category_created', ['categoryCode', 'createdAt'])
@Index('idx_report_points_unsettled', ['pointsSettled', 'updatedAt'])
@Index('idx_report_status_resolved', ['status', 'resolvedAt'])
export class ReportEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'client_request_id', ...UUID_COLUMN })
  clientRequestId!: string;

  /** Null once the reporter erased their account: the report stays, anonymous. */
  @Column({ name: 'reporter_id', ...UUID_COLUMN, nullable: true })
  reporterId!: string | null;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @Column({ name: 'category_id', ...UUID_COLUMN })
  categoryId!: string;

  @Column({ name: 'category_code', type: 'varchar', length: 32 })
  categoryCode!: string;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  lat!: number;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  lng!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  @Column({ name: 'department_id', ...UUID_COLUMN, nullable: true })
  departmentId!: string | null;

  @Column({ name: 'duplicate_of_id', ...UUID_COLUMN, nullable: true })
  duplicateOfId!: string | null;

  /** Reports marked duplicate of this one: other workers who saw the same thing. */
  @Column({ name: 'me_too_count', type: 'int', default: 0 })
  meTooCount!: number;

  /** One of its photos is already on another worker's report (perceptual hash). */
  @Column({ name: 'photo_reused', type: 'boolean', default: false })
  photoReused!: boolean;

  @Column({ name: 'due_at', type: 'datetime' })
  dueAt!: Date;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt!: Date | null;

  /** Points the reporter holds or earned for it (null before acceptance). */
  @Column({ name: 'points_amount', type: 'int', nullable: true })
  pointsAmount!: number | null;

  @Column({ name: 'points_status', type: 'varchar', length: 8, nullable: true })
  pointsStatus!: ReportPointsStatus | null;

  /**
   * False from a status change until the ledger has followed it (hold, post or void); the
   * sweep finishes what a crash between the two left undone.
   */
  @Column({ name: 'points_settled', type: 'boolean', default: true })
  pointsSettled!: boolean;
}
