import { ConsentKind } from '@yizhan/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';
import { UserEntity } from './user.entity';

/**
 * A recorded consent (PIPL art. 14): which processing, which version of the text, when.
 * Withdrawing stamps `withdrawnAt`; granting again adds a new row, so the history stays.
 */
@Entity({ name: 'consent' })
@Index('idx_consent_user_kind', ['userId', 'kind'])
export class ConsentEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_consent_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: ConsentKind;

  @Column({ type: 'varchar', length: 32 })
  version!: string;

  @Column({ name: 'granted_at', type: 'datetime' })
  grantedAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'datetime', nullable: true })
  withdrawnAt!: Date | null;
}
