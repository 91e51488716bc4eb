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
import { UserEntity } from '../users/user.entity';

/**
 * One refresh token of a login "family" (one sign-in on one device). Only its SHA-256 is
 * stored. Using it marks it used and issues the next of the family; presenting a used or
 * revoked one again means it leaked, so the whole family is revoked.
 */
@Entity({ name: 'refresh_token' })
@Index('uq_refresh_token_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_token_family', ['familyId'])
@Index('idx_refresh_token_user', ['userId'])
export class RefreshTokenEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_refresh_token_user' })
  user?: UserEntity;

  @Column({ name: 'family_id', ...UUID_COLUMN })
  familyId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'datetime', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
