import { TransferKind, TransferStatus } from '@yizhan/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';
import { PointsAccountEntity } from './points-account.entity';

/**
 * One movement of `amount` (> 0) points from the debit account to the credit account.
 * Append-only: accounts, amount, kind and reference never change and no row is deleted. The
 * only change a row ever sees is its one status step `pending` → `posted` | `voided` (with
 * `resolvedAt`), taken by a conditional UPDATE so it happens once. A mistake is undone by a
 * new transfer in the other direction whose `reversesTransferId` names it; the unique index
 * allows one undo (reversal or refund) per transfer.
 */
@Entity({ name: 'points_transfer' })
@Index('uq_points_transfer_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('uq_points_transfer_reverses', ['reversesTransferId'], { unique: true })
@Index('idx_points_transfer_debit_created', ['debitAccountId', 'createdAt', 'id'])
@Index('idx_points_transfer_credit_created', ['creditAccountId', 'createdAt', 'id'])
@Index('idx_points_transfer_ref', ['refType', 'refId'])
export class PointsTransferEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'debit_account_id', ...UUID_COLUMN })
  debitAccountId!: string;

  @ManyToOne(() => PointsAccountEntity, {
    nullable: false,
    onDelete: 'RESTRICT',
    onUpdate: 'NO ACTION',
  })
  @JoinColumn({ name: 'debit_account_id', foreignKeyConstraintName: 'fk_points_transfer_debit' })
  debitAccount?: PointsAccountEntity;

  @Column({ name: 'credit_account_id', ...UUID_COLUMN })
  creditAccountId!: string;

  @ManyToOne(() => PointsAccountEntity, {
    nullable: false,
    onDelete: 'RESTRICT',
    onUpdate: 'NO ACTION',
  })
  @JoinColumn({ name: 'credit_account_id', foreignKeyConstraintName: 'fk_points_transfer_credit' })
  creditAccount?: PointsAccountEntity;

  @Column({ type: 'int' })
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: TransferKind;

  @Column({ type: 'varchar', length: 8 })
  status!: TransferStatus;

  @Column({ name: 'ref_type', type: 'varchar', length: 32, nullable: true })
  refType!: string | null;

  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 160 })
  idempotencyKey!: string;

  /** SHA-256 of the request that created the transfer: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'reverses_transfer_id', ...UUID_COLUMN, nullable: true })
  reversesTransferId!: string | null;

  @ManyToOne(() => PointsTransferEntity, {
    nullable: true,
    onDelete: 'RESTRICT',
    onUpdate: 'NO ACTION',
  })
  @JoinColumn({
    name: 'reverses_transfer_id',
    foreignKeyConstraintName: 'fk_points_transfer_reverses',
  })
  reverses?: PointsTransferEntity | null;

  /** When points this transfer credits to a worker lapse (fixed when it is made); null: never. */
  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  /** Why, in words (adjustments carry the admin's reason). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  memo!: string | null;

  /** The user who caused it (an admin for adjustments), null for system work. */
  @Column({ name: 'created_by', ...UUID_COLUMN, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt!: Date | null;
}
