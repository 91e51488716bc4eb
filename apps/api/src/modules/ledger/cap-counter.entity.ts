import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * Points one worker earned under one rule in one period (`d:2026-11-24`, `w:2026-W48`, local
 * to the rule's region). Awards raise it with a conditional UPDATE in their own transaction, so
 * parallel awards can never together pass the cap.
 */
@Entity({ name: 'points_cap_counter' })
@Index('uq_points_cap_counter', ['userId', 'ruleId', 'periodKey'], { unique: true })
export class CapCounterEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @Column({ name: 'rule_id', ...UUID_COLUMN })
  ruleId!: string;

  @Column({ name: 'period_key', type: 'varchar', length: 16 })
  periodKey!: string;

  @Column({ type: 'int', default: 0 })
  points!: number;
}
