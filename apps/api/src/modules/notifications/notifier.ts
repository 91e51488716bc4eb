import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotificationKind, ReportStatusNotice } from '@yizhan/contracts';
import { AppConfig } from '../../config/app-config';
import { TxManager } from '../../database/transactions';
import { WechatIdentitiesRepository } from '../auth/wechat/wechat-identities.repository';
import { NotificationEntity } from './notification.entity';
import { buildReportMessageData, reportMessagePage } from './wechat/report-message-data';
import { WechatMessageDispatcher, wholeSecond } from './wechat/wechat-message-dispatcher';
import { WechatMessageStatus } from './wechat/wechat-message.entity';
import { WechatMessagesRepository } from './wechat/wechat-messages.repository';

/**
 * The entry point for features that tell a user something changed. It writes inside the
 * caller's transaction, so a status change and its notice commit (or vanish) together.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly config: AppConfig,
    private readonly wechatIdentities: WechatIdentitiesRepository,
    private readonly wechatMessages: WechatMessagesRepository,
    private readonly dispatcher: WechatMessageDispatcher,
  ) {}

  async reportStatusChanged(
    manager: TxManager,
    userId: string,
    notice: ReportStatusNotice,
    now: Date,
  ): Promise<void> {
    const notificationId = randomUUID();
    await manager.insert(NotificationEntity, {
      id: notificationId,
      userId,
      kind: NotificationKind.ReportStatus,
      payload: notice,
      createdAt: now,
      readAt: null,
    });
    await this.queueWechatMessage(manager, userId, notificationId, notice, now);
  }

  /**
   * The same notice as a WeChat subscribe message, when the template is configured, the user
   * signed in with this app's WeChat and still allows a message (one credit is used here, in
   * the caller's transaction). The message is only queued: it is sent after the commit.
   */
  private async queueWechatMessage(
    manager: TxManager,
    userId: string,
    notificationId: string,
    notice: ReportStatusNotice,
    now: Date,
  ): Promise<void> {
    const template = this.config.wechat.reportMessages;
    if (!template) return;
    const identity = await this.wechatIdentities.findByUser(userId, manager);
    if (!identity || identity.appId !== this.config.wechat.appId) return;
    if (!(await this.wechatMessages.useCredit(manager, userId, template.templateId))) return;
    await this.wechatMessages.insert(manager, {
      id: randomUUID(),
      userId,
      notificationId,
      openId: identity.openId,
      templateId: template.templateId,
      page: reportMessagePage(notice.reportId),
      data: buildReportMessageData(notice, now, template.fields),
      status: WechatMessageStatus.Pending,
      attempts: 0,
      nextAttemptAt: wholeSecond(now),
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
    this.dispatcher.queuedIn(manager);
  }
}
