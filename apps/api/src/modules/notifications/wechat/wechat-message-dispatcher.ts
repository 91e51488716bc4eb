import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { Clock } from '../../../common/clock';
import { AppConfig } from '../../../config/app-config';
import { TxManager } from '../../../database/transactions';
import { WechatAccessTokens } from './wechat-access-tokens';
import { SubscribeMessage, WechatAnswer, WechatApi } from './wechat-api';
import { WechatMessageEntity, WechatMessageStatus } from './wechat-message.entity';
import { MessageUpdate, WechatMessagesRepository } from './wechat-messages.repository';

/** Tries per message, the first included, before it is given up as failed. */
export const MAX_SEND_ATTEMPTS = 5;
/** Messages read per query of a sweep. */
const BATCH = 50;
/** A claimed message is due again after this long if its try never finished (a crash). */
const CLAIM_LEASE_MS = 2 * 60_000;
/** The access token was refused: expired (42001), invalid (40001, 40014). */
const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
/** The user refused or used up the subscription. */
const USER_REFUSED = 43101;
/** WeChat is busy (-1) or limiting the app's call rate (45009, 45011): try later. */
const BUSY_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45011]);

/** The wait before try n + 1 after n tries failed: 30 s, 2 min, 8 min, 32 min. */
export function retryDelayMs(failedTries: number): number {
  return 30_000 * 4 ** (failedTries - 1);
}

/** Stored times are whole seconds (MySQL DATETIME), so a due time never rounds up past now. */
export function wholeSecond(instant: Date | number): Date {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(Math.floor(ms / 1000) * 1000);
}

type Delivery =
  | { kind: 'sent' }
  | { kind: 'dropped'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'retry'; reason: string };

export interface SweepResult {
  sent: number;
  dropped: number;
  failed: number;
  retried: number;
}

/**
 * Sends queued subscribe messages: every 30 seconds, and right after a transaction that queued
 * one commits. A message is claimed before its try (so two processes never send it both), sent
 * with the cached access token (refreshed once when WeChat refuses it), and then marked sent,
 * dropped when the user refused it (43101; their credits are reset, WeChat holds none), failed
 * when WeChat refuses the message itself, or retried with backoff when WeChat could not be
 * reached or was busy — failed after MAX_SEND_ATTEMPTS tries.
 */
@Injectable()
export class WechatMessageDispatcher implements EntitySubscriberInterface {
  /** Send right after a queuing commit. Off under tests, which call `sendDue` themselves. */
  sendAfterCommit: boolean;
  private readonly queuingTransactions = new WeakSet<QueryRunner>();
  private sweeping: Promise<void> | null = null;
  private sweepAgain = false;

  constructor(
    private readonly config: AppConfig,
    private readonly messages: WechatMessagesRepository,
    private readonly tokens: WechatAccessTokens,
    private readonly api: WechatApi,
    private readonly clock: Clock,
    @InjectPinoLogger(WechatMessageDispatcher.name) private readonly logger: PinoLogger,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.sendAfterCommit = config.nodeEnv !== 'test';
    dataSource.subscribers.push(this);
  }

  /** The notifier queued a message in `manager`'s transaction: send it once that commits. */
  queuedIn(manager: TxManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.queuingTransactions.add(runner);
    else this.kick();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not a commit: the outer transaction may still roll back.
    if (event.queryRunner.isTransactionActive) return;
    if (this.queuingTransactions.delete(event.queryRunner)) this.kick();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.queuingTransactions.delete(event.queryRunner);
  }

  @Cron(CronExpression.EVERY_30_SECONDS, { name: 'wechat-messages', waitForCompletion: true })
  async scheduled(): Promise<void> {
    await this.sweepInBackground();
  }

  /** Starts a sweep unless one runs; then that one sweeps once more when it ends. */
  kick(): void {
    if (this.sendAfterCommit) void this.sweepInBackground();
  }

