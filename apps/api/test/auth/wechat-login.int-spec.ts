import { AuthResponse, MeExport } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { WechatIdentityEntity } from '../../src/modules/auth/wechat-identity.entity';
import { WechatClient } from '../../src/modules/auth/wechat/wechat.client';
import { UserEntity } from '../../src/modules/users/user.entity';
import { closedPortUrl, fakeWechat, useFakeServer } from '../support/fake-servers';
import { api, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

const APP_ID = 'wx-test-appid';
const APP_SECRET = 'wechat-app-secret-for-tests';

/** A login code as `wx.login` hands out: fresh each time, used once. */
const newCode = () => `code-${randomUUID()}`;
/** A session key shaped like WeChat's (24 base64 characters), unique per test. */
const newSessionKey = () => Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64');

describe('POST /auth/wechat (integration, fake jscode2session)', () => {
  const wechat = useFakeServer(fakeWechat());
  const ctx = useTestApp({
    env: () => ({ WECHAT_APPID: APP_ID, WECHAT_SECRET: APP_SECRET, WECHAT_API_BASE: wechat.url }),
  });

  const login = (code: string) =>
    api<AuthResponse>(ctx.app, { method: 'POST', path: '/auth/wechat', body: { code } });

  it('creates a worker on the first login and returns the same account on the next', async () => {
    const openId = `openid-${randomUUID()}`;
    const [firstCode, secondCode] = [newCode(), newCode()];
    const [firstKey, secondKey] = [newSessionKey(), newSessionKey()];
    wechat.answer(firstCode, { kind: 'session', openId, sessionKey: firstKey });
    wechat.answer(secondCode, { kind: 'session', openId, sessionKey: secondKey });

    const first = await login(firstCode);
    const second = await login(secondCode);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { id: expect.any(String), roles: [expect.objectContaining({ role: 'worker' })] },
    });
    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(await ctx.dataSource.getRepository(WechatIdentityEntity).countBy({ openId })).toBe(1);
    const me = await api(ctx.app, { path: '/me', token: second.body.accessToken });
    expect(me.status).toBe(200);
    for (const text of [first.text, second.text, me.text]) {
      expect(text).not.toContain(firstKey);
      expect(text).not.toContain(secondKey);
      expect(text).not.toContain('session_key');
      expect(text).not.toContain('sessionKey');
    }
  });

  it('asks jscode2session with appid, secret, js_code and grant_type', async () => {
    const code = newCode();
    wechat.answer(code, { kind: 'session', openId: `openid-${randomUUID()}`, sessionKey: 'k' });

    expect((await login(code)).status).toBe(200);

    const calls = wechat.callsFor(code);
    expect(calls).toHaveLength(1);
    expect(Object.fromEntries(calls[0])).toEqual({
      appid: APP_ID,
      secret: APP_SECRET,
      js_code: code,
      grant_type: 'authorization_code',
    });
  });

  it('keeps the session key only encrypted, and out of the export', async () => {
    const code = newCode();
    const openId = `openid-${randomUUID()}`;
    const sessionKey = newSessionKey();
    wechat.answer(code, { kind: 'session', openId, sessionKey });

    const { body } = await login(code);
    const exported = await api<MeExport>(ctx.app, {
      path: '/me/export',
      token: body.accessToken,
    });

    const identity = await ctx.dataSource
      .getRepository(WechatIdentityEntity)
      .findOneByOrFail({ openId });
    expect(identity.sessionKeyCipher).not.toContain(sessionKey);
    expect(identity.userId).toBe(body.user.id);
    expect(exported.status).toBe(200);
    expect(exported.body.wechat).toEqual({ openId, unionId: null });
    expect(exported.text).not.toContain(sessionKey);
  });

  it.each([
    [40029, 'invalid code'],
    [40163, 'code been used'],
    [45011, 'api minute-quota reach limit'],
  ])(
    'answers WeChat errcode %i with 401 UNAUTHENTICATED and creates nobody',
    async (errcode, errmsg) => {
      const code = newCode();
      wechat.answer(code, { kind: 'error', errcode, errmsg });
      const usersBefore = await ctx.dataSource.getRepository(UserEntity).count();

      const response = await login(code);

      expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
      expect(await ctx.dataSource.getRepository(UserEntity).count()).toBe(usersBefore);
    },
  );

  it.each<[string, { status: number; body: string; contentType?: string }]>([
    ['an HTML error page', { status: 200, body: '<html><body>502 Bad Gateway</body></html>' }],
    ['an HTTP 500', { status: 500, body: '{"errcode":-1,"errmsg":"system error"}' }],
    [
      'JSON cut off mid-body',
      { status: 200, body: '{"openid":"o-cut","session_key":"cut-off-ke', contentType: 'json' },
    ],
    ['JSON without openid', { status: 200, body: '{"session_key":"x"}', contentType: 'json' }],
  ])('answers %s from WeChat with 503 SERVICE_UNAVAILABLE', async (_what, raw) => {
    const code = newCode();
    wechat.answer(code, { kind: 'raw', ...raw });

    const response = await login(code);

    expect(outcome(response)).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(response.text).not.toContain('cut-off-ke');
  });

  it('answers 503 SERVICE_UNAVAILABLE when WeChat is slower than the client timeout', async () => {
    const client = ctx.app.get(WechatClient);
    const configured = client.timeoutMs;
    client.timeoutMs = 200;
    const code = newCode();
    wechat.answer(code, { kind: 'hang' });
    try {
      const response = await login(code);

      expect(outcome(response)).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(wechat.callsFor(code)).toHaveLength(1);
    } finally {
      client.timeoutMs = configured;
    }
  });

  it.each([
    ['no code', {}],
    ['an empty code', { code: '' }],
    ['an unknown field', { code: 'abc', openid: 'forged' }],
  ])('answers %s with 400 VALIDATION_FAILED without calling WeChat', async (_what, body) => {
    const callsBefore = wechat.requests.length;

    const response = await api(ctx.app, { method: 'POST', path: '/auth/wechat', body });

    expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
    expect(wechat.requests.length).toBe(callsBefore);
  });
});

describe('POST /auth/wechat with WeChat unreachable (integration)', () => {
  let apiBase = '';
  beforeAll(async () => {
    apiBase = await closedPortUrl();
  });
  const ctx = useTestApp({
    env: () => ({ WECHAT_APPID: APP_ID, WECHAT_SECRET: APP_SECRET, WECHAT_API_BASE: apiBase }),
  });

  it('answers 503 SERVICE_UNAVAILABLE when nothing listens at WECHAT_API_BASE', async () => {
    const response = await api(ctx.app, {
      method: 'POST',
      path: '/auth/wechat',
      body: { code: newCode() },
    });

    expect(outcome(response)).toEqual([503, 'SERVICE_UNAVAILABLE']);
  });
});
