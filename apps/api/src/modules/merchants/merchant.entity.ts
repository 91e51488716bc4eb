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
import { decimalToNumber, UUID_COLUMN } from '../../database/column-types';
import { RegionEntity } from '../regions/region.entity';

/** A partner business where workers redeem rewards. Coordinates are GCJ-02. */
@Entity({ name: 'merchant' })
@Index('idx_merchant_region', ['regionId'])
@Index('idx_merchant_name_id', ['name', 'id'])
export class MerchantEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_merchant_region' })
  region?: RegionEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  lat!: number;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  lng!: number;

  /** The business's own number (not personal data). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
