/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode, handlerActionsFrom, type ReportStatus } from '@yizhan/contracts';
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
import {
  department,
  media,
  possibleDuplicate,
  reportView,
} from '../../../../../test/report-factories';
import { restoreSession } from '../../../../../test/session-fixtures';
import { taroFake } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import HandlerReportPage from './index';

/** The report as the API shows it to a handler in its region, at a status. */
function asHandlerSees(status: ReportStatus, extra: Parameters<typeof reportView>[1] = {}) {
  return reportView('r1', {
    status,
    allowedActions: handlerActionsFrom(status),
    reporter: { id: 'user-1', nickname: '小李', phoneMasked: '138****8000' },
    possibleDuplicates: [possibleDuplicate('d1', { address: '风光桥北头' })],
    photos: [media('m-1')],
    ...extra,
  });
}

function serve(routes: Record<string, RouteHandler>): void {
  serveRoutes({
    'GET /me': () => ok(meResponse({ roles: [{ role: 'handler', regionId: 'region-liuyang' }] })),
    ...routes,
  });
}

const press = async (name: string) => fireEvent.click(await screen.findByRole('button', { name }));

const buttonsShown = (container: HTMLElement) =>
  [...container.querySelectorAll('.handler-actions__button')].map((node) => node.textContent);

