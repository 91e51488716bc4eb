import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * One row per worker who ever checked in. A check-in first bumps its worker's row, which takes
 * the row's write lock on InnoDB (and the database's on SQLite), so one worker's check-ins run
 * one at a time: the cooldown, the impossible-travel check and the insert cannot interleave.
 */
@Entity({ name: 'checkin_gate' })
export class CheckinGateEntity {
  @PrimaryColumn({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @Column({ type: 'int', default: 0 })
  turns!: number;
}
