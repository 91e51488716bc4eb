import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../../database/column-types';

export const WechatMessageStatus = {
  /** Waiting for its first try or for its next retry (`next_attempt_at`). */
  Pending: 'pending',
  Sent: 'sent',
  /** Given up: retries used up, or WeChat refused the message itself (bad data, bad openid). */
  Failed: 'failed',
  /** The user turned the subscription off in WeChat (43101); never retried. */
  Dropped: 'dropped',
} as const;
export type WechatMessageStatus = (typeof WechatMessageStatus)[keyof typeof WechatMessageStatus];

/** The `data` of a subscribe message: template key → value. */
export type TemplateData = Record<string, { value: string }>;

/**
 * One WeChat subscribe message to send (an outbox row). Written in the transaction of the
 * change it tells about, sent afterwards by WechatMessageDispatcher, so a request never waits
 * on WeChat and a rolled-back change sends nothing.
 */
@Entity({ name: 'wechat_message' })
@Index('idx_wechat_message_due', ['status', 'nextAttemptAt'])
@Index('idx_wechat_message_user', ['userId', 'createdAt'])
export class WechatMessageEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  /** The in-app notice this message repeats, when there is one. */
  @Column({ name: 'notification_id', ...UUID_COLUMN, nullable: true })
  notificationId!: string | null;

  /** Recipient at the time of the change (the openid of the app the template belongs to). */
  @Column({ name: 'open_id', type: 'varchar', length: 64 })
  openId!: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  /** Mini-program page the message opens, with its query. */
  @Column({ type: 'varchar', length: 255 })
  page!: string;

  @Column({ type: 'simple-json' })
  data!: TemplateData;

  @Column({ type: 'varchar', length: 16 })
  status!: WechatMessageStatus;

  /** Tries started so far (a try is counted when it is claimed, before the call). */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** When a pending message is due; a claimed one is pushed ahead by the claim's lease. */
  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 255, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;
}
