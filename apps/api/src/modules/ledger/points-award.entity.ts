import { EarningKind } from '@yizhan/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * The outcome of one `award()` call, kept whether or not it moved points (a capped award
 * earns 0 and still answers the same on a retry). `dayKey` / `weekKey` name the cap counters
 * it counted against, so voiding a pending award can give its share of the cap back.
 */
@Entity({ name: 'points_award' })
@Index('uq_points_award_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('idx_points_award_user_created', ['userId', 'createdAt'])
@Index('idx_points_award_transfer', ['transferId'])
export class PointsAwardEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 160 })
  idempotencyKey!: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @Column({ name: 'rule_id', ...UUID_COLUMN, nullable: true })
  ruleId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: EarningKind;

  @Column({ name: 'ref_type', type: 'varchar', length: 32, nullable: true })
  refType!: string | null;

  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId!: string | null;

  /** Points the rule would give without caps. */
  @Column({ type: 'int' })
  requested!: number;

  /** Points actually awarded (≤ requested; 0 when capped or without a rule). */
  @Column({ type: 'int' })
  awarded!: number;

  @Column({ name: 'transfer_id', ...UUID_COLUMN, nullable: true })
  transferId!: string | null;

  @Column({ name: 'day_key', type: 'varchar', length: 16, nullable: true })
  dayKey!: string | null;

  @Column({ name: 'week_key', type: 'varchar', length: 16, nullable: true })
  weekKey!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
