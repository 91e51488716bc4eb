import { PointsAccountKind } from '@yizhan/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * One ledger account. The three numbers are caches of the transfers that touch it, kept in
 * step inside every transaction that moves points and proven by the ledger check:
 * `balance` = posted credits − posted debits; `pendingDebit` / `pendingCredit` = pending
 * transfers out of / into it. A worker may spend `balance − pendingDebit` and never below zero;
 * a region pool goes negative by exactly what it has issued.
 *
 * `regionId` is the region the account belongs to: the pool's region, the merchant's region,
 * and for a worker their home region — the region of their first earning — which decides which
 * district admins may adjust their points and which earning rules `GET /points/rules` shows.
 */
@Entity({ name: 'points_account' })
@Index('uq_points_account_owner', ['kind', 'ownerId'], { unique: true })
@Index('idx_points_account_region', ['regionId'])
export class PointsAccountEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: PointsAccountKind;

  /** The user, region or merchant id (no foreign key: the owner's table depends on the kind). */
  @Column({ name: 'owner_id', ...UUID_COLUMN })
  ownerId!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN, nullable: true })
  regionId!: string | null;

  @Column({ type: 'int', default: 0 })
  balance!: number;

  @Column({ name: 'pending_debit', type: 'int', default: 0 })
  pendingDebit!: number;

  @Column({ name: 'pending_credit', type: 'int', default: 0 })
  pendingCredit!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
