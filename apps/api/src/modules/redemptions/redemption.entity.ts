import { RedemptionStatus } from '@yizhan/contracts';
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
import { RewardEntity } from '../rewards/reward.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One redemption: the points it took (`transferId`, a posted debit to the merchant's clearing
 * account or the station region's pool) and the one-time code shown at the counter. Status moves
 * once, from `issued` to `fulfilled`, `cancelled` or `expired`, by a conditional UPDATE; the last
 * two refund the points (`refundTransferId`) and give the unit back to stock in the same
 * transaction. Merchant, station and region are copied from the reward so the counter's and the
 * settlement's queries need no join.
 */
@Entity({ name: 'redemption' })
@Index('uq_redemption_code', ['code'], { unique: true })
@Index('uq_redemption_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('uq_redemption_transfer', ['transferId'], { unique: true })
@Index('idx_redemption_user_created', ['userId', 'createdAt', 'id'])
@Index('idx_redemption_reward', ['rewardId'])
@Index('idx_redemption_merchant_created', ['merchantId', 'createdAt', 'id'])
@Index('idx_redemption_station_created', ['stationId', 'createdAt', 'id'])
@Index('idx_redemption_status_expires', ['status', 'expiresAt'])
@Index('idx_redemption_merchant_fulfilled', ['merchantId', 'fulfilledAt'])
@Index('idx_redemption_station_fulfilled', ['stationId', 'fulfilledAt'])
export class RedemptionEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  /** 12 random digits; unique among all codes ever issued, so a code names one redemption forever. */
  @Column({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_redemption_user' })
  user?: UserEntity;

  @Column({ name: 'reward_id', ...UUID_COLUMN })
  rewardId!: string;

  @ManyToOne(() => RewardEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'reward_id', foreignKeyConstraintName: 'fk_redemption_reward' })
  reward?: RewardEntity;

  @Column({ name: 'merchant_id', ...UUID_COLUMN, nullable: true })
  merchantId!: string | null;

  @Column({ name: 'station_id', ...UUID_COLUMN, nullable: true })
  stationId!: string | null;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  /** The reward's price when it was redeemed (a later price change does not rewrite history). */
  @Column({ name: 'points_cost', type: 'int' })
  pointsCost!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: RedemptionStatus;

  /** `redemption:<user id>:<client key>`: the same key from the same worker is the same redemption. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 160 })
  idempotencyKey!: string;

  @Column({ name: 'transfer_id', ...UUID_COLUMN })
  transferId!: string;

  @Column({ name: 'refund_transfer_id', ...UUID_COLUMN, nullable: true })
  refundTransferId!: string | null;

  /** The per-worker limit counter this redemption counted in (given back on refund), if any. */
  @Column({ name: 'claim_counter_id', ...UUID_COLUMN, nullable: true })
  claimCounterId!: string | null;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'fulfilled_at', type: 'datetime', nullable: true })
  fulfilledAt!: Date | null;

  /** The staff member who handed the reward over. */
  @Column({ name: 'fulfilled_by', ...UUID_COLUMN, nullable: true })
  fulfilledBy!: string | null;

  /** When it was cancelled or expired (its points went back). */
  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt!: Date | null;
}
