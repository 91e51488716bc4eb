import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * How much of one lot a debit (or hold) took. Undoing the debit — a refund, a reversal, a
 * voided hold — gives the points back with the lots' original dates instead of fresh ones, so
 * cancelling a redemption never extends the life of points.
 */
@Entity({ name: 'points_lot_draw' })
@Index('idx_points_lot_draw_transfer', ['transferId'])
@Index('idx_points_lot_draw_lot', ['lotId'])
export class PointsLotDrawEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'lot_id', ...UUID_COLUMN })
  lotId!: string;

  @Column({ name: 'transfer_id', ...UUID_COLUMN })
  transferId!: string;

  @Column({ type: 'int' })
  amount!: number;
}
