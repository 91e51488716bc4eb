import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';
import { UserEntity } from '../users/user.entity';

/**
 * The WeChat account behind a worker. `session_key` is WeChat's secret for this user's
 * encrypted data: it is kept encrypted here and never leaves the server.
 */
@Entity({ name: 'wechat_identity' })
@Index('uq_wechat_identity_openid', ['appId', 'openId'], { unique: true })
@Index('uq_wechat_identity_user', ['userId'], { unique: true })
export class WechatIdentityEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_wechat_identity_user' })
  user?: UserEntity;

  @Column({ name: 'app_id', type: 'varchar', length: 64 })
  appId!: string;

  @Column({ name: 'open_id', type: 'varchar', length: 64 })
  openId!: string;

  @Column({ name: 'union_id', type: 'varchar', length: 64, nullable: true })
  unionId!: string | null;

  @Column({ name: 'session_key_cipher', type: 'varchar', length: 255 })
  sessionKeyCipher!: string;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
