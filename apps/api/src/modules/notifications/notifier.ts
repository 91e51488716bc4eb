import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotificationKind, ReportStatusNotice } from '@yizhan/contracts';
import { TxManager } from '../../database/transactions';
import { NotificationEntity } from './notification.entity';

/**
 * The entry point for features that tell a user something changed. It writes inside the
 * caller's transaction, so a status change and its notice commit (or vanish) together.
 */
@Injectable()
export class Notifier {
  async reportStatusChanged(
    manager: TxManager,
    userId: string,
    notice: ReportStatusNotice,
    now: Date,
  ): Promise<void> {
    await manager.insert(NotificationEntity, {
      id: randomUUID(),
      userId,
      kind: NotificationKind.ReportStatus,
      payload: notice,
      createdAt: now,
      readAt: null,
    });
  }
}
