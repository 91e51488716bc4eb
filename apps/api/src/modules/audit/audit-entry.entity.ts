import { Role } from '@yizhan/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * Append-only record of one staff or merchant action. No foreign keys on purpose: an entry
 * must outlive the account, station or object it names. `regionId` is the region of the
 * target, which decides which district admins may read it.
 */
@Entity({ name: 'audit_entry' })
@Index('idx_audit_entry_region_created', ['regionId', 'createdAt'])
@Index('idx_audit_entry_actor', ['actorId'])
@Index('idx_audit_entry_target', ['targetType', 'targetId'])
export class AuditEntryEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'actor_id', ...UUID_COLUMN, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 24, nullable: true })
  actorRole!: Role | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', ...UUID_COLUMN, nullable: true })
  targetId!: string | null;

  @Column({ name: 'region_id', ...UUID_COLUMN, nullable: true })
  regionId!: string | null;

  @Column({ type: 'json', nullable: true })
  before!: object | null;

  @Column({ type: 'json', nullable: true })
  after!: object | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
