import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TimePosition } from '../../common/pagination/cursor';
import { newestFirst } from '../../common/pagination/newest-first';
import { TxManager } from '../../database/transactions';
import { NotificationEntity } from './notification.entity';

/** Queries of one user's in-app notices; every one is scoped by the owner's id. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The user's notices (or only the unread ones), newest first, after the cursor position. */
  pageOwn(
    userId: string,
    unreadOnly: boolean,
    after: TimePosition | null,
    limit: number,
  ): Promise<NotificationEntity[]> {
    const query = this.m()
      .createQueryBuilder(NotificationEntity, 'notification')
      .where('notification.userId = :userId', { userId });
    if (unreadOnly) query.andWhere('notification.readAt IS NULL');
    return newestFirst(query, 'notification', after, limit).getMany();
  }

  countUnread(userId: string): Promise<number> {
    return this.m().countBy(NotificationEntity, { userId, readAt: IsNull() });
  }

  findOwn(userId: string, id: string): Promise<NotificationEntity | null> {
    return this.m().findOneBy(NotificationEntity, { id, userId });
  }

  /** Marks one notice read; one already read keeps the time it was first read. */
  async markRead(userId: string, id: string, now: Date): Promise<void> {
    await this.m()
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId })
      .execute();
  }

  /** Marks every unread notice of the user read; returns how many. */
  async markAllRead(userId: string, now: Date): Promise<number> {
    const result = await this.m()
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return result.affected ?? 0;
  }

  /** The user's notices, newest first, up to `max` (the data export). */
  allOfUser(userId: string, max: number): Promise<NotificationEntity[]> {
    return this.m().find(NotificationEntity, {
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: max,
    });
  }

  async deleteOfUser(userId: string, manager: TxManager): Promise<void> {
    await manager.delete(NotificationEntity, { userId });
  }
}
