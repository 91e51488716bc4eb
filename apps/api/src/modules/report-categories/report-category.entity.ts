import { CategoryIcon } from '@yizhan/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * A kind of report a region takes (道路破损, 消防隐患 …): how soon it is due and which
 * department usually fixes it. A region's own category overrides an ancestor's of the same code.
 */
@Entity({ name: 'report_category' })
@Index('uq_report_category_region_code', ['regionId', 'code'], { unique: true })
export class ReportCategoryEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  icon!: CategoryIcon;

  @Column({ name: 'sla_hours', type: 'int' })
  slaHours!: number;

  @Column({ name: 'default_department_id', ...UUID_COLUMN, nullable: true })
  defaultDepartmentId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
