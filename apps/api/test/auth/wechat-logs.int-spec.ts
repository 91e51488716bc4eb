import { API_PREFIX, AuthResponse } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { fakeWechat, useFakeServer } from '../support/fake-servers';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const APP_SECRET = `wechat-secret-${randomUUID()}`;

/**
 * The session key must not reach a log even at the most verbose level. This runs the real
 * process and reads what it prints (its log destination), so every logger in the stack —
 * request logging, the exception filter, the WeChat client — is covered.
 */
describe('WeChat login output of the API process (LOG_LEVEL=trace)', () => {
  const wechat = useFakeServer(fakeWechat());
  let database: TestDatabase;
  let server: ApiProcess;
  let output = '';
  const bodies: string[] = [];
  const sessionKeys: string[] = [];
  let accessToken = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startApiProcess({
      ...database.env,
      LOG_LEVEL: 'trace',
      WECHAT_APPID: 'wx-log-test',
      WECHAT_SECRET: APP_SECRET,
      WECHAT_API_BASE: wechat.url,
    });

    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${server.url}${API_PREFIX}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      bodies.push(text);
      return { status: response.status, text };
    };
    const scripted = (answer: Parameters<typeof wechat.answer>[1]) => {
      const code = `code-${randomUUID()}`;
      wechat.answer(code, answer);
      return call('POST', '/auth/wechat', { code });
    };
    const newKey = () => {
      const key = `SK${randomUUID().replace(/-/g, '')}`;
      sessionKeys.push(key);
      return key;
    };

    const openId = `openid-${randomUUID()}`;
    const first = await scripted({ kind: 'session', openId, sessionKey: newKey() });
    await scripted({ kind: 'session', openId, sessionKey: newKey() });
    await scripted({ kind: 'error', errcode: 40163, errmsg: 'code been used' });
    await scripted({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: `{"openid":"${openId}","session_key":"${newKey()}"`,
    });
    await scripted({
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ session_key: newKey() }),
    });
    accessToken = (JSON.parse(first.text) as AuthResponse).accessToken;
    await call('GET', '/me', undefined, accessToken);
    await call('GET', '/me/export', undefined, accessToken);

    // The log is complete once the process has exited (pino flushes on exit).
    expect(await server.stop()).toBe(0);
    output = server.output();
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('captured the log: the request lines and the refused code are in it', () => {
    expect(output).toContain('WeChat refused a login code');
    expect(output).toContain('"errcode":40163');
    expect(output).toContain('WeChat jscode2session unavailable');
    expect(output).toContain('WeChat jscode2session answered without openid/session_key');
    expect(output.match(/"msg":"request (completed|errored)"/g)).toHaveLength(7);
    expect(output).toContain(`"url":"${API_PREFIX}/auth/wechat"`);
  });

  it("writes the WeChat client's line with the id of the request it served", () => {
    const lines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; reqId?: string; req?: { id: string } });
    const refused = lines.find((line) => line.msg === 'WeChat refused a login code');

    expect(refused?.reqId).toEqual(expect.any(String));
    expect(lines.filter((line) => line.req?.id === refused?.reqId)).toEqual([
      expect.objectContaining({ reqId: refused?.reqId, msg: 'request completed' }),
    ]);
  });

  it('never writes a session key, the app secret or an access token to the log', () => {
    expect(sessionKeys).toHaveLength(4);
    for (const key of sessionKeys) expect(output).not.toContain(key);
    expect(output).not.toContain(APP_SECRET);
    expect(output).not.toContain(accessToken);
  });

  it('never sends a session key in a response', () => {
    expect(bodies).toHaveLength(7);
    for (const body of bodies) {
      for (const key of sessionKeys) expect(body).not.toContain(key);
      expect(body).not.toContain('session_key');
    }
  });
});
