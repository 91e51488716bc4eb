import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/** A public body that fixes what reports find (城管, 交通, 消防 …), serving a region's subtree. */
@Entity({ name: 'department' })
@Index('uq_department_region_name', ['regionId', 'name'], { unique: true })
export class DepartmentEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
