/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import {
  bodyOf,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
  type RouteHandler,
} from '../../../../../test/factories';
import { draft, reportSummary, reportView } from '../../../../../test/report-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { reportQueue, takeDraftEdit } from '../../../../services/report-queue';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import MyReportsPage from './index';

function serve(routes: Record<string, RouteHandler> = {}): void {
  serveRoutes({
    'GET /me': () => ok(meResponse()),
    'GET /reports': () => ok({ items: [], nextCursor: null }),
    ...routes,
  });
}

describe('MyReportsPage', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reportQueue.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
    session.setUser(meResponse());
  });

  it('asks a signed-out worker to sign in', () => {
    session.clear();
    render(<MyReportsPage />);
    expect(screen.getByText('请先登录')).not.toBeNull();
  });

  it('lists the reports newest first with their status, and opens one', async () => {
    serve({
      'GET /reports': () =>
        ok({
          items: [
            reportSummary('r2', { status: 'resolved', photoCount: 2 }),
            reportSummary('r1', {
              status: 'submitted',
              categoryName: '道路破损',
              categoryIcon: 'road',
            }),
          ],
          nextCursor: null,
        }),
    });
    const { container } = render(<MyReportsPage />);

    await waitFor(() => expect(container.querySelectorAll('.report-card')).toHaveLength(2));
    const cards = [...container.querySelectorAll('.report-card')].map((card) => card.textContent);
    expect(cards[0]).toContain('已办结');
    expect(cards[0]).toContain('2 张照片');
    expect(cards[1]).toContain('道路破损');
    expect(cards[1]).toContain('待受理');
    expect(new URL(taroFake.requests.at(-1)?.url ?? '', 'http://x').searchParams.get('mine')).toBe(
      'true',
    );
    expect(screen.getByText('没有更多了')).not.toBeNull();

    fireEvent.click(container.querySelector('.report-card') as Element);
    expect(taroFake.navigations[0]?.url).toBe('/packages/reports/pages/detail/index?id=r2');
  });

  it('shows the empty state with a way to the 报事 tab', async () => {
    serve();
    render(<MyReportsPage />);

    expect(await screen.findByText('还没有报事')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '去报事' }));
    expect(taroFake.navigations[0]).toEqual({ kind: 'switchTab', url: '/pages/report/index' });
  });

  it('shows an error with 重试', async () => {
    let calls = 0;
    serve({
      'GET /reports': () => {
        calls += 1;
        return calls === 1
          ? fail(500, ErrorCode.INTERNAL_ERROR)
          : ok({ items: [reportSummary('r1')], nextCursor: null });
      },
    });
    const { container } = render(<MyReportsPage />);

    expect(await screen.findByText('报事记录加载失败')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(container.querySelectorAll('.report-card')).toHaveLength(1));
  });

  it('sends what waits on the phone when it opens, and lists it once filed', async () => {
    let filed = false;
    serve({
      'POST /reports': () => {
        filed = true;
        return ok(reportView('r9'), 201);
      },
      'GET /reports': () => ok({ items: filed ? [reportSummary('r9')] : [], nextCursor: null }),
    });
    await reportQueue.put(draft('crid-1'));

    const { container } = render(<MyReportsPage />);

    await waitFor(() => expect(container.querySelectorAll('.report-card')).toHaveLength(1));
    expect(bodyOf(sentTo('POST /reports')[0])).toMatchObject({ clientRequestId: 'crid-1' });
    expect(container.querySelector('.queued-report')).toBeNull();
  });

  it('keeps unsent reports on top as 待发送 while offline, and 立即发送 says it is still offline', async () => {
    taroFake.networkType = 'none';
    serve({ 'POST /reports': () => Promise.reject({ errMsg: 'request:fail' }) });
    await reportQueue.put(
      draft('crid-1', { description: '路灯不亮', createdAt: '2026-11-24T01:00:00.000Z' }),
    );

    const { container } = render(<MyReportsPage />);

    const queued = await waitFor(() => {
      const found = container.querySelector('.queued-report');
      if (!found) throw new Error('no queued report');
      return found;
    });
    expect(queued.textContent).toContain('待发送');
    expect(queued.textContent).toContain('路灯不亮');
    expect(queued.textContent).toContain('联网后自动发送');
    expect(sentTo('POST /reports')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '立即发送' }));
    await waitFor(() => expect(taroFake.toasts).toContain('还是没有网络，联网后会自动发送'));
    expect(reportQueue.find('crid-1')?.state).toBe('pending');
  });

  it('shows a refused report with the reason, to edit on the 报事 tab or delete', async () => {
    serve();
    await reportQueue.put(draft('crid-1'));
    const failedDraft = reportQueue.find('crid-1');
    // Stored as the queue leaves a refused draft.
    taroFake.storage.set('yizhan.reportQueue', {
      version: 1,
      drafts: [
        { ...failedDraft, state: 'failed', errorCode: ErrorCode.REPORT_OUTSIDE_SERVICE_AREA },
      ],
    });
    reportQueue.reload();

    render(<MyReportsPage />);

    expect(await screen.findByText('发送失败')).not.toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('这个位置不在服务范围内，附近没有驿站受理');
    expect(sentTo('POST /reports')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '修改' }));
    expect(taroFake.navigations.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/report/index' });
    expect(takeDraftEdit()).toBe('crid-1');

    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    await waitFor(() => expect(reportQueue.find('crid-1')).toBeNull());
    expect(taroFake.modals[0]?.title).toBe('删除这条报事？');
    expect(await screen.findByText('还没有报事')).not.toBeNull();
  });

  it('keeps a draft when the worker thinks again about deleting it', async () => {
    taroFake.networkType = 'none';
    taroFake.modalHandler = () => Promise.resolve({ confirm: false });
    serve();
    await reportQueue.put(draft('crid-1'));
    render(<MyReportsPage />);

    fireEvent.click(await screen.findByRole('button', { name: '删除' }));

    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    expect(reportQueue.find('crid-1')).not.toBeNull();
  });
});
