import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  MeExport,
  NotificationPage,
  NotificationSettingsView,
  NotificationsReadAllResult,
  NotificationView,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { NotificationEntity } from '../../src/modules/notifications/notification.entity';
import { NotificationsController } from '../../src/modules/notifications/notifications.controller';
import { MAX_WECHAT_MESSAGE_CREDITS } from '../../src/modules/notifications/notifications.service';
import { WechatMessageEntity } from '../../src/modules/notifications/wechat/wechat-message.entity';
import { WechatSubscriptionEntity } from '../../src/modules/notifications/wechat/wechat-subscription.entity';
import { createUser, sessionFor } from '../support/accounts';
import { fakeWechat, useFakeServer } from '../support/fake-servers';
import { api, outcome } from '../support/http';
import { createWechatWorker, notify, reportNotice } from '../support/notifications';
import { useTestApp } from '../support/test-app';

const APP_ID = 'wx-notifications-test';
const TEMPLATE_ID = 'report-status-template-1';

describe(`${NotificationsController.name} (integration)`, () => {
  const wechat = useFakeServer(fakeWechat());
  const ctx = useTestApp({
    env: () => ({
      WECHAT_APPID: APP_ID,
      WECHAT_SECRET: 'secret',
      WECHAT_API_BASE: wechat.url,
      WECHAT_REPORT_TEMPLATE_ID: TEMPLATE_ID,
    }),
  });

  async function newWorker(): Promise<{ id: string; accessToken: string }> {
    const user = await createUser(ctx.app);
    return { id: user.id, accessToken: (await sessionFor(ctx.app, user)).accessToken };
  }

  /** `count` notices for the user, one second apart, the last one the newest. */
  async function notices(userId: string, count: number): Promise<void> {
    const start = Date.now() - 3_600_000;
    for (let index = 0; index < count; index += 1) {
      await notify(
        ctx.app,
        userId,
        reportNotice({ note: `第${index + 1}条` }),
        new Date(start + index * 1000),
      );
    }
  }

  const list = (token: string, query = '', app: NestFastifyApplication = ctx.app) =>
    api<NotificationPage>(app, { path: `/notifications${query}`, token });
  const read = (token: string, id: string) =>
    api<NotificationView>(ctx.app, { method: 'POST', path: `/notifications/${id}/read`, token });
  const readAll = (token: string) =>
    api<NotificationsReadAllResult>(ctx.app, {
      method: 'POST',
      path: '/notifications/read-all',
      token,
    });
  const settings = (token: string, app: NestFastifyApplication = ctx.app) =>
    api<NotificationSettingsView>(app, { path: '/notifications/settings', token });
  const subscribe = (token: string, templateIds: unknown, app = ctx.app) =>
    api<NotificationSettingsView>(app, {
      method: 'POST',
      path: '/notifications/subscriptions',
      token,
      body: { templateIds },
    });

  describe('GET /notifications', () => {
    it('lists your notices newest first, page by page, with the unread count', async () => {
      const worker = await newWorker();
      await notices(worker.id, 5);

      const first = await list(worker.accessToken, '?limit=2');
      const second = await list(
        worker.accessToken,
        `?limit=2&cursor=${first.body.nextCursor ?? ''}`,
      );
      const third = await list(
        worker.accessToken,
        `?limit=2&cursor=${second.body.nextCursor ?? ''}`,
      );

      expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
      const notes = [first, second, third].flatMap((page) =>
        page.body.items.map((item) => item.report?.note),
      );
      expect(notes).toEqual(['第5条', '第4条', '第3条', '第2条', '第1条']);
      expect(third.body.nextCursor).toBeNull();
      expect(first.body.unread).toBe(5);
      expect(first.body.items[0]).toEqual({
        id: expect.any(String),
        kind: 'report_status',
        createdAt: expect.any(String),
        readAt: null,
        report: expect.objectContaining({
          reportId: expect.any(String),
          category: 'road_damage',
          categoryName: '道路破损',
          action: 'accept',
          status: 'accepted',
          note: '第5条',
          points: null,
        }),
      });
    });

    it('lists only unread notices with unread=true; the count covers all of them', async () => {
      const worker = await newWorker();
      await notices(worker.id, 4);
      const all = await list(worker.accessToken);
      await read(worker.accessToken, all.body.items[0].id);
      await read(worker.accessToken, all.body.items[2].id);

      const unread = await list(worker.accessToken, '?unread=true');
      const firstUnread = await list(worker.accessToken, '?unread=true&limit=1');

      expect(unread.body.items.map((item) => item.report?.note)).toEqual(['第3条', '第1条']);
      expect(unread.body.unread).toBe(2);
      expect(firstUnread.body).toMatchObject({ unread: 2, nextCursor: expect.any(String) });
      expect((await list(worker.accessToken, '?unread=false')).body.items).toHaveLength(4);
    });

    it('answers an empty list for someone with no notices', async () => {
      const worker = await newWorker();

      expect((await list(worker.accessToken)).body).toEqual({
        items: [],
        nextCursor: null,
        unread: 0,
      });
    });

    it.each([
      ['unread=maybe', '?unread=maybe'],
      ['limit=0', '?limit=0'],
      ['limit=101', '?limit=101'],
      ['a cursor it did not issue', '?cursor=bm90LWEtY3Vyc29y'],
      ['an unknown parameter', '?userId=x'],
    ])('refuses %s with 400', async (_what, query) => {
      const worker = await newWorker();

      expect(outcome(await list(worker.accessToken, query))).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('needs a signed-in caller', async () => {
      expect(outcome(await api(ctx.app, { path: '/notifications' }))).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
    });
  });

  describe('POST /notifications/:id/read', () => {
    it('marks your notice read, once: a second call changes nothing', async () => {
      const worker = await newWorker();
      await notices(worker.id, 2);
      const [newest] = (await list(worker.accessToken)).body.items;

      const first = await read(worker.accessToken, newest.id);
      const again = await read(worker.accessToken, newest.id);

      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: newest.id, readAt: expect.any(String) });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect((await list(worker.accessToken)).body.unread).toBe(1);
    });

    it("answers 404 for another worker's notice and leaves it unread (attack)", async () => {
      const owner = await newWorker();
      const attacker = await newWorker();
      await notices(owner.id, 1);
      const [notice] = (await list(owner.accessToken)).body.items;

      const attempt = await read(attacker.accessToken, notice.id);
      const attackerList = await list(attacker.accessToken);
      const attackerReadAll = await readAll(attacker.accessToken);

      expect(outcome(attempt)).toEqual([404, 'NOT_FOUND']);
      expect(attempt.text).not.toContain(owner.id);
      expect(attackerList.body).toEqual({ items: [], nextCursor: null, unread: 0 });
      expect(attackerReadAll.body).toEqual({ updated: 0 });
      const row = await ctx.dataSource
        .getRepository(NotificationEntity)
        .findOneByOrFail({ id: notice.id });
      expect(row.readAt).toBeNull();
      expect((await list(owner.accessToken)).body.unread).toBe(1);
    });

    it.each([
      ['an unknown id', () => randomUUID()],
      ['a malformed id', () => 'not-a-uuid'],
    ])('answers 404 for %s', async (_what, id) => {
      const worker = await newWorker();

      expect(outcome(await read(worker.accessToken, id()))).toEqual([404, 'NOT_FOUND']);
    });
  });

  describe('POST /notifications/read-all', () => {
    it("marks all of your unread notices read and no one else's", async () => {
      const worker = await newWorker();
      const other = await newWorker();
      await notices(worker.id, 3);
      await notices(other.id, 2);
      await read(worker.accessToken, (await list(worker.accessToken)).body.items[0].id);

      const first = await readAll(worker.accessToken);
      const again = await readAll(worker.accessToken);

      expect(first.status).toBe(200);
      expect(first.body).toEqual({ updated: 2 });
      expect(again.body).toEqual({ updated: 0 });
      const after = await list(worker.accessToken);
      expect(after.body.unread).toBe(0);
      expect(after.body.items.every((item) => item.readAt !== null)).toBe(true);
      expect((await list(other.accessToken)).body.unread).toBe(2);
    });
  });

  describe('WeChat subscriptions', () => {
    it('names the template and counts one message per accepted prompt', async () => {
      const worker = await newWorker();

      const before = await settings(worker.accessToken);
      const accepted = await subscribe(worker.accessToken, [TEMPLATE_ID]);
      const twice = await subscribe(worker.accessToken, [TEMPLATE_ID]);

      expect(before.body).toEqual({
        reportStatusTemplateId: TEMPLATE_ID,
        remainingWechatMessages: 0,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({
        reportStatusTemplateId: TEMPLATE_ID,
        remainingWechatMessages: 1,
      });
      expect(twice.body.remainingWechatMessages).toBe(2);
      expect((await settings(worker.accessToken)).body.remainingWechatMessages).toBe(2);
    });

    it('ignores template ids other than the configured one', async () => {
      const worker = await newWorker();

      const unknown = await subscribe(worker.accessToken, ['some-other-template']);
      const mixed = await subscribe(worker.accessToken, ['some-other-template', TEMPLATE_ID]);

      expect(unknown.status).toBe(200);
      expect(unknown.body.remainingWechatMessages).toBe(0);
      expect(mixed.body.remainingWechatMessages).toBe(1);
      expect(
        await ctx.dataSource
          .getRepository(WechatSubscriptionEntity)
          .countBy({ userId: worker.id, templateId: 'some-other-template' }),
      ).toBe(0);
    });

    it(`stops counting at ${MAX_WECHAT_MESSAGE_CREDITS} messages`, async () => {
      const worker = await newWorker();
      await ctx.dataSource.getRepository(WechatSubscriptionEntity).insert({
        userId: worker.id,
        templateId: TEMPLATE_ID,
        remaining: MAX_WECHAT_MESSAGE_CREDITS - 1,
      });

      const last = await subscribe(worker.accessToken, [TEMPLATE_ID]);
      const over = await subscribe(worker.accessToken, [TEMPLATE_ID]);

      expect(last.body.remainingWechatMessages).toBe(MAX_WECHAT_MESSAGE_CREDITS);
      expect(over.body.remainingWechatMessages).toBe(MAX_WECHAT_MESSAGE_CREDITS);
    });

    it('counts concurrent acceptances exactly', async () => {
      const worker = await newWorker();

      const results = await Promise.all(
        Array.from({ length: 6 }, () => subscribe(worker.accessToken, [TEMPLATE_ID])),
      );

      expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect((await settings(worker.accessToken)).body.remainingWechatMessages).toBe(6);
    });

    it.each([
      ['no ids', []],
      ['more than three ids', ['a', 'b', 'c', 'd']],
      ['a repeated id', [TEMPLATE_ID, TEMPLATE_ID]],
      ['a number', [42]],
      ['an id over 64 characters', ['x'.repeat(65)]],
      ['no array', TEMPLATE_ID],
    ])('refuses %s with 400', async (_what, templateIds) => {
      const worker = await newWorker();

      expect(outcome(await subscribe(worker.accessToken, templateIds))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      expect((await settings(worker.accessToken)).body.remainingWechatMessages).toBe(0);
    });

    it('offers no template and counts nothing where no template is configured', async () => {
      const plain = await ctx.bootAnother({ WECHAT_REPORT_TEMPLATE_ID: '' });
      const worker = await newWorker();

      const accepted = await subscribe(worker.accessToken, [TEMPLATE_ID], plain);

      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ reportStatusTemplateId: null, remainingWechatMessages: 0 });
      expect((await settings(worker.accessToken, plain)).body).toEqual(accepted.body);
    });
  });

  describe('personal data', () => {
    async function wechatWorkerWithHistory() {
      const worker = await createWechatWorker(ctx.app, APP_ID);
      await subscribe(worker.accessToken, [TEMPLATE_ID]);
      await subscribe(worker.accessToken, [TEMPLATE_ID]);
      await notices(worker.id, 1);
      return worker;
    }

    it('exports your notices, WeChat messages and subscriptions', async () => {
      const worker = await wechatWorkerWithHistory();

      const response = await api<MeExport>(ctx.app, {
        path: '/me/export',
        token: worker.accessToken,
      });

      expect(response.status).toBe(200);
      expect(response.body.notifications).toEqual([
        expect.objectContaining({ kind: 'report_status', report: expect.any(Object) }),
      ]);
      expect(response.body.wechatMessages).toEqual([
        expect.objectContaining({
          templateId: TEMPLATE_ID,
          openId: worker.openId,
          status: 'pending',
          data: expect.objectContaining({ thing1: { value: '道路破损' } }),
        }),
      ]);
      expect(response.body.wechatSubscriptions).toEqual([
        { templateId: TEMPLATE_ID, remaining: 1 },
      ]);
    });

    it('erases them with the account', async () => {
      const worker = await wechatWorkerWithHistory();

      const erased = await api(ctx.app, {
        method: 'DELETE',
        path: '/me',
        token: worker.accessToken,
      });

      expect(erased.status).toBe(204);
      for (const entity of [NotificationEntity, WechatMessageEntity, WechatSubscriptionEntity]) {
        expect(await ctx.dataSource.getRepository(entity).countBy({ userId: worker.id })).toBe(0);
      }
    });
  });
});
