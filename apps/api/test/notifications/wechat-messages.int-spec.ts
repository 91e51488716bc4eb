import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { NotificationEntity } from '../../src/modules/notifications/notification.entity';
import { Notifier } from '../../src/modules/notifications/notifier';
import { buildReportMessageData } from '../../src/modules/notifications/wechat/report-message-data';
import {
  MAX_SEND_ATTEMPTS,
  WechatMessageDispatcher,
} from '../../src/modules/notifications/wechat/wechat-message-dispatcher';
import { WechatMessageEntity } from '../../src/modules/notifications/wechat/wechat-message.entity';
import { WechatSubscriptionEntity } from '../../src/modules/notifications/wechat/wechat-subscription.entity';
import { createUser } from '../support/accounts';
import { closedPortUrl, fakeWechat, useFakeServer } from '../support/fake-servers';
import {
  createWechatWorker,
  creditsOf,
  notify,
  reportNotice,
  WechatWorker,
} from '../support/notifications';
import { useTestApp } from '../support/test-app';

const APP_ID = 'wx-messages-test';
const SECRET = 'messages-test-secret';
const TEMPLATE_ID = 'report-status-template-2';
const DEFAULT_FIELDS = [
  { key: 'thing1', source: 'category' },
  { key: 'phrase2', source: 'status' },
  { key: 'time3', source: 'time' },
  { key: 'thing4', source: 'note' },
] as const;

