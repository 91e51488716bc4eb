import { NotificationKind, ReportStatusNotice } from '@yizhan/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/** One in-app notice to one user; written in the same transaction as the change it reports. */
@Entity({ name: 'notification' })
@Index('idx_notification_user_created', ['userId', 'createdAt', 'id'])
@Index('idx_notification_user_read', ['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  /** What changed, as the client words it (NotificationView.report). */
  @Column({ type: 'simple-json' })
  payload!: ReportStatusNotice;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'datetime', nullable: true })
  readAt!: Date | null;
}
