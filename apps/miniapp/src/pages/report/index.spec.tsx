/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import { decidedOnDevice } from '../../../test/consent-fixtures';
import {
  bodyOf,
  consentRecord,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
  type RouteHandler,
} from '../../../test/factories';
import { category, media, possibleDuplicate, reportView } from '../../../test/report-factories';
import { restoreSession } from '../../../test/session-fixtures';
import { taroFake } from '../../../test/taro-fake';
import { setLocale } from '../../i18n';
import { reloadConsents } from '../../services/consent';
import { draft } from '../../../test/report-factories';
import { reportQueue, requestDraftEdit } from '../../services/report-queue';
import { setTokenRefresher } from '../../services/request';
import { session } from '../../services/session';
import ReportPage from './index';

const WORKER = { latitude: 28.155, longitude: 113.642, accuracy: 20 };

function serve(routes: Record<string, RouteHandler> = {}): void {
  serveRoutes({
    'GET /me': () => ok(meResponse()),
    'GET /report-categories': () => ok([category('road'), category('guardrail')]),
    'GET /reports/possible-duplicates': () => ok([]),
    'POST /reports': () => ok(reportView('r1'), 201),
    'POST /me/consents': () => ok(consentRecord(), 201),
    ...routes,
  });
}

const description = () =>
  screen.getByPlaceholderText(
    '说说发现了什么、具体在哪、有什么危险（必填）',
  ) as HTMLTextAreaElement;

/** Taps a button and lets what the tap starts (promises of Taro's fakes) settle inside act. */
async function press(name: string | RegExp): Promise<void> {
  const button = await screen.findByRole('button', { name });
  await act(async () => {
    fireEvent.click(button);
  });
}

async function fillIn(text = '风光桥中央隔离护栏倾斜'): Promise<void> {
  fireEvent.click(await screen.findByRole('radio', { name: '护栏/设施损坏' }));
  fireEvent.change(description(), { target: { value: text } });
}

function storedDrafts(): Array<{ clientRequestId: string; state: string }> {
  return (
    (
      taroFake.storage.get('yizhan.reportQueue') as
        { drafts: Array<{ clientRequestId: string; state: string }> } | undefined
    )?.drafts ?? []
  );
}

