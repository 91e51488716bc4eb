import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { TxManager } from '../../../database/transactions';
import { WechatMessageEntity, WechatMessageStatus } from './wechat-message.entity';
import { WechatSubscriptionEntity } from './wechat-subscription.entity';

/** What a finished try writes on its message. */
export type MessageUpdate = Partial<
  Pick<WechatMessageEntity, 'status' | 'nextAttemptAt' | 'lastError' | 'sentAt'>
>;

/** The outbox of subscribe messages and the per-template credits that allow them. */
@Injectable()
export class WechatMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  // ---- credits ---------------------------------------------------------------------------

  /** One more allowed message, up to `cap`; the row is created on the first acceptance. */
  async addCredit(userId: string, templateId: string, cap: number): Promise<void> {
    await this.m()
      .createQueryBuilder()
      .insert()
      .into(WechatSubscriptionEntity)
      .values({ userId, templateId, remaining: 0 })
      .orIgnore()
      .execute();
    await this.m()
      .createQueryBuilder()
      .update(WechatSubscriptionEntity)
      .set({ remaining: () => 'remaining + 1' })
      .where('user_id = :userId AND template_id = :templateId AND remaining < :cap', {
        userId,
        templateId,
        cap,
      })
      .execute();
  }

  /**
   * Uses one credit if there is one: a conditional UPDATE, so two changes committing at once
   * never spend the same credit (the row stays locked until the caller's transaction ends).
   */
  async useCredit(manager: TxManager, userId: string, templateId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WechatSubscriptionEntity)
      .set({ remaining: () => 'remaining - 1' })
      .where('user_id = :userId AND template_id = :templateId AND remaining > 0', {
        userId,
        templateId,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** WeChat says the user allows no more messages (43101): our count was too hopeful. */
  async clearCredits(userId: string, templateId: string): Promise<void> {
    await this.m()
      .createQueryBuilder()
      .update(WechatSubscriptionEntity)
      .set({ remaining: 0 })
      .where('user_id = :userId AND template_id = :templateId', { userId, templateId })
      .execute();
  }

  async remainingCredits(userId: string, templateId: string): Promise<number> {
    const row = await this.m().findOneBy(WechatSubscriptionEntity, { userId, templateId });
    return row?.remaining ?? 0;
  }

  creditsOfUser(userId: string): Promise<WechatSubscriptionEntity[]> {
    return this.m().find(WechatSubscriptionEntity, {
      where: { userId },
      order: { templateId: 'ASC' },
    });
  }

  // ---- outbox ----------------------------------------------------------------------------

  async insert(manager: TxManager, message: WechatMessageEntity): Promise<void> {
    await manager.insert(WechatMessageEntity, message);
  }

  /** Pending messages due at `now`, the longest-waiting first. */
  due(now: Date, limit: number): Promise<WechatMessageEntity[]> {
    return this.m().find(WechatMessageEntity, {
      where: { status: WechatMessageStatus.Pending, nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Takes a due message for one try: counts the try and moves it out of the due set until
   * `leaseUntil`, so another process's sweep skips it, and a crash mid-try only delays it.
   * False when someone else took it first.
   */
  async claim(message: WechatMessageEntity, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.m()
      .createQueryBuilder()
      .update(WechatMessageEntity)
      .set({ attempts: () => 'attempts + 1', nextAttemptAt: leaseUntil })
      .where(
        'id = :id AND status = :pending AND attempts = :attempts AND next_attempt_at <= :now',
        {
          id: message.id,
          pending: WechatMessageStatus.Pending,
          attempts: message.attempts,
          now,
        },
      )
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Records a try's outcome, unless a later try has claimed the message since. */
  async finish(id: string, attempt: number, update: MessageUpdate): Promise<void> {
    await this.m()
      .createQueryBuilder()
      .update(WechatMessageEntity)
      .set(update)
      .where('id = :id AND status = :pending AND attempts = :attempt', {
        id,
        pending: WechatMessageStatus.Pending,
        attempt,
      })
      .execute();
  }

  findById(id: string): Promise<WechatMessageEntity | null> {
    return this.m().findOneBy(WechatMessageEntity, { id });
  }

  /** The user's messages, newest first, up to `max` (the data export). */
  ofUser(userId: string, max: number): Promise<WechatMessageEntity[]> {
    return this.m().find(WechatMessageEntity, {
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: max,
    });
  }

  /** Erasure: the user's queued and past messages and their credits. */
  async deleteOfUser(userId: string, manager: TxManager): Promise<void> {
    await manager.delete(WechatMessageEntity, { userId });
    await manager.delete(WechatSubscriptionEntity, { userId });
  }
}
