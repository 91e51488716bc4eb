import { Occupation } from '@yizhan/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/**
 * Anyone who signs in: a worker (WeChat or phone), or a staff/merchant account (username).
 * The phone number is stored only encrypted (`phoneCipher`), and found by its keyed hash
 * (`phoneIndex`), so a database dump alone does not reveal it (PIPL). An erased user keeps
 * the row (ledger entries point at it) with every personal field emptied.
 */
@Entity({ name: 'app_user' })
@Index('uq_app_user_phone_index', ['phoneIndex'], { unique: true })
@Index('uq_app_user_username', ['username'], { unique: true })
export class UserEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  nickname!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  occupation!: Occupation | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  platform!: string | null;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 255, nullable: true })
  phoneCipher!: string | null;

  @Column({ name: 'phone_index', type: 'varchar', length: 64, nullable: true })
  phoneIndex!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** Consecutive failed password logins; reset by a success. */
  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'erased_at', type: 'datetime', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
