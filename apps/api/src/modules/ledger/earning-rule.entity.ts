import { EarningKind, ExpiryPolicy } from '@yizhan/contracts';
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
import { RegionEntity } from '../regions/region.entity';

/**
 * What one kind of civic work earns in a region's subtree: `points` per unit, at most
 * `dailyCap` / `weeklyCap` points per worker per local day / ISO week, expiring by
 * `expiryPolicy`. A region without its own rule of a kind inherits its nearest ancestor's.
 */
@Entity({ name: 'points_rule' })
@Index('uq_points_rule_region_kind', ['regionId', 'kind'], { unique: true })
export class EarningRuleEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_points_rule_region' })
  region?: RegionEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: EarningKind;

  @Column({ type: 'int' })
  points!: number;

  @Column({ name: 'daily_cap', type: 'int', nullable: true })
  dailyCap!: number | null;

  @Column({ name: 'weekly_cap', type: 'int', nullable: true })
  weeklyCap!: number | null;

  @Column({ name: 'expiry_policy', type: 'varchar', length: 24 })
  expiryPolicy!: ExpiryPolicy;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
