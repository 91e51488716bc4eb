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
import { category, reportSummary } from '../../../../../test/report-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import HandlerQueuePage from './index';

const HANDLER = meResponse({
  nickname: null,
  username: 'handler@liuyang',
  roles: [{ role: 'handler', regionId: 'region-liuyang' }],
});

function serve(routes: Record<string, RouteHandler> = {}) {
  serveRoutes({
    'GET /me': () => ok(HANDLER),
    'GET /report-categories': () => ok([category('road'), category('guardrail')]),
    'GET /reports': () =>
      ok({
        items: [
          reportSummary('late', { overdue: true, status: 'accepted' }),
          reportSummary('old', { createdAt: '2026-11-23T08:00:00+08:00' }),
        ],
        nextCursor: null,
      }),
    ...routes,
  });
}

const lastQuery = () =>
  new URL(sentTo('GET /reports').at(-1)?.url ?? '', 'http://client.test').searchParams;

describe('HandlerQueuePage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
    process.env.TARO_ENV = 'h5';
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('says a worker without the handler role has no access', async () => {
    serve({ 'GET /me': () => ok(meResponse()) });
    render(<HandlerQueuePage />);

    expect(await screen.findByText('没有报事处理权限')).not.toBeNull();
    expect(sentTo('GET /reports')).toHaveLength(0);
  });

  it('lists the area’s reports in the order the API gives, overdue marked, and opens one', async () => {
    serve();
    const { container } = render(<HandlerQueuePage />);

    await waitFor(() => expect(container.querySelectorAll('.report-card')).toHaveLength(2));
    const cards = [...container.querySelectorAll('.report-card')];
    expect(cards[0]?.classList.contains('report-card--overdue')).toBe(true);
    expect(cards[0]?.textContent).toContain('已超时');
    expect(cards[0]?.textContent).toContain('前处理');
    expect(cards[1]?.textContent).not.toContain('已超时');
    // The handler's queue, not their own reports.
    expect(lastQuery().get('mine')).toBeNull();

    fireEvent.click(cards[0] as Element);
    expect(taroFake.navigations[0]?.url).toBe('/packages/handler/pages/detail/index?id=late');
  });

  it('filters by status, category and 只看超时', async () => {
    serve();
    render(<HandlerQueuePage />);
    await screen.findAllByText('风光桥中央隔离护栏倾斜');

    fireEvent.click(screen.getByRole('button', { name: '待受理' }));
    await waitFor(() => expect(lastQuery().get('status')).toBe('submitted'));

    fireEvent.click(await screen.findByRole('button', { name: '道路破损' }));
    await waitFor(() => expect(lastQuery().get('category')).toBe('road'));
    expect(lastQuery().get('status')).toBe('submitted');

    fireEvent.click(screen.getByRole('button', { name: '只看超时' }));
    await waitFor(() => expect(lastQuery().get('overdue')).toBe('true'));

    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    await waitFor(() => expect(lastQuery().get('status')).toBeNull());
    expect(lastQuery().get('overdue')).toBe('true');
  });

  it('says when nothing matches the filters', async () => {
    serve({ 'GET /reports': () => ok({ items: [], nextCursor: null }) });
    render(<HandlerQueuePage />);

    expect(await screen.findByText('辖区内有新的报事会显示在这里。')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '只看超时' }));
    expect(await screen.findByText('没有符合筛选条件的报事。')).not.toBeNull();
  });

  it('shows an error with 重试', async () => {
    serve({ 'GET /reports': () => fail(403, ErrorCode.FORBIDDEN) });
    render(<HandlerQueuePage />);

    expect(await screen.findByText('报事列表加载失败')).not.toBeNull();
    expect(screen.getByText('你没有权限进行此操作')).not.toBeNull();
  });

  it('weapp: shows the reports as markers on a map, and a marker opens its report', async () => {
    process.env.TARO_ENV = 'weapp';
    serve();
    const { container } = render(<HandlerQueuePage />);
    await waitFor(() => expect(container.querySelectorAll('.report-card')).toHaveLength(2));
    expect(container.querySelector('.report-map')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '地图' }));

    const markers = container.querySelectorAll('.report-map .map-marker');
    expect(markers).toHaveLength(2);
    fireEvent.click(markers[1] as Element);
    expect(taroFake.navigations[0]?.url).toBe('/packages/handler/pages/detail/index?id=old');
  });

  it('H5 has no map: the queue stays a list', async () => {
    serve();
    render(<HandlerQueuePage />);
    await screen.findAllByText('风光桥中央隔离护栏倾斜');

    expect(screen.queryByRole('button', { name: '地图' })).toBeNull();
  });
});
