import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * One SMS login code sent to a phone. Neither the phone nor the code is stored: the phone by
 * its keyed hash, the code by an HMAC bound to this challenge, so a leaked table cannot be
 * brute-forced offline without the server key.
 */
@Entity({ name: 'sms_challenge' })
@Index('idx_sms_challenge_phone_created', ['phoneIndex', 'createdAt'])
export class SmsChallengeEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'phone_index', type: 'varchar', length: 64 })
  phoneIndex!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'consumed_at', type: 'datetime', nullable: true })
  consumedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