  private sweepInBackground(): Promise<void> {
    if (this.sweeping) {
      this.sweepAgain = true;
      return this.sweeping;
    }
    this.sweeping = (async () => {
      do {
        this.sweepAgain = false;
        try {
          const run = await this.sendDue();
          if (run.sent + run.dropped + run.failed + run.retried > 0) {
            this.logger.info(run, 'WeChat subscribe messages sent');
          }
        } catch (error) {
          this.logger.error({ err: error }, 'WeChat message sweep failed');
        }
      } while (this.sweepAgain);
    })().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  /** Tries every message due now, once each. */
  async sendDue(): Promise<SweepResult> {
    const run: SweepResult = { sent: 0, dropped: 0, failed: 0, retried: 0 };
    const tried = new Set<string>();
    for (;;) {
      const due = (await this.messages.due(this.clock.now(), BATCH + tried.size)).filter(
        (message) => !tried.has(message.id),
      );
      if (due.length === 0) return run;
      for (const message of due) {
        tried.add(message.id);
        const outcome = await this.tryOnce(message);
        if (outcome) run[outcome] += 1;
      }
    }
  }

  /** One try of one message; null when another process claimed it first. */
  private async tryOnce(message: WechatMessageEntity): Promise<keyof SweepResult | null> {
    if (message.attempts >= MAX_SEND_ATTEMPTS) {
      // Claimed for its last try by a process that died before recording the outcome.
      await this.messages.finish(message.id, message.attempts, {
        status: WechatMessageStatus.Failed,
        lastError: `gave up after ${message.attempts} tries (last try unfinished)`,
      });
      return 'failed';
    }
    const now = this.clock.now();
    const leaseUntil = wholeSecond(now.getTime() + CLAIM_LEASE_MS);
    if (!(await this.messages.claim(message, now, leaseUntil))) return null;
    const attempt = message.attempts + 1;
    const delivery = await this.deliver(message);
    const at = this.clock.now();
    const update: MessageUpdate = { lastError: 'reason' in delivery ? cut(delivery.reason) : null };
    let outcome: keyof SweepResult;
    switch (delivery.kind) {
      case 'sent':
        Object.assign(update, { status: WechatMessageStatus.Sent, sentAt: wholeSecond(at) });
        outcome = 'sent';
        break;
      case 'dropped':
        update.status = WechatMessageStatus.Dropped;
        await this.messages.clearCredits(message.userId, message.templateId);
        outcome = 'dropped';
        break;
      case 'failed':
        update.status = WechatMessageStatus.Failed;
        outcome = 'failed';
        break;
      case 'retry':
        if (attempt >= MAX_SEND_ATTEMPTS) {
          update.status = WechatMessageStatus.Failed;
          update.lastError = cut(`gave up after ${attempt} tries: ${delivery.reason}`);
          outcome = 'failed';
        } else {
          update.nextAttemptAt = wholeSecond(at.getTime() + retryDelayMs(attempt));
          outcome = 'retried';
        }
        break;
    }
    await this.messages.finish(message.id, attempt, update);
    if (delivery.kind !== 'sent') {
      this.logger.warn(
        {
          messageId: message.id,
          userId: message.userId,
          attempt,
          outcome,
          reason: update.lastError,
        },
        'WeChat subscribe message not sent',
      );
    }
    return outcome;
  }

  private async deliver(message: WechatMessageEntity): Promise<Delivery> {
    const body: SubscribeMessage = {
      touser: message.openId,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: this.config.wechat.reportMessages?.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    };
    try {
      let token = await this.tokens.get();
      let answer = await this.api.sendSubscribeMessage(token, body);
      if (TOKEN_ERRCODES.has(answer.errcode)) {
        token = await this.tokens.refresh(token);
        answer = await this.api.sendSubscribeMessage(token, body);
      }
      return judge(answer);
    } catch (error) {
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

function judge(answer: WechatAnswer): Delivery {
  if (answer.errcode === 0) return { kind: 'sent' };
  const reason = `errcode ${answer.errcode}: ${answer.errmsg}`;
  if (answer.errcode === USER_REFUSED) return { kind: 'dropped', reason };
  if (TOKEN_ERRCODES.has(answer.errcode) || BUSY_ERRCODES.has(answer.errcode)) {
    return { kind: 'retry', reason };
  }
  // Bad data (47003), page (41030), openid (40003) or template (40037): the same again fails too.
  return { kind: 'failed', reason };
}

function cut(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}
