import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UUID_COLUMN } from '../../../database/column-types';

/**
 * Messages a user still allows for one subscribe-message template. WeChat's one-time
 * subscriptions allow one message per accepted prompt; the count goes up when the client
 * reports an acceptance and down (conditionally, never below zero) when a message is queued.
 */
@Entity({ name: 'wechat_subscription' })
export class WechatSubscriptionEntity {
  @PrimaryColumn({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'int', default: 0 })
  remaining!: number;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
