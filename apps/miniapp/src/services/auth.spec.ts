import { ErrorCode } from '@yizhan/contracts';
import {
  authResponse,
  bodyOf,
  fail,
  meResponse,
  noContent,
  ok,
  sentTo,
  serveRoutes,
} from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { ApiError } from './api-error';
import {
  installTokenRefresher,
  loginWithPassword,
  loginWithSms,
  loginWithWechat,
  logout,
  sendSmsCode,
} from './auth';
import { request, setTokenRefresher } from './request';
import { session } from './session';

const authorization = (option: Taro.request.Option | undefined) =>
  (option?.header as Record<string, string> | undefined)?.Authorization;

describe('auth', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
  });

  it('signs in with the SMS code and stores the pair and the user', async () => {
    const user = meResponse({ nickname: '小张' });
    serveRoutes({ 'POST /auth/sms/login': () => ok(authResponse(user)) });

    await expect(loginWithSms('13800138000', '123456')).resolves.toEqual(user);

    expect(bodyOf(sentTo('POST /auth/sms/login')[0])).toEqual({
      phone: '13800138000',
      code: '123456',
    });
    expect(session.get()).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-token-0000000001',
    });
    expect(session.getSnapshot()).toEqual({ signedIn: true, user });
  });

  it('sends the WeChat code and the SMS request without any stored token', async () => {
    session.set({ accessToken: 'someone-else', refreshToken: 'r' });
    serveRoutes({
      'POST /auth/wechat': () => ok(authResponse()),
      'POST /auth/sms/send': () => ok({ expiresInSeconds: 300, resendAfterSeconds: 60 }),
    });

    await expect(sendSmsCode('13800138000')).resolves.toEqual({
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    });
    await loginWithWechat('wx-code');

    expect(bodyOf(sentTo('POST /auth/wechat')[0])).toEqual({ code: 'wx-code' });
    expect(taroFake.requests.map(authorization)).toEqual([undefined, undefined]);
  });

  it('throws a wrong password as UNAUTHENTICATED without refreshing or touching the session', async () => {
    installTokenRefresher();
    session.set({ accessToken: 'a', refreshToken: 'kept-refresh-token-123' });
    serveRoutes({ 'POST /auth/login': () => fail(401, ErrorCode.UNAUTHENTICATED) });

    await expect(loginWithPassword('handler@hanyang', 'wrong')).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });

    expect(sentTo('POST /auth/refresh')).toHaveLength(0);
    expect(session.get()?.refreshToken).toBe('kept-refresh-token-123');
  });

  it('refreshes an expired access token with POST /auth/refresh and keeps the user current', async () => {
    installTokenRefresher();
    session.signIn({ accessToken: 'expired', refreshToken: 'refresh-old-000000000' }, meResponse());
    serveRoutes({
      'GET /me': (option) =>
        authorization(option) === 'Bearer fresh' ? ok(meResponse()) : fail(401, 'UNAUTHENTICATED'),
      'POST /auth/refresh': () =>
        ok(
          authResponse(meResponse({ nickname: '新昵称' }), {
            accessToken: 'fresh',
            refreshToken: 'refresh-new-000000000',
          }),
        ),
    });

    await expect(request('/me')).resolves.toEqual(meResponse());

    expect(bodyOf(sentTo('POST /auth/refresh')[0])).toEqual({
      refreshToken: 'refresh-old-000000000',
    });
    expect(session.get()).toEqual({ accessToken: 'fresh', refreshToken: 'refresh-new-000000000' });
    expect(session.getSnapshot().user?.nickname).toBe('新昵称');
  });

  it('signs out the session store when the refresh token is dead', async () => {
    installTokenRefresher();
    session.signIn({ accessToken: 'expired', refreshToken: 'refresh-dead-00000000' }, meResponse());
    const listener = jest.fn();
    session.subscribe(listener);
    serveRoutes({
      'GET /me': () => fail(401, 'UNAUTHENTICATED'),
      'POST /auth/refresh': () => fail(401, 'UNAUTHENTICATED'),
    });

    await expect(request('/me')).rejects.toBeInstanceOf(ApiError);

    expect(session.getSnapshot()).toEqual({ signedIn: false, user: null });
    expect(listener).toHaveBeenCalled();
  });

  it('keeps the session when the refresh endpoint is unreachable', async () => {
    installTokenRefresher();
    const user = meResponse();
    session.signIn({ accessToken: 'expired', refreshToken: 'refresh-live-00000000' }, user);
    serveRoutes({
      'GET /me': () => fail(401, 'UNAUTHENTICATED'),
      'POST /auth/refresh': () => Promise.reject({ errMsg: 'request:fail timeout' }),
    });

    await expect(request('/me')).rejects.toMatchObject({ code: ErrorCode.UNAUTHENTICATED });

    expect(session.getSnapshot()).toEqual({ signedIn: true, user });
  });

  it('logs out with the refresh token and forgets the session', async () => {
    session.signIn({ accessToken: 'a', refreshToken: 'refresh-out-000000000' }, meResponse());
    serveRoutes({ 'POST /auth/logout': () => noContent() });

    await logout();

    expect(bodyOf(sentTo('POST /auth/logout')[0])).toEqual({
      refreshToken: 'refresh-out-000000000',
    });
    expect(authorization(sentTo('POST /auth/logout')[0])).toBe('Bearer a');
    expect(session.getSnapshot()).toEqual({ signedIn: false, user: null });
  });

  it('signs out locally even when the server cannot be reached', async () => {
    session.signIn({ accessToken: 'a', refreshToken: 'refresh-out-000000000' }, meResponse());
    taroFake.requestHandler = () => Promise.reject({ errMsg: 'request:fail' });

    await expect(logout()).resolves.toBeUndefined();

    expect(session.get()).toBeNull();
  });
});