describe('WeChat subscribe messages (integration, fake WeChat)', () => {
  const wechat = useFakeServer(fakeWechat());
  const ctx = useTestApp({
    env: () => ({
      WECHAT_APPID: APP_ID,
      WECHAT_SECRET: SECRET,
      WECHAT_API_BASE: wechat.url,
      WECHAT_REPORT_TEMPLATE_ID: TEMPLATE_ID,
    }),
  });
  beforeAll(() => {
    wechat.credentials = { appId: APP_ID, secret: SECRET };
  });
  afterEach(() => ctx.restoreNow());

  const messages = () => ctx.dataSource.getRepository(WechatMessageEntity);
  const notificationsOf = (userId: string) =>
    ctx.dataSource.getRepository(NotificationEntity).findBy({ userId });
  const dispatcher = (app: NestFastifyApplication = ctx.app) => app.get(WechatMessageDispatcher);

  /** A WeChat worker who accepted `credits` subscribe prompts. */
  async function subscribedWorker(credits: number): Promise<WechatWorker> {
    const worker = await createWechatWorker(ctx.app, APP_ID);
    if (credits > 0) {
      await ctx.dataSource
        .getRepository(WechatSubscriptionEntity)
        .insert({ userId: worker.id, templateId: TEMPLATE_ID, remaining: credits });
    }
    return worker;
  }

  const messagesTo = (openId: string) =>
    wechat.subscribeMessages().filter((message) => message.body.touser === openId);

  describe('Notifier in the caller transaction', () => {
    it('writes the notice and, with a credit, queues a WeChat message and uses the credit', async () => {
      const worker = await subscribedWorker(2);
      const notice = reportNotice({ note: '已安排人员处理' });
      const now = new Date('2026-11-30T02:00:00.250Z');

      await ctx.dataSource.transaction((manager) =>
        ctx.app.get(Notifier).reportStatusChanged(manager, worker.id, notice, now),
      );

      const [notification] = await notificationsOf(worker.id);
      expect(notification).toMatchObject({
        kind: 'report_status',
        payload: notice,
        readAt: null,
      });
      const queued = await messages().findBy({ userId: worker.id });
      expect(queued).toEqual([
        expect.objectContaining({
          notificationId: notification.id,
          openId: worker.openId,
          templateId: TEMPLATE_ID,
          page: `packages/reports/pages/detail/index?id=${notice.reportId}`,
          data: buildReportMessageData(notice, now, DEFAULT_FIELDS),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: new Date('2026-11-30T02:00:00Z'),
          sentAt: null,
        }),
      ]);
      expect(queued[0].data).toEqual({
        thing1: { value: '道路破损' },
        phrase2: { value: '已受理' },
        time3: { value: '2026年11月30日 10:00' },
        thing4: { value: '已安排人员处理' },
      });
      expect(await creditsOf(ctx.dataSource, worker.id, TEMPLATE_ID)).toBe(1);
      await dispatcher().sendDue();
    });

    it('leaves neither notice nor message nor a used credit when the transaction rolls back', async () => {
      const worker = await subscribedWorker(1);

      await expect(
        ctx.dataSource.transaction(async (manager) => {
          await ctx.app
            .get(Notifier)
            .reportStatusChanged(manager, worker.id, reportNotice(), new Date());
          throw new Error('the report transition failed after notifying');
        }),
      ).rejects.toThrow('the report transition failed');

      expect(await notificationsOf(worker.id)).toEqual([]);
      expect(await messages().countBy({ userId: worker.id })).toBe(0);
      expect(await creditsOf(ctx.dataSource, worker.id, TEMPLATE_ID)).toBe(1);
    });

    it('queues one message per credit and then only in-app notices', async () => {
      const worker = await subscribedWorker(2);

      for (let index = 0; index < 3; index += 1) await notify(ctx.app, worker.id);

      expect(await notificationsOf(worker.id)).toHaveLength(3);
      expect(await messages().countBy({ userId: worker.id })).toBe(2);
      expect(await creditsOf(ctx.dataSource, worker.id, TEMPLATE_ID)).toBe(0);
      await dispatcher().sendDue();
    });

    it('queues nothing for a worker without WeChat, or signed in to another app', async () => {
      const smsWorker = await createUser(ctx.app);
      await ctx.dataSource
        .getRepository(WechatSubscriptionEntity)
        .insert({ userId: smsWorker.id, templateId: TEMPLATE_ID, remaining: 3 });
      const otherApp = await createWechatWorker(ctx.app, 'wx-some-other-app');
      await ctx.dataSource
        .getRepository(WechatSubscriptionEntity)
        .insert({ userId: otherApp.id, templateId: TEMPLATE_ID, remaining: 3 });

      await notify(ctx.app, smsWorker.id);
      await notify(ctx.app, otherApp.id);

      expect(await notificationsOf(smsWorker.id)).toHaveLength(1);
      expect(await notificationsOf(otherApp.id)).toHaveLength(1);
      expect(await messages().countBy({ userId: smsWorker.id })).toBe(0);
      expect(await messages().countBy({ userId: otherApp.id })).toBe(0);
      expect(await creditsOf(ctx.dataSource, smsWorker.id, TEMPLATE_ID)).toBe(3);
    });

    it('queues nothing where no template is configured', async () => {
      const inAppOnly = await ctx.bootAnother({ WECHAT_REPORT_TEMPLATE_ID: '' });
      const worker = await subscribedWorker(1);

      await notify(inAppOnly, worker.id);

      expect(await notificationsOf(worker.id)).toHaveLength(1);
      expect(await messages().countBy({ userId: worker.id })).toBe(0);
    });
  });

  describe('the sender', () => {
    it('sends the message WeChat expects, with one token for many messages', async () => {
      // A fresh process: its token cache is empty.
      const process = await ctx.bootAnother();
      const worker = await subscribedWorker(4);
      const notices = [
        reportNotice({ action: 'accept', status: 'accepted' }),
        reportNotice({ action: 'dispatch', status: 'dispatched', note: '已转城管中队' }),
        reportNotice({ action: 'resolve', status: 'resolved', points: 10 }),
      ];
      const now = new Date();
      for (const notice of notices) await notify(ctx.app, worker.id, notice, now);
      const tokensBefore = wechat.tokenRequests().length;

      const run = await dispatcher(process).sendDue();

      expect(run).toEqual({ sent: 3, dropped: 0, failed: 0, retried: 0 });
      const tokenRequests = wechat.tokenRequests().slice(tokensBefore);
      expect(tokenRequests).toHaveLength(1);
      expect(Object.fromEntries(tokenRequests[0])).toEqual({
        grant_type: 'client_credential',
        appid: APP_ID,
        secret: SECRET,
      });
      const received = messagesTo(worker.openId);
      expect(new Set(received.map((message) => message.accessToken)).size).toBe(1);
      expect(received.map((message) => message.body)).toEqual(
        expect.arrayContaining(
          notices.map((notice) => ({
            touser: worker.openId,
            template_id: TEMPLATE_ID,
            page: `packages/reports/pages/detail/index?id=${notice.reportId}`,
            data: buildReportMessageData(notice, now, DEFAULT_FIELDS),
            miniprogram_state: 'formal',
            lang: 'zh_CN',
          })),
        ),
      );
      expect(
        received.find((message) => message.body.data.phrase2.value === '已办结')?.body.data,
      ).toMatchObject({ thing4: { value: '问题已办结，获得10积分' } });
      const rows = await messages().findBy({ userId: worker.id });
      expect(rows.map((row) => [row.status, row.attempts, row.lastError])).toEqual([
        ['sent', 1, null],
        ['sent', 1, null],
        ['sent', 1, null],
      ]);
      expect(rows.every((row) => row.sentAt instanceof Date)).toBe(true);

      // The next sweep reuses the cached token.
      await notify(ctx.app, worker.id);
      expect(await dispatcher(process).sendDue()).toMatchObject({ sent: 1 });
      expect(wechat.tokenRequests()).toHaveLength(tokensBefore + 1);
    });

    it('fetches a new token once when WeChat refuses the cached one (40001), and sends', async () => {
      const worker = await subscribedWorker(1);
      await notify(ctx.app, worker.id);
      await dispatcher().sendDue(); // makes sure a token is cached
      await notify(ctx.app, worker.id); // no credit left: in-app only
      await ctx.dataSource
        .getRepository(WechatSubscriptionEntity)
        .update({ userId: worker.id, templateId: TEMPLATE_ID }, { remaining: 1 });
      await notify(ctx.app, worker.id);
      wechat.expireTokens();
      const tokensBefore = wechat.tokenRequests().length;

      const run = await dispatcher().sendDue();

      expect(run).toEqual({ sent: 1, dropped: 0, failed: 0, retried: 0 });
      expect(wechat.tokenRequests()).toHaveLength(tokensBefore + 1);
      const [first, refused, resent] = messagesTo(worker.openId);
      expect(refused.accessToken).toBe(first.accessToken);
      expect(resent.accessToken).not.toBe(refused.accessToken);
      expect(resent.body).toEqual(refused.body);
      expect(await messages().countBy({ userId: worker.id, status: 'sent' })).toBe(2);
    });

    it('drops a message the worker refused (43101), never retries it, and resets the credits', async () => {
      const worker = await subscribedWorker(3);
      await notify(ctx.app, worker.id);
      wechat.queueSendAnswers({
        kind: 'error',
        errcode: 43101,
        errmsg: 'user refuse to accept the msg',
      });

      const run = await dispatcher().sendDue();
      ctx.setNow(new Date(Date.now() + 3_600_000));
      const later = await dispatcher().sendDue();

      expect(run).toEqual({ sent: 0, dropped: 1, failed: 0, retried: 0 });
      expect(later).toEqual({ sent: 0, dropped: 0, failed: 0, retried: 0 });
      expect(messagesTo(worker.openId)).toHaveLength(1);
      const [row] = await messages().findBy({ userId: worker.id });
      expect(row).toMatchObject({ status: 'dropped', attempts: 1, sentAt: null });
      expect(row.lastError).toContain('43101');
      expect(await creditsOf(ctx.dataSource, worker.id, TEMPLATE_ID)).toBe(0);
    });

    it('fails a message WeChat refuses for its content (47003) without retrying', async () => {
      const worker = await subscribedWorker(1);
      await notify(ctx.app, worker.id);
      wechat.queueSendAnswers({ kind: 'error', errcode: 47003, errmsg: 'argument invalid!' });

      const run = await dispatcher().sendDue();

      expect(run).toEqual({ sent: 0, dropped: 0, failed: 1, retried: 0 });
      const [row] = await messages().findBy({ userId: worker.id });
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.lastError).toContain('47003');
    });

    it('retries after a 5xx with backoff and sends when WeChat is back', async () => {
      const worker = await subscribedWorker(1);
      const start = new Date(Math.floor(Date.now() / 1000) * 1000);
      await notify(ctx.app, worker.id, reportNotice(), start);
      wechat.queueSendAnswers({ kind: 'raw', status: 502, body: 'Bad Gateway' });

      ctx.setNow(start);
      const first = await dispatcher().sendDue();
      ctx.setNow(new Date(start.getTime() + 29_000));
      const tooEarly = await dispatcher().sendDue();
      ctx.setNow(new Date(start.getTime() + 30_000));
      const second = await dispatcher().sendDue();

      expect(first).toMatchObject({ retried: 1 });
      expect(tooEarly).toEqual({ sent: 0, dropped: 0, failed: 0, retried: 0 });
      expect(second).toMatchObject({ sent: 1 });
      const [row] = await messages().findBy({ userId: worker.id });
      expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    });

    it(`retries while WeChat is unreachable and gives up after ${MAX_SEND_ATTEMPTS} tries`, async () => {
      const down = await ctx.bootAnother({ WECHAT_API_BASE: await closedPortUrl() });
      const clock = jest.spyOn(down.get(Clock), 'now');
      const worker = await subscribedWorker(1);
      const start = new Date(Math.floor(Date.now() / 1000) * 1000);
      await notify(down, worker.id, reportNotice(), start);
      const row = () => messages().findOneByOrFail({ userId: worker.id });
      try {
        let at = start.getTime();
        const runs = [];
        for (const wait of [0, 30_000, 120_000, 480_000, 1_920_000]) {
          at += wait;
          clock.mockReturnValue(new Date(at - 1000));
          expect(await dispatcher(down).sendDue()).toMatchObject({ retried: 0, failed: 0 });
          clock.mockReturnValue(new Date(at));
          runs.push(await dispatcher(down).sendDue());
        }

        expect(runs.map((run) => (run.retried ? 'retried' : run.failed ? 'failed' : '-'))).toEqual([
          'retried',
          'retried',
          'retried',
          'retried',
          'failed',
        ]);
        expect(await row()).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS });
        expect((await row()).lastError).toMatch(/^gave up after 5 tries: .*unreachable/);
        clock.mockReturnValue(new Date(at + 86_400_000));
        expect(await dispatcher(down).sendDue()).toEqual({
          sent: 0,
          dropped: 0,
          failed: 0,
          retried: 0,
        });
      } finally {
        clock.mockRestore();
      }
    });

    it('sends nothing to a worker who has no credit left', async () => {
      const worker = await subscribedWorker(0);
      await notify(ctx.app, worker.id);

      await dispatcher().sendDue();

      expect(messagesTo(worker.openId)).toEqual([]);
      expect(await notificationsOf(worker.id)).toHaveLength(1);
    });

    it('sends each message once when two processes sweep at the same time', async () => {
      const [first, second] = [await ctx.bootAnother(), await ctx.bootAnother()];
      const worker = await subscribedWorker(6);
      for (let index = 0; index < 6; index += 1) await notify(ctx.app, worker.id);

      const runs = await Promise.all([dispatcher(first).sendDue(), dispatcher(second).sendDue()]);

      expect(runs[0].sent + runs[1].sent).toBe(6);
      const pages = messagesTo(worker.openId).map((message) => message.body.page);
      expect(new Set(pages).size).toBe(6);
      expect(pages).toHaveLength(6);
    });

    it('sends right after the notifying transaction commits, without waiting for the schedule', async () => {
      const live = await ctx.bootAnother();
      dispatcher(live).sendAfterCommit = true;
      const worker = await subscribedWorker(1);

      await live
        .get(DataSource)
        .transaction((manager) =>
          live.get(Notifier).reportStatusChanged(manager, worker.id, reportNotice(), new Date()),
        );

      for (let waited = 0; messagesTo(worker.openId).length === 0 && waited < 3000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(messagesTo(worker.openId)).toHaveLength(1);
      for (let waited = 0; waited < 3000; waited += 20) {
        if ((await messages().findOneByOrFail({ userId: worker.id })).status === 'sent') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await messages().findOneByOrFail({ userId: worker.id })).toMatchObject({
        status: 'sent',
      });
    });
  });
});
