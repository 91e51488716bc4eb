import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';
import { PointsAccountEntity } from './points-account.entity';

/**
 * A parcel of a worker's spendable points with one expiry date, for FIFO spending and expiry.
 * Every posted credit to a worker opens a lot; every debit (and every hold) draws from the
 * lots soonest-expiring first (for one policy that is oldest first). So for a worker account
 * the lots' `remaining` always add up to `balance − pendingDebit`, which the check proves.
 * Lots are bookkeeping beside the ledger, never a source of truth for the balance.
 */
@Entity({ name: 'points_lot' })
@Index('idx_points_lot_account', ['accountId', 'expiresAt'])
@Index('idx_points_lot_expires', ['expiresAt'])
@Index('idx_points_lot_source', ['sourceTransferId'])
export class PointsLotEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'account_id', ...UUID_COLUMN })
  accountId!: string;

  @ManyToOne(() => PointsAccountEntity, {
    nullable: false,
    onDelete: 'RESTRICT',
    onUpdate: 'NO ACTION',
  })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_points_lot_account' })
  account?: PointsAccountEntity;

  /** The credit that opened the lot. */
  @Column({ name: 'source_transfer_id', ...UUID_COLUMN })
  sourceTransferId!: string;

  @Column({ type: 'int' })
  amount!: number;

  @Column({ type: 'int' })
  remaining!: number;

  /** When the points were first earned (a refund restores the original date, keeping FIFO order). */
  @Column({ name: 'earned_at', type: 'datetime' })
  earnedAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', nullable: true })
  expiresAt!: Date | null;
}
