/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ErrorCode, type MeResponse } from '@yizhan/contracts';
import {
  bodyOf,
  consentRecord,
  fail,
  meResponse,
  noContent,
  ok,
  sentTo,
  serveRoutes,
} from '../../../test/factories';
import { taroFake } from '../../../test/taro-fake';
import { setLocale } from '../../i18n';
import { PagePath } from '../../routes';
import { installTokenRefresher } from '../../services/auth';
import { consentState, decideConsent, reloadConsents } from '../../services/consent';
import { reportQueue } from '../../services/report-queue';
import { draft } from '../../../test/report-factories';
import { setTokenRefresher } from '../../services/request';
import { session } from '../../services/session';
import MePage from './index';

const TOKENS = { accessToken: 'access-1', refreshToken: 'refresh-token-0000000001' };

/** Signed in after a restart: tokens stored, profile not loaded yet. */
function restoreSession(): void {
  taroFake.storage.set('yizhan.session', TOKENS);
  session.reload();
}

function serveMe(user: MeResponse, extra: Parameters<typeof serveRoutes>[0] = {}): void {
  serveRoutes({ 'GET /me': () => ok(user), ...extra });
}

describe('MePage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
    reportQueue.reload();
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
    jest.restoreAllMocks();
  });

  it('asks a signed-out visitor to log in and opens the login page', () => {
    render(<MePage />);

    expect(screen.getByText('登录驿站')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: PagePath.login }]);
    expect(taroFake.requests).toHaveLength(0);
  });

  it('lets a signed-out visitor withdraw a consent given on this device', async () => {
    await decideConsent('location', true);
    render(<MePage />);
    const location = screen.getByRole('switch', { name: '位置信息' });
    expect((location as HTMLInputElement).checked).toBe(true);

    fireEvent.click(location);

    await waitFor(() => expect(taroFake.toasts).toContain('已撤回授权'));
    expect(consentState('location')).toBe('refused');
    expect(taroFake.requests).toHaveLength(0);
  });

  it('shows placeholders while the profile loads, then the profile with Chinese labels', async () => {
    restoreSession();
    serveMe(
      meResponse({
        occupation: 'sanitation',
        platform: null,
        roles: [{ role: 'worker' }, { role: 'station_manager', stationId: 's1' }],
      }),
    );
    const { container } = render(<MePage />);

    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();

    const card = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.profile-card');
      if (!found) throw new Error('no profile yet');
      return found;
    });
    const text = within(card);
    expect(text.getByText('小李')).not.toBeNull();
    expect(text.getByText('环卫工人')).not.toBeNull();
    expect(text.getByText('未填写')).not.toBeNull();
    expect(text.getByText('13800138000')).not.toBeNull();
    expect(text.getByText('户外劳动者')).not.toBeNull();
    expect(text.getByText('站长')).not.toBeNull();
  });

  it('shows an error with 重试 when the first load fails, and recovers', async () => {
    restoreSession();
    serveRoutes({ 'GET /me': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });
    render(<MePage />);

    expect(await screen.findByText('个人信息加载失败')).not.toBeNull();
    expect(screen.getByText('服务暂时不可用，请稍后再试')).not.toBeNull();

    serveMe(meResponse());
    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByText('小李')).not.toBeNull();
  });

  it('turns to the signed-out prompt when the refresh token turns out to be dead', async () => {
    installTokenRefresher();
    restoreSession();
    serveRoutes({
      'GET /me': () => fail(401, ErrorCode.UNAUTHENTICATED),
      'POST /auth/refresh': () => fail(401, ErrorCode.UNAUTHENTICATED),
    });
    render(<MePage />);

    expect(await screen.findByText('登录驿站')).not.toBeNull();
    expect(sentTo('POST /auth/refresh')).toHaveLength(1);
  });

  it('opens the profile editor', async () => {
    restoreSession();
    serveMe(meResponse());
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '编辑资料' }));

    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: PagePath.editProfile }]);
  });

  it.each([
    ['merchant_staff', { role: 'merchant_staff' as const, merchantId: 'm1' }],
    ['station_manager', { role: 'station_manager' as const, stationId: 's1' }],
  ])('offers the merchant counter to a %s', async (_, grant) => {
    restoreSession();
    serveMe(meResponse({ roles: [grant] }));
    render(<MePage />);

    fireEvent.click(await screen.findByText('商户核销'));

    expect(taroFake.navigations).toEqual([{ kind: 'navigateTo', url: PagePath.merchantWorkspace }]);
  });

  it("leads a station manager to their station's management", async () => {
    restoreSession();
    serveMe(meResponse({ roles: [{ role: 'station_manager', stationId: 's1' }] }));
    render(<MePage />);

    fireEvent.click(await screen.findByText('驿站管理'));

    expect(taroFake.navigations).toEqual([
      { kind: 'navigateTo', url: `${PagePath.stationAdmin}?id=s1` },
    ]);
  });

  it('does not offer the merchant counter to a worker', async () => {
    restoreSession();
    serveMe(meResponse({ roles: [{ role: 'worker' }] }));
    render(<MePage />);

    await screen.findByText('小李');
    expect(screen.queryByText('商户核销')).toBeNull();
    expect(screen.queryByText('驿站管理')).toBeNull();
  });

  it('grants and withdraws a consent with its switch', async () => {
    restoreSession();
    serveMe(meResponse({ consents: [] }), {
      'POST /me/consents': () => ok(consentRecord({ kind: 'photos' }), 201),
      'DELETE /me/consents/photos': () => noContent(),
    });
    render(<MePage />);
    const photos = await screen.findByRole('switch', { name: '照片' });
    expect((photos as HTMLInputElement).checked).toBe(false);

    fireEvent.click(photos);
    await waitFor(() => expect(sentTo('POST /me/consents')).toHaveLength(1));
    expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({ kind: 'photos', version: '2026-11' });
    await waitFor(() => expect(taroFake.toasts).toContain('已同意'));
    expect((screen.getByRole('switch', { name: '照片' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('switch', { name: '照片' }));
    await waitFor(() => expect(sentTo('DELETE /me/consents/photos')).toHaveLength(1));
    await waitFor(() => expect(taroFake.toasts).toContain('已撤回授权'));
  });

  it('copies the export to the clipboard in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    restoreSession();
    const exported = { exportedAt: 'now', profile: meResponse(), consents: [], sessions: [] };
    serveMe(meResponse(), { 'GET /me/export': () => ok(exported) });
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出我的数据' }));

    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    expect(JSON.parse(taroFake.clipboard[0] ?? '')).toEqual(exported);
    expect(taroFake.modals[0]?.title).toBe('已复制到剪贴板');
  });

  it('downloads the export as a JSON file on H5', async () => {
    process.env.TARO_ENV = 'h5';
    restoreSession();
    serveMe(meResponse(), {
      'GET /me/export': () => ok({ exportedAt: 'now', profile: meResponse() }),
    });
    const createObjectURL = jest.fn((blob: Blob) => `blob:${blob.size}`);
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出我的数据' }));

    await waitFor(() => expect(taroFake.toasts).toContain('已开始下载'));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatch(/^yizhan-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('explains what deletion erases and keeps, and does nothing when cancelled', async () => {
    restoreSession();
    serveMe(meResponse(), { 'DELETE /me': () => noContent() });
    taroFake.modalHandler = () => Promise.resolve({ confirm: false });
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '注销账号' }));

    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    const content = taroFake.modals[0]?.content ?? '';
    expect(content).toContain('个人资料');
    expect(content).toContain('积分流水会匿名保留');
    expect(sentTo('DELETE /me')).toHaveLength(0);
    expect(session.getSnapshot().signedIn).toBe(true);
  });

  it('deletes the account once confirmed and shows the signed-out prompt', async () => {
    restoreSession();
    serveMe(meResponse(), { 'DELETE /me': () => noContent() });
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '注销账号' }));

    expect(await screen.findByText('登录驿站')).not.toBeNull();
    expect(sentTo('DELETE /me')).toHaveLength(1);
    expect(taroFake.toasts).toContain('账号已注销');
    expect(taroFake.storage.has('yizhan.session')).toBe(false);
  });

  it('keeps the account and says why when the deletion fails', async () => {
    restoreSession();
    serveMe(meResponse(), { 'DELETE /me': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '注销账号' }));

    await waitFor(() => expect(taroFake.toasts).toContain('服务暂时不可用，请稍后再试'));
    expect(screen.getByText('小李')).not.toBeNull();
  });

  it('logs out with POST /auth/logout and shows the signed-out prompt', async () => {
    restoreSession();
    serveMe(meResponse(), { 'POST /auth/logout': () => noContent() });
    render(<MePage />);

    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));

    expect(await screen.findByText('登录驿站')).not.toBeNull();
    expect(bodyOf(sentTo('POST /auth/logout')[0])).toEqual({
      refreshToken: TOKENS.refreshToken,
    });
  });

  it('leads to 我的报事 and 消息通知, with the unread count', async () => {
    restoreSession();
    serveMe(meResponse(), {
      'GET /notifications': () => ok({ items: [], nextCursor: null, unread: 3 }),
    });
    render(<MePage />);

    expect(await screen.findByText('3 条未读')).not.toBeNull();
    fireEvent.click(screen.getByText('我的报事'));
    fireEvent.click(screen.getByText('消息通知'));

    expect(taroFake.navigations).toEqual([
      { kind: 'navigateTo', url: PagePath.myReports },
      { kind: 'navigateTo', url: PagePath.notifications },
    ]);
  });

  it('counts the reports waiting on this phone', async () => {
    restoreSession();
    serveMe(meResponse());
    await reportQueue.put(draft('a'));
    await reportQueue.put(draft('b'));
    render(<MePage />);

    expect(await screen.findByText('2 条待发送')).not.toBeNull();
  });

  it('leads a handler to the report workspace, and not a worker', async () => {
    restoreSession();
    serveMe(meResponse({ roles: [{ role: 'handler', regionId: 'region-liuyang' }] }));
    render(<MePage />);

    fireEvent.click(await screen.findByText('报事处理'));
    expect(taroFake.navigations.at(-1)).toEqual({
      kind: 'navigateTo',
      url: PagePath.handlerQueue,
    });
  });

  it('warns that unsent reports leave with the user, and deletes them on sign-out', async () => {
    restoreSession();
    serveMe(meResponse(), { 'POST /auth/logout': () => noContent() });
    await reportQueue.put(draft('a'));
    await reportQueue.put(draft('theirs', { userId: 'user-2' }));
    render(<MePage />);
    await screen.findByText('1 条待发送');

    taroFake.modalHandler = () => Promise.resolve({ confirm: false });
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await waitFor(() => expect(taroFake.modals).toHaveLength(1));
    expect(taroFake.modals[0]?.content).toBe(
      '你有 1 条报事还没有发送，退出登录后会从这台手机上删除。',
    );
    expect(sentTo('POST /auth/logout')).toHaveLength(0);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '退出登录' })).toHaveProperty('disabled', false),
    );

    taroFake.modalHandler = () => Promise.resolve({ confirm: true });
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));

    expect(await screen.findByText('登录驿站')).not.toBeNull();
    expect(reportQueue.draftsOf('user-1')).toEqual([]);
    expect(reportQueue.draftsOf('user-2')).toHaveLength(1);
  });
});
