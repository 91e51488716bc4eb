/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ErrorCode } from '@yizhan/contracts';
import {
  authResponse,
  bodyOf,
  consentRecord,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
} from '../../../../../test/factories';
import { taroFake, type FakeResponse } from '../../../../../test/taro-fake';
import { setLocale } from '../../../../i18n';
import { PagePath } from '../../../../routes';
import { decideConsent, reloadConsents } from '../../../../services/consent';
import { setTokenRefresher } from '../../../../services/request';
import { session } from '../../../../services/session';
import LoginPage from './index';

const SENT = { expiresInSeconds: 300, resendAfterSeconds: 60 };

function type(placeholder: string, value: string): void {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
}

function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled;
}

function press(name: string): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('LoginPage', () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setTokenRefresher(null);
    setLocale('zh-CN', false);
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
    jest.useRealTimers();
  });

  describe('on H5 (phone and SMS code)', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
    });

    it('checks the phone number with the contract before asking for a code', () => {
      render(<LoginPage />);

      type('请输入手机号', '12345');
      press('获取验证码');

      expect(screen.getByRole('alert').textContent).toBe('请输入正确的 11 位手机号');
      expect(taroFake.requests).toHaveLength(0);
    });

    it('asks for a code and counts down from resendAfterSeconds', async () => {
      jest.useFakeTimers();
      serveRoutes({ 'POST /auth/sms/send': () => ok(SENT) });
      render(<LoginPage />);

      type('请输入手机号', '138 0013 8000');
      press('获取验证码');

      const countdown = await screen.findByRole('button', { name: '60 秒后重新获取' });
      expect(isDisabled(countdown)).toBe(true);
      expect(bodyOf(sentTo('POST /auth/sms/send')[0])).toEqual({ phone: '13800138000' });
      expect(taroFake.toasts).toContain('验证码已发送');

      act(() => jest.advanceTimersByTime(1000));
      expect(isDisabled(screen.getByRole('button', { name: '59 秒后重新获取' }))).toBe(true);

      act(() => jest.advanceTimersByTime(59_000));
      expect(isDisabled(screen.getByRole('button', { name: '重新获取' }))).toBe(false);
    });

    it('waits for Retry-After when codes were asked for too often', async () => {
      serveRoutes({
        'POST /auth/sms/send': () => fail(429, ErrorCode.RATE_LIMITED, { 'Retry-After': '37' }),
      });
      render(<LoginPage />);

      type('请输入手机号', '13800138000');
      press('获取验证码');

      expect((await screen.findByRole('alert')).textContent).toBe('获取验证码太频繁，请稍后再试');
      expect(isDisabled(screen.getByRole('button', { name: '37 秒后重新获取' }))).toBe(true);
    });

    it('refuses a code that is not 6 digits without calling the API', () => {
      render(<LoginPage />);

      type('请输入手机号', '13800138000');
      type('请输入6位验证码', '12a');
      press('登录');

      expect(screen.getByRole('alert').textContent).toBe('请输入短信中的 6 位数字验证码');
      expect(taroFake.requests).toHaveLength(0);
    });

    it('says the code is wrong on a 401 and stays signed out', async () => {
      serveRoutes({ 'POST /auth/sms/login': () => fail(401, ErrorCode.UNAUTHENTICATED) });
      render(<LoginPage />);

      type('请输入手机号', '13800138000');
      type('请输入6位验证码', '000000');
      press('登录');

      expect((await screen.findByRole('alert')).textContent).toBe('验证码错误或已过期，请重新获取');
      expect(session.getSnapshot().signedIn).toBe(false);
    });

    it('shows the loading state while signing in, then goes back to the page that asked', async () => {
      let answer: (response: FakeResponse) => void = () => undefined;
      serveRoutes({
        'POST /auth/sms/login': () =>
          new Promise<FakeResponse>((resolve) => {
            answer = resolve;
          }),
      });
      taroFake.pageStackDepth = 2;
      render(<LoginPage />);

      type('请输入手机号', '13800138000');
      type('请输入6位验证码', '123456');
      press('登录');

      await waitFor(() =>
        expect(screen.getByRole('button', { name: '登录' }).getAttribute('aria-busy')).toBe('true'),
      );
      act(() => answer({ statusCode: 200, data: authResponse() }));

      await waitFor(() => expect(taroFake.navigations).toEqual([{ kind: 'navigateBack' }]));
      expect(bodyOf(sentTo('POST /auth/sms/login')[0])).toEqual({
        phone: '13800138000',
        code: '123456',
      });
      expect(session.getSnapshot()).toMatchObject({ signedIn: true, user: meResponse() });
      expect(taroFake.toasts).toContain('登录成功');
    });

    it('opens the 我的 tab when the login page was opened directly', async () => {
      serveRoutes({ 'POST /auth/sms/login': () => ok(authResponse()) });
      render(<LoginPage />);

      type('请输入手机号', '13800138000');
      type('请输入6位验证码', '123456');
      press('登录');

      await waitFor(() =>
        expect(taroFake.navigations).toEqual([{ kind: 'switchTab', url: PagePath.me }]),
      );
    });

    it('records on the account the location consent given before signing in', async () => {
      await decideConsent('location', true);
      serveRoutes({
        'POST /auth/sms/login': () => ok(authResponse(meResponse({ consents: [] }))),
        'POST /me/consents': () => ok(consentRecord(), 201),
      });
      render(<LoginPage />);

      type('请输入手机号', '13800138000');
      type('请输入6位验证码', '123456');
      press('登录');

      await waitFor(() => expect(sentTo('POST /me/consents')).toHaveLength(1));
      expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({
        kind: 'location',
        version: '2026-11',
      });
    });
  });

  describe('in the mini-program (WeChat)', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('trades the Taro.login code for a session', async () => {
      taroFake.loginHandler = () => Promise.resolve({ code: 'wx-abc', errMsg: 'login:ok' });
      serveRoutes({ 'POST /auth/wechat': () => ok(authResponse()) });
      render(<LoginPage />);

      expect(screen.queryByPlaceholderText('请输入手机号')).toBeNull();
      press('微信一键登录');

      await waitFor(() => expect(session.getSnapshot().signedIn).toBe(true));
      expect(bodyOf(sentTo('POST /auth/wechat')[0])).toEqual({ code: 'wx-abc' });
    });

    it('explains a WeChat outage', async () => {
      serveRoutes({ 'POST /auth/wechat': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });
      render(<LoginPage />);

      press('微信一键登录');

      expect((await screen.findByRole('alert')).textContent).toBe('微信服务暂时不可用，请稍后再试');
    });

    it('says so when WeChat gives no login code', async () => {
      taroFake.loginHandler = () => Promise.reject({ errMsg: 'login:fail' });
      render(<LoginPage />);

      press('微信一键登录');

      expect((await screen.findByRole('alert')).textContent).toBe(
        '未能获取微信登录凭证，请稍后再试',
      );
      expect(taroFake.requests).toHaveLength(0);
    });
  });

  describe('staff sign-in', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('needs both fields before calling the API', () => {
      render(<LoginPage />);
      press('工作人员登录');

      press('登录');

      expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
        '请输入用户名',
        '请输入密码',
      ]);
      expect(taroFake.requests).toHaveLength(0);
    });

    it('signs in with a lower-cased username', async () => {
      serveRoutes({
        'POST /auth/login': () =>
          ok(
            authResponse(meResponse({ username: 'handler@hanyang', roles: [{ role: 'handler' }] })),
          ),
      });
      render(<LoginPage />);
      press('工作人员登录');

      type('请输入用户名', ' Handler@hanyang ');
      type('请输入密码', 'yizhan-demo');
      press('登录');

      await waitFor(() => expect(session.getSnapshot().signedIn).toBe(true));
      expect(bodyOf(sentTo('POST /auth/login')[0])).toEqual({
        username: 'handler@hanyang',
        password: 'yizhan-demo',
      });
    });

    it.each([
      [401, ErrorCode.UNAUTHENTICATED, '用户名或密码错误'],
      [429, ErrorCode.RATE_LIMITED, '登录失败次数过多，账号已暂时锁定，请稍后再试'],
      [0, 'NETWORK_ERROR', '网络不给力，请检查网络后重试'],
    ])('explains a %i %s in Chinese', async (status, code, message) => {
      taroFake.requestHandler = () =>
        status === 0 ? Promise.reject({ errMsg: 'request:fail' }) : fail(status, code);
      render(<LoginPage />);
      press('工作人员登录');

      type('请输入用户名', 'handler@hanyang');
      type('请输入密码', 'wrong-password');
      press('登录');

      expect((await screen.findByRole('alert')).textContent).toBe(message);
    });

    it('goes back to the WeChat button', () => {
      render(<LoginPage />);
      press('工作人员登录');

      press('返回微信登录');

      expect(screen.queryByRole('button', { name: '微信一键登录' })).not.toBeNull();
    });
  });
});
