/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { decidedOnDevice } from '../../../../../test/consent-fixtures';
import {
  bodyOf,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
  type RouteHandler,
} from '../../../../../test/factories';
import { media, reportView } from '../../../../../test/report-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import ReportDetailPage from './index';

const RESOLVED = reportView('r1', {
  status: 'resolved',
  photos: [media('m-1'), media('m-2')],
  department: { id: 'd-1', name: '浏阳市市政园林维护中心' },
  points: { amount: 10, status: 'posted' },
  timeline: [
    {
      action: 'submit',
      actorRole: 'worker',
      note: null,
      at: '2026-11-24T09:00:00+08:00',
      department: null,
      photos: [],
    },
    {
      action: 'accept',
      actorRole: 'handler',
      note: null,
      at: '2026-11-24T09:30:00+08:00',
      department: null,
      photos: [],
    },
    {
      action: 'dispatch',
      actorRole: 'handler',
      note: '请尽快',
      at: '2026-11-24T09:40:00+08:00',
      department: { id: 'd-1', name: '浏阳市市政园林维护中心' },
      photos: [],
    },
    {
      action: 'resolve',
      actorRole: 'handler',
      note: '护栏已扶正加固',
      at: '2026-11-24T15:00:00+08:00',
      department: null,
      photos: [media('m-9')],
    },
  ],
});

function serve(routes: Record<string, RouteHandler>): void {
  serveRoutes({ 'GET /me': () => ok(meResponse()), ...routes });
}

describe('ReportDetailPage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
    taroFake.routerParams = { id: 'r1' };
    process.env.TARO_ENV = 'weapp';
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('shows the report, its department, its points and its timeline newest first', async () => {
    serve({ 'GET /reports/r1': () => ok(RESOLVED) });
    const { container } = render(<ReportDetailPage />);

    expect(await screen.findByText('风光桥中央隔离护栏倾斜，夜里骑车很危险')).not.toBeNull();
    expect(container.querySelector('.report-status')?.textContent).toBe('已办结');
    expect(container.querySelector('.report-body__department')?.textContent).toContain(
      '浏阳市市政园林维护中心',
    );
    expect(container.querySelector('.report-body__points')?.textContent).toContain(
      '+10 积分，已到账',
    );
    const steps = [...container.querySelectorAll('.report-timeline__action')].map(
      (node) => node.textContent,
    );
    expect(steps).toEqual(['已办结', '已派单', '已受理', '提交上报']);
    expect(screen.getByText('派往 浏阳市市政园林维护中心')).not.toBeNull();
    expect(screen.getByText('护栏已扶正加固')).not.toBeNull();
    expect(screen.getAllByText('路长').length).toBeGreaterThan(0);
    // No edits once accepted.
    expect(screen.queryByRole('button', { name: '修改描述' })).toBeNull();
  });

  it('opens a photo full size with the signed URLs on the API origin', async () => {
    serve({ 'GET /reports/r1': () => ok(RESOLVED) });
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByAltText('现场照片 2'));

    expect(taroFake.previews[0]).toEqual([
      '/api/v1/media/m-1/full?exp=1&sig=s',
      '/api/v1/media/m-2/full?exp=1&sig=s',
    ]);
  });

  it.each([
    [null, '受理后确定积分'],
    [{ amount: 10, status: 'pending' as const }, '+10 积分，办结后到账'],
    [{ amount: 10, status: 'voided' as const }, '积分已作废'],
  ])('words the points %j', async (points, text) => {
    serve({ 'GET /reports/r1': () => ok(reportView('r1', { points })) });
    const { container } = render(<ReportDetailPage />);

    await waitFor(() =>
      expect(container.querySelector('.report-body__points')?.textContent).toContain(text),
    );
  });

  it('says when the report does not exist (or is not the caller’s)', async () => {
    serve({ 'GET /reports/r1': () => fail(404, ErrorCode.NOT_FOUND) });
    render(<ReportDetailPage />);

    expect(await screen.findByText('报事不存在')).not.toBeNull();
  });

  it('shows an error with 重试', async () => {
    let calls = 0;
    serve({
      'GET /reports/r1': () => {
        calls += 1;
        return calls === 1 ? Promise.reject({ errMsg: 'request:fail' }) : ok(reportView('r1'));
      },
    });
    render(<ReportDetailPage />);

    expect(await screen.findByText('报事详情加载失败')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('提交上报')).not.toBeNull();
  });

  it('lets the reporter edit the description while 待受理', async () => {
    serve({
      'GET /reports/r1': () => ok(reportView('r1', { allowedActions: ['edit'] })),
      'PATCH /reports/r1': (option) =>
        ok(
          reportView('r1', {
            allowedActions: ['edit'],
            description: (option.data as { description: string }).description,
          }),
        ),
    });
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '修改描述' }));
    const field = screen.getByPlaceholderText('说说发现了什么、具体在哪、有什么危险（必填）');
    fireEvent.change(field, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByRole('alert').textContent).toBe('请填写情况描述');

    fireEvent.change(field, { target: { value: '护栏倾斜约 30 度，靠近桥中段' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('护栏倾斜约 30 度，靠近桥中段')).not.toBeNull();
    expect(bodyOf(sentTo('PATCH /reports/r1')[0])).toEqual({
      description: '护栏倾斜约 30 度，靠近桥中段',
    });
    expect(taroFake.toasts).toContain('已保存');
  });

  it('adds photos while 待受理: uploads them, then attaches their ids', async () => {
    decidedOnDevice('photos');
    taroFake.chooseMediaHandler = () =>
      Promise.resolve({ tempFiles: [{ tempFilePath: 'wxfile://tmp/c', size: 10 }] });
    taroFake.uploadHandler = () =>
      Promise.resolve({ statusCode: 201, data: JSON.stringify(media('m-c')) });
    serve({
      'GET /reports/r1': () =>
        ok(reportView('r1', { allowedActions: ['edit'], photos: [media('m-1')] })),
      'PATCH /reports/r1': () =>
        ok(reportView('r1', { allowedActions: ['edit'], photos: [media('m-1'), media('m-c')] })),
    });
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '补充照片' }));
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await waitFor(() => expect(taroFake.uploads).toHaveLength(1));
    // Five more fit next to the one it has.
    expect(taroFake.chosen[0]?.count).toBe(5);
    await waitFor(() => expect(screen.queryByText(/上传中/)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(sentTo('PATCH /reports/r1')).toHaveLength(1));
    expect(bodyOf(sentTo('PATCH /reports/r1')[0])).toEqual({ addMediaIds: ['m-c'] });
    expect(await screen.findByAltText('现场照片 2')).not.toBeNull();
  });

  it('says in Chinese when the report was accepted meanwhile, and shows it as it is now', async () => {
    let gets = 0;
    serve({
      'GET /reports/r1': () => {
        gets += 1;
        return ok(
          gets === 1
            ? reportView('r1', { allowedActions: ['edit'] })
            : reportView('r1', { status: 'accepted', allowedActions: [] }),
        );
      },
      'PATCH /reports/r1': () => fail(409, ErrorCode.REPORT_BAD_TRANSITION),
    });
    render(<ReportDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '修改描述' }));
    fireEvent.change(screen.getByPlaceholderText('说说发现了什么、具体在哪、有什么危险（必填）'), {
      target: { value: '补充一句' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(taroFake.toasts).toContain('该事件当前状态不允许此操作'));
    expect(await screen.findByText('已受理')).not.toBeNull();
    expect(screen.queryByRole('button', { name: '修改描述' })).toBeNull();
  });
});
