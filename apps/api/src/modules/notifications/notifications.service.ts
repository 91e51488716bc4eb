import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_LIMIT,
  ListNotificationsQueryDto,
  NotificationPage,
  NotificationSettingsView,
  NotificationsReadAllResult,
  NotificationView,
  RecordSubscriptionsDto,
} from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { isUuid } from '../../common/uuid';
import { AppConfig } from '../../config/app-config';
import { TxManager } from '../../database/transactions';
import { Actor } from '../access/actor';
import { toNotificationView } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { TemplateData, WechatMessageStatus } from './wechat/wechat-message.entity';
import { WechatMessagesRepository } from './wechat/wechat-messages.repository';

/**
 * Most WeChat messages a worker can have in hand for one template. Each accepted prompt allows
 * one; a report's life (accepted, dispatched, resolved, closed) needs about four, so this
 * covers several open reports, while a client that reports acceptances in a loop cannot make
 * the count (and the messages the worker expects) grow without bound.
 */
export const MAX_WECHAT_MESSAGE_CREDITS = 20;
/** Far more than anyone receives in years; bounds a pathological export. */
const MAX_EXPORTED = 10_000;

export interface WechatMessageExport {
  id: string;
  templateId: string;
  openId: string;
  page: string;
  data: TemplateData;
  status: WechatMessageStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NotificationsExport {
  notifications: NotificationView[];
  wechatMessages: WechatMessageExport[];
  wechatSubscriptions: Array<{ templateId: string; remaining: number }>;
}

/** The caller's own notices, and the WeChat subscriptions that let them reach WeChat too. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly wechatMessages: WechatMessagesRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListNotificationsQueryDto): Promise<NotificationPage> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const [rows, unread] = await Promise.all([
      this.notifications.pageOwn(actor.userId, query.unread === true, after, limit + 1),
      this.notifications.countUnread(actor.userId),
    ]);
    const page = toPage(rows, limit, toNotificationView, (row) => [
      row.createdAt.toISOString(),
      row.id,
    ]);
    return { ...page, unread };
  }

  /** Idempotent: a notice already read keeps its first read time. Another user's → 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    if (!isUuid(id)) throw new NotFoundError();
    const ownId = id.toLowerCase();
    await this.notifications.markRead(actor.userId, ownId, this.clock.now());
    const notification = await this.notifications.findOwn(actor.userId, ownId);
    if (!notification) throw new NotFoundError();
    return toNotificationView(notification);
  }

  async markAllRead(actor: Actor): Promise<NotificationsReadAllResult> {
    return { updated: await this.notifications.markAllRead(actor.userId, this.clock.now()) };
  }

  async settings(actor: Actor): Promise<NotificationSettingsView> {
    const templateId = this.config.wechat.reportMessages?.templateId ?? null;
    return {
      reportStatusTemplateId: templateId,
      remainingWechatMessages: templateId
        ? await this.wechatMessages.remainingCredits(actor.userId, templateId)
        : 0,
    };
  }

  /**
   * Counts the prompts the worker accepted. Only the configured template counts; other ids
   * (a template since replaced, one the client asked for another purpose) are ignored rather
   * than refused, so an outdated client never fails the worker's submit flow over them.
   */
  async recordSubscriptions(
    actor: Actor,
    body: RecordSubscriptionsDto,
  ): Promise<NotificationSettingsView> {
    const templateId = this.config.wechat.reportMessages?.templateId ?? null;
    if (templateId && body.templateIds.includes(templateId)) {
      await this.wechatMessages.addCredit(actor.userId, templateId, MAX_WECHAT_MESSAGE_CREDITS);
    }
    return this.settings(actor);
  }

  /** Everything this feature holds about the user, for their data export. */
  async exportOwn(userId: string): Promise<NotificationsExport> {
    const [notifications, messages, credits] = await Promise.all([
      this.notifications.allOfUser(userId, MAX_EXPORTED),
      this.wechatMessages.ofUser(userId, MAX_EXPORTED),
      this.wechatMessages.creditsOfUser(userId),
    ]);
    return {
      notifications: notifications.map(toNotificationView),
      wechatMessages: messages.map((message) => ({
        id: message.id,
        templateId: message.templateId,
        openId: message.openId,
        page: message.page,
        data: message.data,
        status: message.status,
        attempts: message.attempts,
        lastError: message.lastError,
        createdAt: message.createdAt.toISOString(),
        sentAt: message.sentAt?.toISOString() ?? null,
      })),
      wechatSubscriptions: credits.map((credit) => ({
        templateId: credit.templateId,
        remaining: credit.remaining,
      })),
    };
  }

  /** Erasure: notices, queued and past WeChat messages, and subscription credits go. */
  async eraseOwn(userId: string, manager: TxManager): Promise<void> {
    await this.notifications.deleteOfUser(userId, manager);
    await this.wechatMessages.deleteOfUser(userId, manager);
  }
}
