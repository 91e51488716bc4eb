/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import {
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
  type RouteHandler,
} from '../../../../../test/factories';
import { notification } from '../../../../../test/report-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import NotificationsPage from './index';

const RESOLVED = notification('n2', {
  createdAt: '2026-11-24T15:00:00+08:00',
  report: {
    reportId: 'r1',
    category: 'guardrail',
    categoryName: '护栏/设施损坏',
    action: 'resolve',
    status: 'resolved',
    note: '护栏已扶正加固',
    points: 10,
  },
});
const ACCEPTED = notification('n1', { readAt: '2026-11-24T11:00:00+08:00' });

function serve(routes: Record<string, RouteHandler> = {}): void {
  serveRoutes({
    'GET /me': () => ok(meResponse()),
    'GET /notifications': () => ok({ items: [RESOLVED, ACCEPTED], nextCursor: null, unread: 1 }),
    'POST /notifications/n2/read': () => ok({}),
    'POST /notifications/read-all': () => ok({}),
    ...routes,
  });
}

describe('NotificationsPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
  });

  it('words each notice and marks the unread ones', async () => {
    serve();
    const { container } = render(<NotificationsPage />);

    expect(await screen.findByText('你上报的「护栏/设施损坏」已办结')).not.toBeNull();
    expect(screen.getByText('说明：护栏已扶正加固')).not.toBeNull();
    expect(screen.getByText('+10 积分')).not.toBeNull();
    expect(screen.getByText('你上报的「护栏/设施损坏」已受理，社区正在安排处理')).not.toBeNull();
    const rows = [...container.querySelectorAll('.notification')];
    expect(rows.map((row) => row.classList.contains('notification--unread'))).toEqual([
      true,
      false,
    ]);
  });

  it('marks a notice read as it opens the report', async () => {
    serve();
    const { container } = render(<NotificationsPage />);

    fireEvent.click(await screen.findByText('你上报的「护栏/设施损坏」已办结'));

    expect(taroFake.navigations[0]?.url).toBe('/packages/reports/pages/detail/index?id=r1');
    expect(sentTo('POST /notifications/n2/read')).toHaveLength(1);
    expect(container.querySelectorAll('.notification--unread')).toHaveLength(0);
  });

  it('marks everything read with 全部已读', async () => {
    serve();
    const { container } = render(<NotificationsPage />);
    await screen.findByText('你上报的「护栏/设施损坏」已办结');

    fireEvent.click(screen.getByRole('button', { name: '全部已读' }));

    await waitFor(() =>
      expect(container.querySelectorAll('.notification--unread')).toHaveLength(0),
    );
    expect(sentTo('POST /notifications/read-all')).toHaveLength(1);
    expect(taroFake.toasts).toContain('已全部标为已读');
    expect(screen.getByRole('button', { name: '全部已读' })).toHaveProperty('disabled', true);
  });

  it('shows the empty state', async () => {
    serve({ 'GET /notifications': () => ok({ items: [], nextCursor: null, unread: 0 }) });
    render(<NotificationsPage />);

    expect(await screen.findByText('暂无消息')).not.toBeNull();
    expect(screen.queryByRole('button', { name: '全部已读' })).toBeNull();
  });

  it('shows an error with 重试', async () => {
    serve({ 'GET /notifications': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });
    render(<NotificationsPage />);

    expect(await screen.findByText('消息加载失败')).not.toBeNull();
    expect(screen.getByText('服务暂时不可用，请稍后再试')).not.toBeNull();
  });
});