describe('ReportPage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    reportQueue.reload();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    restoreSession();
    decidedOnDevice('location');
    decidedOnDevice('photos');
    taroFake.locationHandler = () => Promise.resolve(WORKER);
    process.env.TARO_ENV = 'h5';
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('asks a signed-out worker to sign in', () => {
    session.clear();
    render(<ReportPage />);

    expect(screen.getByText('登录后随手报事')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(taroFake.navigations[0]?.url).toBe('/packages/account/pages/login/index');
  });

  it('locates, loads the categories of that place and shows the fix', async () => {
    serve();
    render(<ReportPage />);

    expect(await screen.findByRole('radio', { name: '护栏/设施损坏' })).not.toBeNull();
    expect(screen.getByText('已定位，精度约 20 米')).not.toBeNull();
    const asked = new URL(sentTo('GET /report-categories')[0]?.url ?? '', 'http://x');
    expect(Number(asked.searchParams.get('lat'))).toBeCloseTo(28.155, 2);
    expect(asked.searchParams.get('lng')).not.toBeNull();
  });

  it('shows an error with 重试 when the categories fail, then the grid', async () => {
    let calls = 0;
    serve({
      'GET /report-categories': () => {
        calls += 1;
        return calls === 1 ? fail(503, ErrorCode.SERVICE_UNAVAILABLE) : ok([category('road')]);
      },
    });
    render(<ReportPage />);

    expect(await screen.findByText('事件类别加载失败')).not.toBeNull();
    expect(screen.getByText('服务暂时不可用，请稍后再试')).not.toBeNull();
    await press('重试');
    expect(await screen.findByRole('radio', { name: '道路破损' })).not.toBeNull();
  });

  it('says so when no category is open at this place', async () => {
    serve({ 'GET /report-categories': () => ok([]) });
    render(<ReportPage />);

    expect(await screen.findByText('这里暂无可上报的类别')).not.toBeNull();
  });

  it('asks for the location consent first, and locates once agreed', async () => {
    taroFake.storage.delete('yizhan.consent.location');
    reloadConsents();
    serve();
    render(<ReportPage />);

    expect(await screen.findByText('位置信息授权')).not.toBeNull();
    expect(taroFake.locations).toHaveLength(0);
    await press('同意');

    expect(await screen.findByText('已定位，精度约 20 米')).not.toBeNull();
  });

  it('refuses to send an incomplete form and says what is missing', async () => {
    serve();
    render(<ReportPage />);
    await screen.findByRole('radio', { name: '护栏/设施损坏' });

    await press('提交上报');

    const alerts = screen.getAllByRole('alert').map((node) => node.textContent);
    expect(alerts).toEqual(['请选择事件类别', '请填写情况描述']);
    expect(sentTo('POST /reports')).toHaveLength(0);

    fireEvent.change(description(), { target: { value: '   ' } });
    await press('提交上报');
    expect(screen.getAllByRole('alert').map((node) => node.textContent)).toContain(
      '请填写情况描述',
    );
  });

  it('counts the description against its 500 characters', async () => {
    serve();
    render(<ReportPage />);
    await screen.findByRole('radio', { name: '道路破损' });

    expect(screen.getByText('0/500')).not.toBeNull();
    fireEvent.change(description(), { target: { value: '路面塌陷一个大坑' } });
    expect(screen.getByText('8/500')).not.toBeNull();
    expect(description().maxLength).toBe(500);
  });

  it('uploads each picked photo with its progress, retries a failed one, and files the report', async () => {
    // weapp: WeChat compresses (the fake names the result `<path>.compressed`).
    process.env.TARO_ENV = 'weapp';
    let uploads = 0;
    taroFake.chooseMediaHandler = () =>
      Promise.resolve({
        tempFiles: [
          { tempFilePath: 'wxfile://tmp/a', size: 10 },
          { tempFilePath: 'wxfile://tmp/b', size: 10 },
        ],
      });
    let releaseFirst: (percent: number) => void = () => undefined;
    let finishFirst: () => void = () => undefined;
    taroFake.uploadHandler = (option, progress) => {
      uploads += 1;
      if (option.filePath === 'wxfile://tmp/a.compressed' && uploads === 1) {
        return new Promise((resolve) => {
          releaseFirst = progress;
          finishFirst = () => resolve({ statusCode: 201, data: JSON.stringify(media('m-a')) });
        });
      }
      if (option.filePath === 'wxfile://tmp/b.compressed' && uploads === 2) {
        return Promise.resolve({
          statusCode: 413,
          data: JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'x' } }),
        });
      }
      return Promise.resolve({ statusCode: 201, data: JSON.stringify(media('m-b')) });
    };
    serve({
      'GET /notifications/settings': () =>
        ok({ reportStatusTemplateId: null, remainingWechatMessages: 0 }),
    });
    render(<ReportPage />);
    await fillIn();

    await press('添加照片');
    await waitFor(() => expect(uploads).toBe(2));
    act(() => releaseFirst(40));
    expect(await screen.findByText('上传中 40%')).not.toBeNull();
    expect(screen.getByRole('button', { name: '照片上传中…' })).toHaveProperty('disabled', true);
    expect(await screen.findByText('文件太大，请换一张小一点的')).not.toBeNull();

    act(() => finishFirst());
    await waitFor(() => expect(screen.queryByText('上传中 40%')).toBeNull());
    await press('提交上报');
    expect(screen.getByText('有照片上传失败，请重试或删除后再提交')).not.toBeNull();

    await press('重试');
    await waitFor(() => expect(screen.queryByText('上传失败')).toBeNull());
    await press('提交上报');

    expect(await screen.findByText('上报成功')).not.toBeNull();
    expect(taroFake.chosen[0]).toMatchObject({ count: 6, sizeType: ['compressed'] });
    expect(taroFake.compressed.map((option) => option.src)).toEqual([
      'wxfile://tmp/a',
      'wxfile://tmp/b',
    ]);
    expect(bodyOf(sentTo('POST /reports')[0])).toMatchObject({
      category: 'guardrail',
      description: '风光桥中央隔离护栏倾斜',
      mediaIds: ['m-a', 'm-b'],
    });
    expect(storedDrafts()).toEqual([]);

    await press('查看报事');
    expect(taroFake.navigations.at(-1)?.url).toBe('/packages/reports/pages/detail/index?id=r1');
  });

  it('asks for the photos consent before the picker first opens', async () => {
    taroFake.storage.delete('yizhan.consent.photos');
    reloadConsents();
    serve();
    render(<ReportPage />);
    await screen.findByRole('radio', { name: '道路破损' });

    await press('添加照片');

    expect(await screen.findByText('照片授权')).not.toBeNull();
    expect(taroFake.chosen).toHaveLength(0);
    await press('同意');
    await waitFor(() => expect(taroFake.chosen).toHaveLength(1));
  });

  it('shows possible duplicates before submitting, and files nothing when the worker cancels', async () => {
    serve({
      'GET /reports/possible-duplicates': () => ok([possibleDuplicate('d1')]),
    });
    render(<ReportPage />);
    await fillIn();
    await waitFor(() => expect(sentTo('GET /reports/possible-duplicates')).toHaveLength(1));

    await press('提交上报');

    expect(await screen.findByText('附近可能已有人上报')).not.toBeNull();
    expect(screen.getByText('浏阳河中路风光桥北')).not.toBeNull();
    expect(screen.getByText('已受理')).not.toBeNull();
    expect(screen.getByText(/相距 120 米/)).not.toBeNull();
    expect(screen.getByText(/另有 2 人上报/)).not.toBeNull();
    await press('不上报了');
    expect(screen.queryByText('附近可能已有人上报')).toBeNull();
    expect(sentTo('POST /reports')).toHaveLength(0);

    await press('提交上报');
    await press('仍要上报');
    expect(await screen.findByText('上报成功')).not.toBeNull();
    expect(sentTo('POST /reports')).toHaveLength(1);
  });

  it('keeps the report on the phone when there is no network, as 待发送', async () => {
    serve();
    render(<ReportPage />);
    await fillIn();
    taroFake.networkType = 'none';

    await press('提交上报');

    expect(await screen.findByText('已保存，待发送')).not.toBeNull();
    expect(screen.getByText(/联网后会自动发送/)).not.toBeNull();
    expect(sentTo('POST /reports')).toHaveLength(0);
    expect(storedDrafts()).toHaveLength(1);
    expect(storedDrafts()[0]?.state).toBe('pending');

    await press('查看我的报事');
    expect(taroFake.navigations.at(-1)?.url).toBe('/packages/reports/pages/mine/index');
  });

  it('keeps a report made offline right after a restart, before GET /me could answer', async () => {
    session.setUser(meResponse());
    session.reload(); // restarted: tokens and the remembered owner only
    taroFake.networkType = 'none';
    serve({ 'GET /me': () => Promise.reject({ errMsg: 'request:fail' }) });
    render(<ReportPage />);
    await fillIn();

    await press('提交上报');

    expect(await screen.findByText('已保存，待发送')).not.toBeNull();
    expect(reportQueue.draftsOf('user-1')).toHaveLength(1);
  });

  it('keeps the report when the answer is lost, to be sent again with the same id', async () => {
    serve({ 'POST /reports': () => Promise.reject({ errMsg: 'request:fail timeout' }) });
    render(<ReportPage />);
    await fillIn();

    await press('提交上报');

    expect(await screen.findByText('已保存，待发送')).not.toBeNull();
    const sentId = (bodyOf(sentTo('POST /reports')[0]) as { clientRequestId: string })
      .clientRequestId;
    expect(storedDrafts().map((item) => item.clientRequestId)).toEqual([sentId]);
  });

  it('keeps the form and says why when the API refuses it, storing nothing', async () => {
    serve({ 'POST /reports': () => fail(422, ErrorCode.REPORT_OUTSIDE_SERVICE_AREA) });
    render(<ReportPage />);
    await fillIn();

    await press('提交上报');

    expect(await screen.findByText('这个位置不在服务范围内，附近没有驿站受理')).not.toBeNull();
    expect(taroFake.toasts).toContain('这个位置不在服务范围内，附近没有驿站受理');
    expect(description().value).toBe('风光桥中央隔离护栏倾斜');
    expect(storedDrafts()).toEqual([]);

    // Fixed and sent again: the same clientRequestId.
    serve();
    await press('提交上报');
    await screen.findByText('上报成功');
    const ids = sentTo('POST /reports').map(
      (option) => (bodyOf(option) as { clientRequestId: string }).clientRequestId,
    );
    expect(ids[0]).toBe(ids[1]);
  });

  it('starts a fresh form with a new id after 继续上报', async () => {
    serve();
    render(<ReportPage />);
    await fillIn();
    await press('提交上报');
    await press('继续上报');

    expect(description().value).toBe('');
    await fillIn('又一处');
    await press('提交上报');
    await screen.findByText('上报成功');
    const ids = sentTo('POST /reports').map(
      (option) => (bodyOf(option) as { clientRequestId: string }).clientRequestId,
    );
    expect(new Set(ids).size).toBe(2);
  });

  it('opens a queued draft for editing and sends it under its own id', async () => {
    session.setUser(meResponse());
    await reportQueue.put(
      draft('8d7a0c1e-0d7e-4b9e-9a55-8f3c2e1b0a77', {
        state: 'failed',
        errorCode: ErrorCode.REPORT_CATEGORY_UNAVAILABLE,
        description: '井盖缺失',
        category: 'road',
        categoryName: '道路破损',
        categoryIcon: 'road',
      }),
    );
    requestDraftEdit('8d7a0c1e-0d7e-4b9e-9a55-8f3c2e1b0a77');
    serve();
    render(<ReportPage />);

    expect(await screen.findByText('正在修改一条待发送的报事，提交后发送')).not.toBeNull();
    expect(description().value).toBe('井盖缺失');
    await press('提交上报');

    await screen.findByText('上报成功');
    expect(bodyOf(sentTo('POST /reports')[0])).toMatchObject({
      clientRequestId: '8d7a0c1e-0d7e-4b9e-9a55-8f3c2e1b0a77',
      category: 'road',
    });
    expect(storedDrafts()).toEqual([]);
  });

  it('weapp: asks for WeChat progress messages on the submitting tap', async () => {
    process.env.TARO_ENV = 'weapp';
    serve({
      'GET /notifications/settings': () =>
        ok({ reportStatusTemplateId: 'tmpl-1', remainingWechatMessages: 0 }),
      'POST /notifications/subscriptions': () => ok({}, 201),
    });
    render(<ReportPage />);
    await fillIn();
    await waitFor(() => expect(sentTo('GET /reports/possible-duplicates')).toHaveLength(1));

    await press('提交上报');

    await screen.findByText('上报成功');
    expect(taroFake.subscribeRequests).toEqual([['tmpl-1']]);
    await waitFor(() => expect(sentTo('POST /notifications/subscriptions')).toHaveLength(1));
  });

  it('weapp: takes the place and address picked on the map', async () => {
    process.env.TARO_ENV = 'weapp';
    taroFake.chooseLocationHandler = () =>
      Promise.resolve({
        name: '风光桥',
        address: '浏阳市浏阳河中路',
        latitude: 28.151,
        longitude: 113.631,
      });
    serve({
      'GET /notifications/settings': () =>
        ok({ reportStatusTemplateId: null, remainingWechatMessages: 0 }),
    });
    render(<ReportPage />);
    await fillIn();

    await press('在地图上选择');

    expect(await screen.findByText('已在地图上选定位置')).not.toBeNull();
    await press('提交上报');
    await screen.findByText('上报成功');
    expect(bodyOf(sentTo('POST /reports')[0])).toMatchObject({
      lat: 28.151,
      lng: 113.631,
      address: '浏阳市浏阳河中路 风光桥',
    });
  });
});