describe('HandlerReportPage', () => {
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

  it('shows the reporter masked, the photos, the possible duplicates and the flags', async () => {
    serve({
      'GET /reports/r1': () =>
        ok(asHandlerSees('submitted', { flags: ['photo_reused'], overdue: true })),
    });
    const { container } = render(<HandlerReportPage />);

    expect(await screen.findByText('小李 · 138****8000')).not.toBeNull();
    expect(screen.getByAltText('现场照片 1')).not.toBeNull();
    expect(screen.getByText('附近相似的报事')).not.toBeNull();
    expect(screen.getByText('风光桥北头')).not.toBeNull();
    expect(screen.getByText('照片与其他人的上报相同，请注意核实')).not.toBeNull();
    expect(container.querySelector('.report-body__overdue')?.textContent).toBe('已超时');

    fireEvent.click(screen.getByText('风光桥北头'));
    expect(taroFake.navigations[0]?.url).toBe('/packages/handler/pages/detail/index?id=d1');
  });

  it.each([
    ['submitted' as const, ['受理', '驳回', '标记重复']],
    ['accepted' as const, ['派单', '办结', '驳回', '标记重复']],
    ['dispatched' as const, ['派单', '办结', '驳回', '标记重复']],
  ])('offers exactly the allowed steps when %s', async (status, buttons) => {
    serve({ 'GET /reports/r1': () => ok(asHandlerSees(status)) });
    const { container } = render(<HandlerReportPage />);

    await waitFor(() => expect(buttonsShown(container)).toEqual(buttons));
  });

  it.each(['resolved', 'rejected', 'duplicate', 'closed'] as const)(
    'offers nothing when %s',
    async (status) => {
      serve({ 'GET /reports/r1': () => ok(asHandlerSees(status)) });
      const { container } = render(<HandlerReportPage />);

      expect(await screen.findByText('这条报事当前无需处理')).not.toBeNull();
      expect(buttonsShown(container)).toEqual([]);
    },
  );

  it('accepts after a confirmation and shows the new status', async () => {
    serve({
      'GET /reports/r1': () => ok(asHandlerSees('submitted')),
      'POST /reports/r1/accept': () => ok(asHandlerSees('accepted')),
    });
    const { container } = render(<HandlerReportPage />);

    await press('受理');

    await waitFor(() => expect(buttonsShown(container)).toContain('派单'));
    expect(taroFake.modals[0]?.title).toBe('受理这条报事？');
    expect(bodyOf(sentTo('POST /reports/r1/accept')[0])).toEqual({});
    expect(container.querySelector('.report-status')?.textContent).toBe('已受理');
    expect(taroFake.toasts).toContain('已受理');
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    taroFake.modalHandler = () => Promise.resolve({ confirm: false });
    serve({ 'GET /reports/r1': () => ok(asHandlerSees('submitted')) });
    render(<HandlerReportPage />);

    await press('受理');

    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    expect(sentTo('POST /reports/r1/accept')).toHaveLength(0);
  });

  it("dispatches to a department of the report's region, with a note", async () => {
    serve({
      'GET /reports/r1': () => ok(asHandlerSees('accepted')),
      'GET /departments': () =>
        ok([department('d-1', '浏阳市市政园林维护中心'), department('d-2', '淮川街道城管中队')]),
      'POST /reports/r1/dispatch': () =>
        ok(
          asHandlerSees('dispatched', {
            department: { id: 'd-1', name: '浏阳市市政园林维护中心' },
          }),
        ),
    });
    const { container } = render(<HandlerReportPage />);

    await press('派单');
    await press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请选择处理部门');

    fireEvent.click(await screen.findByRole('radio', { name: '浏阳市市政园林维护中心' }));
    fireEvent.change(screen.getByPlaceholderText('写给上报人或处理部门的说明'), {
      target: { value: '夜间车流大，请尽快' },
    });
    await press('确定');

    await waitFor(() => expect(sentTo('POST /reports/r1/dispatch')).toHaveLength(1));
    expect(
      new URL(sentTo('GET /departments')[0]?.url ?? '', 'http://x').searchParams.get('regionId'),
    ).toBe('region-liuyang');
    expect(taroFake.modals[0]?.content).toBe('确认派给「浏阳市市政园林维护中心」处理？');
    expect(bodyOf(sentTo('POST /reports/r1/dispatch')[0])).toEqual({
      departmentId: 'd-1',
      note: '夜间车流大，请尽快',
    });
    await waitFor(() =>
      expect(container.querySelector('.report-status')?.textContent).toBe('处理中'),
    );
  });

  it('resolves with a note and a photo of the repair', async () => {
    decidedOnDevice('photos');
    taroFake.chooseMediaHandler = () =>
      Promise.resolve({ tempFiles: [{ tempFilePath: 'wxfile://tmp/fixed', size: 10 }] });
    taroFake.uploadHandler = () =>
      Promise.resolve({ statusCode: 201, data: JSON.stringify(media('m-fixed')) });
    serve({
      'GET /reports/r1': () => ok(asHandlerSees('dispatched')),
      'POST /reports/r1/resolve': () => ok(asHandlerSees('resolved')),
    });
    render(<HandlerReportPage />);

    await press('办结');
    await press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请填写处理结果');

    fireEvent.change(screen.getByPlaceholderText('说明处理情况，如 护栏已扶正加固（必填）'), {
      target: { value: '护栏已扶正加固' },
    });
    await press('添加照片');
    await waitFor(() => expect(taroFake.uploads).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText(/上传中/)).toBeNull());
    await press('确定');

    await waitFor(() => expect(sentTo('POST /reports/r1/resolve')).toHaveLength(1));
    expect(bodyOf(sentTo('POST /reports/r1/resolve')[0])).toEqual({
      note: '护栏已扶正加固',
      mediaIds: ['m-fixed'],
    });
    expect(await screen.findByText('这条报事当前无需处理')).not.toBeNull();
  });

  it('rejects only with a reason', async () => {
    serve({
      'GET /reports/r1': () => ok(asHandlerSees('submitted')),
      'POST /reports/r1/reject': () => ok(asHandlerSees('rejected')),
    });
    render(<HandlerReportPage />);

    await press('驳回');
    await press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请填写驳回原因');
    fireEvent.change(screen.getByPlaceholderText('说明不予采纳的原因，上报人会看到（必填）'), {
      target: { value: '现场核实护栏完好' },
    });
    await press('确定');

    await waitFor(() => expect(sentTo('POST /reports/r1/reject')).toHaveLength(1));
    expect(bodyOf(sentTo('POST /reports/r1/reject')[0])).toEqual({ reason: '现场核实护栏完好' });
    expect(taroFake.modals[0]?.content).toBe('确认驳回？上报人不会获得积分。');
  });

  it('marks it a duplicate of a report picked among the possible duplicates', async () => {
    serve({
      'GET /reports/r1': () => ok(asHandlerSees('submitted')),
      'POST /reports/r1/duplicate': () => ok(asHandlerSees('duplicate', { duplicateOfId: 'd1' })),
    });
    render(<HandlerReportPage />);

    await press('标记重复');
    await press('确定');
    expect(screen.getByRole('alert').textContent).toBe('请选择相同的报事');
    fireEvent.click(screen.getByRole('radio', { name: '已受理 · 风光桥北头' }));
    await press('确定');

    await waitFor(() => expect(sentTo('POST /reports/r1/duplicate')).toHaveLength(1));
    expect(bodyOf(sentTo('POST /reports/r1/duplicate')[0])).toEqual({ duplicateOfId: 'd1' });
    expect(await screen.findByText('已合并到相同的事件，处理结果以该事件为准')).not.toBeNull();
  });

  it('explains a step someone else made impossible, in Chinese, and reloads the report', async () => {
    let gets = 0;
    serve({
      'GET /reports/r1': () => {
        gets += 1;
        return ok(gets === 1 ? asHandlerSees('submitted') : asHandlerSees('accepted'));
      },
      'POST /reports/r1/accept': () => fail(409, ErrorCode.REPORT_BAD_TRANSITION),
    });
    const { container } = render(<HandlerReportPage />);

    await press('受理');

    await waitFor(() => expect(taroFake.modals).toHaveLength(2));
    expect(taroFake.modals[1]).toMatchObject({
      title: '该事件当前状态不允许此操作',
      content: '这条报事的状态已经变化（可能已被其他人处理），已为你刷新。',
      showCancel: false,
    });
    await waitFor(() => expect(buttonsShown(container)).toContain('派单'));
    expect(gets).toBe(2);
    expect(document.body.textContent).not.toContain('REPORT_BAD_TRANSITION');
  });

  it('keeps the form open with the reason when another refusal comes', async () => {
    serve({
      'GET /reports/r1': () => ok(asHandlerSees('submitted')),
      'POST /reports/r1/reject': () => fail(403, ErrorCode.FORBIDDEN),
    });
    render(<HandlerReportPage />);

    await press('驳回');
    fireEvent.change(screen.getByPlaceholderText('说明不予采纳的原因，上报人会看到（必填）'), {
      target: { value: '不是本辖区' },
    });
    await press('确定');

    expect(await screen.findByText('你没有权限进行此操作')).not.toBeNull();
    expect(screen.getByPlaceholderText('说明不予采纳的原因，上报人会看到（必填）')).not.toBeNull();
  });
});
