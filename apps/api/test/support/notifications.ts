import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReportStatusNotice } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { WechatIdentityEntity } from '../../src/modules/auth/wechat-identity.entity';
import { Notifier } from '../../src/modules/notifications/notifier';
import { WechatSubscriptionEntity } from '../../src/modules/notifications/wechat/wechat-subscription.entity';
import { createUser, sessionFor, TestUser } from './accounts';

/** A report-status notice as the reports feature writes it; fields overridable. */
export function reportNotice(changes: Partial<ReportStatusNotice> = {}): ReportStatusNotice {
  return {
    reportId: randomUUID(),
    category: 'road_damage',
    categoryName: '道路破损',
    action: 'accept',
    status: 'accepted',
    note: null,
    points: null,
    ...changes,
  };
}

/**
 * Writes a status notice for `userId` through the real Notifier, in its own committed
 * transaction, as a report transition would.
 */
export async function notify(
  app: NestFastifyApplication,
  userId: string,
  notice: ReportStatusNotice = reportNotice(),
  now = new Date(),
): Promise<void> {
  const notifier = app.get(Notifier);
  await app
    .get(DataSource)
    .transaction((manager) => notifier.reportStatusChanged(manager, userId, notice, now));
}

export interface WechatWorker extends TestUser {
  openId: string;
  accessToken: string;
}

/** A worker who signed in with WeChat (an identity of `appId`), with a session. */
export async function createWechatWorker(
  app: NestFastifyApplication,
  appId: string,
): Promise<WechatWorker> {
  const user = await createUser(app);
  const openId = `openid-${randomUUID()}`;
  await app.get(DataSource).getRepository(WechatIdentityEntity).insert({
    id: randomUUID(),
    userId: user.id,
    appId,
    openId,
    unionId: null,
    sessionKeyCipher: 'not-used-by-these-tests',
  });
  const { accessToken } = await sessionFor(app, user);
  return { ...user, openId, accessToken };
}

/** The WeChat messages the user still allows for a template, straight from the table. */
export async function creditsOf(
  dataSource: DataSource,
  userId: string,
  templateId: string,
): Promise<number> {
  const row = await dataSource
    .getRepository(WechatSubscriptionEntity)
    .findOneBy({ userId, templateId });
  return row?.remaining ?? 0;
}
