import { RegionLevel } from '@yizhan/contracts';
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

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * A node of the region tree (city → district → street → community). `path` is the
 * materialised chain of ids from the root, `/rootId/…/ownId/`, so a subtree is one indexed
 * prefix match: `path LIKE '<path of the ancestor>%'`.
 */
@Entity({ name: 'region' })
@Index('uq_region_code', ['code'], { unique: true })
@Index('idx_region_parent', ['parentId'])
@Index('idx_region_path', ['path'])
export class RegionEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  /** GB/T 2260 code for cities and districts, a local code below them. */
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  @Column({ name: 'parent_id', ...UUID_COLUMN, nullable: true })
  parentId!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_region_parent' })
  parent?: RegionEntity | null;

  @Column({ type: 'varchar', length: 400 })
  path!: string;

  /** IANA zone used to read station opening hours in this region. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: DEFAULT_TIME_ZONE })
  timeZone!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
