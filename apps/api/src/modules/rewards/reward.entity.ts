import { LimitPeriod, RewardStatus } from '@yizhan/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';
import { MerchantEntity } from '../merchants/merchant.entity';
import { RegionEntity } from '../regions/region.entity';
import { StationEntity } from '../stations/station.entity';

/**
 * Something workers redeem points for, offered by one merchant or one station. `stock` is what
 * is left (null = unlimited); only a conditional UPDATE inside a redemption's transaction lowers
 * it, so it never goes below zero. `regionId` is the offering merchant's or station's region.
 */
@Entity({ name: 'reward' })
@Index('idx_reward_region_status', ['regionId', 'status'])
@Index('idx_reward_merchant', ['merchantId'])
@Index('idx_reward_station', ['stationId'])
@Index('idx_reward_cost_id', ['pointsCost', 'id'])
export class RewardEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_reward_region' })
  region?: RegionEntity;

  @Column({ name: 'merchant_id', ...UUID_COLUMN, nullable: true })
  merchantId!: string | null;

  @ManyToOne(() => MerchantEntity, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'merchant_id', foreignKeyConstraintName: 'fk_reward_merchant' })
  merchant?: MerchantEntity | null;

  @Column({ name: 'station_id', ...UUID_COLUMN, nullable: true })
  stationId!: string | null;

  @ManyToOne(() => StationEntity, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'station_id', foreignKeyConstraintName: 'fk_reward_station' })
  station?: StationEntity | null;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'points_cost', type: 'int' })
  pointsCost!: number;

  /** Units left to redeem; null = unlimited. */
  @Column({ type: 'int', nullable: true })
  stock!: number | null;

  @Column({ name: 'per_user_limit', type: 'int', nullable: true })
  perUserLimit!: number | null;

  @Column({ name: 'limit_period', type: 'varchar', length: 8, nullable: true })
  limitPeriod!: LimitPeriod | null;

  @Column({ name: 'valid_from', type: 'datetime', nullable: true })
  validFrom!: Date | null;

  @Column({ name: 'valid_to', type: 'datetime', nullable: true })
  validTo!: Date | null;

  @Column({ name: 'code_valid_hours', type: 'int' })
  codeValidHours!: number;

  @Column({ type: 'varchar', length: 8 })
  status!: RewardStatus;

  @Column({ name: 'created_by', ...UUID_COLUMN, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
