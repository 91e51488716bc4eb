import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { ActorThrottlerGuard } from '../../src/common/throttling/actor-throttler.guard';
import { FREE_FAILED_LOGINS } from '../../src/modules/auth/accounts.service';
import { createUser, sessionFor, TEST_PASSWORD, uniquePhone } from '../support/accounts';
import { createRegion } from '../support/factories';
import { api, ApiResponse, nextIp, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

/** Per-minute limits of the auth routes (auth.controller.ts) and of POST /staff. */
const LOGIN_LIMIT = 10;
const SMS_SEND_LIMIT = 5;
const STAFF_CREATE_LIMIT = 30;

/** A database index of the shared Redis that only this suite writes to. */
const REDIS_URL = 'redis://127.0.0.1:6379/5';

function retryAfterOf(response: ApiResponse<unknown>): number {
  return Number(response.headers['retry-after']);
}

function expectRateLimited(response: ApiResponse<unknown>, maxSeconds: number): void {
  expect(outcome(response)).toEqual([429, 'RATE_LIMITED']);
  expect(retryAfterOf(response)).toBeGreaterThan(0);
  expect(retryAfterOf(response)).toBeLessThanOrEqual(maxSeconds);
}

const badLogin = (app: NestFastifyApplication, ip: string) =>
  api(app, {
    method: 'POST',
    path: '/auth/login',
    body: { username: 'nobody-here', password: 'not-the-password' },
    ip,
  });

describe(`${ActorThrottlerGuard.name} and account lockout (integration)`, () => {
  const ctx = useTestApp();

  afterEach(() => ctx.restoreNow());

  it(`answers login number ${LOGIN_LIMIT + 1} from one address within a minute with 429 and Retry-After`, async () => {
    const flooder = nextIp();

    for (let attempt = 0; attempt < LOGIN_LIMIT; attempt += 1) {
      expect(outcome(await badLogin(ctx.app, flooder))).toEqual([401, 'UNAUTHENTICATED']);
    }
    const refused = await badLogin(ctx.app, flooder);
    const neighbour = await badLogin(ctx.app, nextIp());

    expectRateLimited(refused, 60);
    expect(outcome(neighbour)).toEqual([401, 'UNAUTHENTICATED']);
  });

  it(`answers SMS request number ${SMS_SEND_LIMIT + 1} from one address with 429 and Retry-After`, async () => {
    const flooder = nextIp();
    const send = (ip: string) =>
      api(ctx.app, {
        method: 'POST',
        path: '/auth/sms/send',
        body: { phone: uniquePhone() },
        ip,
      });

    for (let attempt = 0; attempt < SMS_SEND_LIMIT; attempt += 1) {
      expect((await send(flooder)).status).toBe(200);
    }
    const refused = await send(flooder);
    const neighbour = await send(nextIp());

    expectRateLimited(refused, 60);
    expect(neighbour.status).toBe(200);
  });

  it('counts signed-in callers per account: two admins behind one address do not share a limit', async () => {
    const region = await createRegion(ctx.dataSource, { level: 'district' });
    const [first, second] = await Promise.all([
      createUser(ctx.app, { grants: [{ role: 'district_admin', region }] }),
      createUser(ctx.app, { grants: [{ role: 'district_admin', region }] }),
    ]);
    const [firstToken, secondToken] = [
      (await sessionFor(ctx.app, first)).accessToken,
      (await sessionFor(ctx.app, second)).accessToken,
    ];
    const sharedIp = nextIp();
    // Invalid bodies: the limit counts requests before validation, and nothing gets hashed.
    const create = (token: string) =>
      api(ctx.app, { method: 'POST', path: '/staff', token, body: {}, ip: sharedIp });

    for (let attempt = 0; attempt < STAFF_CREATE_LIMIT; attempt += 1) {
      expect((await create(firstToken)).status).toBe(400);
    }
    const refused = await create(firstToken);
    const colleague = await create(secondToken);

    expectRateLimited(refused, 60);
    expect(outcome(colleague)).toEqual([400, 'VALIDATION_FAILED']);
  });

  it(`locks an account after ${FREE_FAILED_LOGINS} wrong passwords: the right one gets 429 until the lock ends`, async () => {
    const region = await createRegion(ctx.dataSource, { level: 'district' });
    const { username } = await createUser(ctx.app, { grants: [{ role: 'handler', region }] });
    // A new address each time, so the per-address limit is not what trips.
    const login = (password: string) =>
      api(ctx.app, { method: 'POST', path: '/auth/login', body: { username, password } });

    for (let attempt = 0; attempt < FREE_FAILED_LOGINS; attempt += 1) {
      expect(outcome(await login('wrong-password-123'))).toEqual([401, 'UNAUTHENTICATED']);
    }
    const locked = await login(TEST_PASSWORD);

    expectRateLimited(locked, 60);
    ctx.setNow(new Date(Date.now() + 61_000));
    expect((await login(TEST_PASSWORD)).status).toBe(200);
  });

  it('does not lock an account that signs in correctly between mistakes', async () => {
    const region = await createRegion(ctx.dataSource, { level: 'district' });
    const { username } = await createUser(ctx.app, { grants: [{ role: 'handler', region }] });
    const login = (password: string) =>
      api(ctx.app, { method: 'POST', path: '/auth/login', body: { username, password } });

    for (let attempt = 0; attempt < FREE_FAILED_LOGINS - 1; attempt += 1) {
      await login('wrong-password-123');
    }
    expect((await login(TEST_PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < FREE_FAILED_LOGINS - 1; attempt += 1) {
      await login('wrong-password-123');
    }

    expect((await login(TEST_PASSWORD)).status).toBe(200);
  });
});

describe('rate limits shared through Redis by two API instances (integration)', () => {
  const ctx = useTestApp();
  const flooder = nextIp();
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { lazyConnect: true });
  });

  afterAll(async () => {
    // The throttler's own key for this route and address (generateKey + Redis storage).
    const key = createHash('sha256')
      .update(`AuthController-login-default-ip:${flooder}`)
      .digest('hex');
    await redis.del(`{${key}:default}:hits`, `{${key}:default}:blocked`);
    redis.disconnect();
  });

  it('counts logins from one address across instances', async () => {
    const first = await ctx.bootAnother({ REDIS_URL });
    const second = await ctx.bootAnother({ REDIS_URL });

    for (let attempt = 0; attempt < LOGIN_LIMIT; attempt += 1) {
      const instance = attempt % 2 === 0 ? first : second;
      expect(outcome(await badLogin(instance, flooder))).toEqual([401, 'UNAUTHENTICATED']);
    }

    expectRateLimited(await badLogin(first, flooder), 60);
    expectRateLimited(await badLogin(second, flooder), 60);
    // The instance without Redis counts alone, in memory.
    expect((await badLogin(ctx.app, flooder)).status).toBe(401);
  });
});
