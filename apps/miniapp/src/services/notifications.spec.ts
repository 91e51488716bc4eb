import { API_PREFIX } from '@yizhan/contracts';
import { bodyOf, ok, sentTo, serveRoutes } from '../../test/factories';
import { notification } from '../../test/report-factories';
import { restoreSession } from '../../test/session-fixtures';
import { taroFake } from '../../test/taro-fake';
import {
  askForReportUpdates,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadNotificationCount,
} from './notifications';
import { setTokenRefresher } from './request';

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('notifications service', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    setTokenRefresher(null);
    restoreSession();
    serveRoutes({
      'GET /notifications': () => ok({ items: [notification('n1')], nextCursor: null, unread: 3 }),
      'POST /notifications/n1/read': () => ok({}),
      'POST /notifications/read-all': () => ok({}),
      'POST /notifications/subscriptions': () => ok({}, 201),
    });
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('lists, counts the unread and marks them read', async () => {
    await expect(listNotifications({ limit: 20 })).resolves.toMatchObject({ unread: 3 });
    await expect(unreadNotificationCount()).resolves.toBe(3);
    await markNotificationRead('n1');
    await markAllNotificationsRead();

    expect(taroFake.requests[0]?.url).toBe(`${API_PREFIX}/notifications?limit=20`);
    expect(taroFake.requests[1]?.url).toBe(`${API_PREFIX}/notifications?unread=true&limit=1`);
    expect(sentTo('POST /notifications/n1/read')).toHaveLength(1);
    expect(sentTo('POST /notifications/read-all')).toHaveLength(1);
  });

  it('weapp: asks for a WeChat message and records the accepted template', async () => {
    process.env.TARO_ENV = 'weapp';

    askForReportUpdates('tmpl-status');
    await flush();
    await flush();

    expect(taroFake.subscribeRequests).toEqual([['tmpl-status']]);
    expect(bodyOf(sentTo('POST /notifications/subscriptions')[0])).toEqual({
      templateIds: ['tmpl-status'],
    });
  });

  it('weapp: records nothing when the worker declines', async () => {
    process.env.TARO_ENV = 'weapp';
    taroFake.subscribeHandler = (ids) =>
      Promise.resolve(Object.fromEntries(ids.map((id) => [id, 'reject'])));

    askForReportUpdates('tmpl-status');
    await flush();

    expect(sentTo('POST /notifications/subscriptions')).toHaveLength(0);
  });

  it('asks nothing on H5 or without a configured template', () => {
    process.env.TARO_ENV = 'h5';
    askForReportUpdates('tmpl-status');
    process.env.TARO_ENV = 'weapp';
    askForReportUpdates(null);

    expect(taroFake.subscribeRequests).toEqual([]);
  });
});
