import { ReportAction, Role } from '@yizhan/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/** One step of a report's timeline; written in the same transaction as the step itself. */
@Entity({ name: 'report_event' })
@Index('uq_report_event_report_seq', ['reportId', 'seq'], { unique: true })
export class ReportEventEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'report_id', ...UUID_COLUMN })
  reportId!: string;

  /**
   * Position in the timeline (0 = submit). Taken while the step's UPDATE holds the report's
   * row lock, so it orders steps even when they share a timestamp.
   */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: ReportAction;

  /** Null for the system (auto-close) and after the actor erased their account. */
  @Column({ name: 'actor_id', ...UUID_COLUMN, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole!: Role | 'system';

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'department_id', ...UUID_COLUMN, nullable: true })
  departmentId!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
