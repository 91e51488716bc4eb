import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * How many times a worker redeemed one reward in one limit period (`d:2026-11-24`,
 * `w:2026-W48`, `m:2026-11`, `total`). The id follows from (user, reward, period) so the row is
 * created without a lookup; a redemption raises `claims` with a conditional UPDATE below the
 * reward's limit, a refund lowers it.
 */
@Entity({ name: 'reward_claim_counter' })
export class ClaimCounterEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @Column({ name: 'reward_id', ...UUID_COLUMN })
  rewardId!: string;

  @Column({ name: 'period_key', type: 'varchar', length: 16 })
  periodKey!: string;

  @Column({ type: 'int', default: 0 })
  claims!: number;
}
