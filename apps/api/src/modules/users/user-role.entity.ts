import { Role } from '@yizhan/contracts';
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
import { MerchantEntity } from '../merchants/merchant.entity';
import { RegionEntity } from '../regions/region.entity';
import { StationEntity } from '../stations/station.entity';
import { UserEntity } from './user.entity';

/**
 * One role a user holds and its scope. `regionId` is always the region the grant lies in (for
 * a station manager, the station's; for merchant staff, the merchant's) so "accounts in my
 * district" is one indexed filter; the narrower scope is `stationId` or `merchantId`.
 * Workers hold no row: being signed in makes one a worker.
 */
@Entity({ name: 'user_role' })
@Index('idx_user_role_user', ['userId'])
@Index('idx_user_role_region', ['regionId'])
@Index('idx_user_role_station', ['stationId'])
@Index('idx_user_role_merchant', ['merchantId'])
export class UserRoleEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_role_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 24 })
  role!: Role;

  @Column({ name: 'region_id', ...UUID_COLUMN, nullable: true })
  regionId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_user_role_region' })
  region?: RegionEntity | null;

  @Column({ name: 'station_id', ...UUID_COLUMN, nullable: true })
  stationId!: string | null;

  @ManyToOne(() => StationEntity, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'station_id', foreignKeyConstraintName: 'fk_user_role_station' })
  station?: StationEntity | null;

  @Column({ name: 'merchant_id', ...UUID_COLUMN, nullable: true })
  merchantId!: string | null;

  @ManyToOne(() => MerchantEntity, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'merchant_id', foreignKeyConstraintName: 'fk_user_role_merchant' })
  merchant?: MerchantEntity | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
