import { ErrorEnvelope } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { uniquePhone } from './support/accounts';
import { api } from './support/http';
import { useTestApp } from './support/test-app';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  context?: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  err?: { message: string; stack: string };
  responseTime?: number;
}

const INFO = 30;
const WARN = 40;
const ERROR = 50;

/**
 * What the API logs about the requests it serves, read from the root logger's destination:
 * Fastify's request lines, and the lines the Nest side writes while a request is served, which
 * must carry that request's id (`reqId`) — also after a body was read from the socket.
 */
describe('request logging (LOG_LEVEL=debug)', () => {
  const lines: LogLine[] = [];
  const ctx = useTestApp({
    env: () => ({ LOG_LEVEL: 'debug' }),
    logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  const linesOf = (requestId: string) => lines.filter((line) => line.reqId === requestId);

  it('writes one "request completed" line per request, with its id, route and status', async () => {
    const ok = await api(ctx.app, { path: '/regions', headers: { 'x-request-id': 'log-ok-1' } });
    const missing = await api(ctx.app, {
      path: '/nowhere',
      headers: { 'x-request-id': 'log-404-1' },
    });

    expect([ok.status, missing.status]).toEqual([200, 404]);
    expect(linesOf('log-ok-1')).toEqual([
      expect.objectContaining({
        level: INFO,
        msg: 'request completed',
        req: expect.objectContaining({ id: 'log-ok-1', method: 'GET', url: '/api/v1/regions' }),
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    expect(linesOf('log-404-1')).toEqual([
      expect.objectContaining({ level: INFO, res: { statusCode: 404 } }),
    ]);
  });

  it('writes no request line for the probes', async () => {
    await ctx.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'probe-1' } });
    await ctx.app.inject({ method: 'GET', url: '/ready', headers: { 'x-request-id': 'probe-2' } });

    expect([...linesOf('probe-1'), ...linesOf('probe-2')]).toEqual([]);
  });

  it('never writes the bearer token of a request', async () => {
    const token = 'not.a-valid.token-secret-42';
    const refused = await api(ctx.app, { path: '/me', token });

    expect(refused.status).toBe(401);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it('gives a service line written while serving a JSON body the request id', async () => {
    const sent = await api(ctx.app, {
      method: 'POST',
      path: '/auth/sms/send',
      body: { phone: uniquePhone() },
      headers: { 'x-request-id': 'log-sms-1' },
    });

    expect(sent.status).toBe(200);
    expect(linesOf('log-sms-1').map((line) => [line.level, line.msg])).toEqual([
      [WARN, 'Development SMS sender: login code (not sent to a phone)'],
      [INFO, 'request completed'],
    ]);
  });

  // Last: it closes the database.
  it('logs an unexpected 500 with its request id: the error with its stack, then "request errored"', async () => {
    await ctx.app.get(DataSource).destroy();

    const failed = await api<ErrorEnvelope>(ctx.app, {
      method: 'POST',
      path: '/auth/sms/send',
      body: { phone: uniquePhone() },
      headers: { 'x-request-id': 'log-500-1' },
    });

    expect(failed.status).toBe(500);
    expect(failed.body.error.requestId).toBe('log-500-1');
    const [unhandled, errored] = linesOf('log-500-1');
    expect(unhandled).toMatchObject({
      level: ERROR,
      context: 'ApiExceptionFilter',
      msg: 'Unhandled error while serving a request',
      err: { stack: expect.any(String) },
    });
    expect(errored).toMatchObject({
      level: ERROR,
      msg: 'request errored',
      res: { statusCode: 500 },
      req: { id: 'log-500-1', method: 'POST', url: '/api/v1/auth/sms/send' },
    });
  });
});
