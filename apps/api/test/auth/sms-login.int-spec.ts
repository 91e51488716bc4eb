import { AuthResponse, SmsSendResponse } from '@yizhan/contracts';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { SmsChallengeEntity } from '../../src/modules/auth/sms-challenge.entity';
import {
  SMS_CODE_TTL_SECONDS,
  SMS_MAX_ATTEMPTS,
  SmsLoginService,
} from '../../src/modules/auth/sms/sms-login.service';
import { UserEntity } from '../../src/modules/users/user.entity';
import { outboxCodes, uniquePhone } from '../support/accounts';
import { fakeSmsGateway, useFakeServer } from '../support/fake-servers';
import { api, ApiResponse, outcome } from '../support/http';
import { TestApp, useTestApp } from '../support/test-app';

/** A six-digit code that is not `code`. */
const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function smsClient(ctx: TestApp) {
  return {
    send: (phone: string) =>
      api<SmsSendResponse>(ctx.app, { method: 'POST', path: '/auth/sms/send', body: { phone } }),
    login: (phone: string, code: string) =>
      api<AuthResponse>(ctx.app, {
        method: 'POST',
        path: '/auth/sms/login',
        body: { phone, code },
      }),
    challengesOf: (phone: string) =>
      ctx.dataSource
        .getRepository(SmsChallengeEntity)
        .findBy({ phoneIndex: ctx.app.get(PiiCipher).index('phone', phone) }),
  };
}

function retryAfterOf(response: ApiResponse<unknown>): number {
  return Number(response.headers['retry-after']);
}

describe(`${SmsLoginService.name} with the development sender (integration)`, () => {
  const ctx = useTestApp();
  const sms = smsClient(ctx);
  const lastCode = (phone: string) => outboxCodes(ctx.database.dataDir, phone).pop() ?? '';

  afterEach(() => ctx.restoreNow());

  it('sends a code to the outbox, and the code signs a new worker in', async () => {
    const phone = uniquePhone();

    const sent = await sms.send(phone);
    const login = await sms.login(phone, lastCode(phone));

    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(lastCode(phone)).toMatch(/^\d{6}$/);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({
      phone,
      roles: [expect.objectContaining({ role: 'worker' })],
    });
    const me = await api(ctx.app, { path: '/me', token: login.body.accessToken });
    expect(me.body).toMatchObject({ id: login.body.user.id, phone });
  });

  it('signs the same phone into the same account next time', async () => {
    const phone = uniquePhone();
    await sms.send(phone);
    const first = await sms.login(phone, lastCode(phone));
    ctx.setNow(new Date(Date.now() + 61_000));

    await sms.send(phone);
    const second = await sms.login(phone, lastCode(phone));

    expect(second.status).toBe(200);
    expect(second.body.user.id).toBe(first.body.user.id);
  });

  it('accepts a code once', async () => {
    const phone = uniquePhone();
    await sms.send(phone);
    const code = lastCode(phone);

    expect((await sms.login(phone, code)).status).toBe(200);
    expect(outcome(await sms.login(phone, code))).toEqual([401, 'UNAUTHENTICATED']);
  });

  it(`kills the challenge after ${SMS_MAX_ATTEMPTS} wrong codes: the right one fails then`, async () => {
    const phone = uniquePhone();
    await sms.send(phone);
    const code = lastCode(phone);

    for (let attempt = 0; attempt < SMS_MAX_ATTEMPTS; attempt += 1) {
      expect(outcome(await sms.login(phone, otherThan(code)))).toEqual([401, 'UNAUTHENTICATED']);
    }
    const right = await sms.login(phone, code);

    expect(outcome(right)).toEqual([401, 'UNAUTHENTICATED']);
    expect(
      await ctx.dataSource.getRepository(UserEntity).countBy({
        phoneIndex: ctx.app.get(PiiCipher).index('phone', phone),
      }),
    ).toBe(0);
  });

  it('refuses a code that expired, and takes one about to expire', async () => {
    const [late, justInTime] = [uniquePhone(), uniquePhone()];
    const sentAt = Date.now();
    await sms.send(late);
    await sms.send(justInTime);

    ctx.setNow(new Date(sentAt + (SMS_CODE_TTL_SECONDS + 10) * 1000));
    const expired = await sms.login(late, lastCode(late));
    ctx.setNow(new Date(sentAt + (SMS_CODE_TTL_SECONDS - 10) * 1000));
    const inTime = await sms.login(justInTime, lastCode(justInTime));

    expect(outcome(expired)).toEqual([401, 'UNAUTHENTICATED']);
    expect(inTime.status).toBe(200);
  });

  it('refuses another code for the same phone within 60 s, with Retry-After', async () => {
    const phone = uniquePhone();
    expect((await sms.send(phone)).status).toBe(200);

    const again = await sms.send(phone);

    expect(outcome(again)).toEqual([429, 'RATE_LIMITED']);
    expect(retryAfterOf(again)).toBeGreaterThan(0);
    expect(retryAfterOf(again)).toBeLessThanOrEqual(60);
    expect(outboxCodes(ctx.database.dataDir, phone)).toHaveLength(1);
  });

  it('sends a new code after a minute, retiring the older one', async () => {
    const phone = uniquePhone();
    await sms.send(phone);
    ctx.setNow(new Date(Date.now() + 61_000));

    const resent = await sms.send(phone);

    expect(resent.status).toBe(200);
    expect(outboxCodes(ctx.database.dataDir, phone)).toHaveLength(2);
    const open = (await sms.challengesOf(phone)).filter((challenge) => !challenge.consumedAt);
    expect(open).toHaveLength(1);
    expect((await sms.login(phone, lastCode(phone))).status).toBe(200);
  });

  it('stores neither the phone nor the code', async () => {
    const phone = uniquePhone();
    await sms.send(phone);
    const code = lastCode(phone);

    const rows: unknown[] = await ctx.dataSource.query(
      'SELECT * FROM sms_challenge WHERE phone_index = ?',
      [ctx.app.get(PiiCipher).index('phone', phone)],
    );

    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(code);
  });

  it.each([
    ['a landline', { phone: '02712345678' }],
    ['too few digits', { phone: '1391234567' }],
    ['an unknown field', { phone: '13912345678', template: 'x' }],
  ])('refuses %s with 400', async (_what, body) => {
    const response = await api(ctx.app, { method: 'POST', path: '/auth/sms/send', body });

    expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
  });

  it.each([
    ['a five-digit code', '12345'],
    ['letters', 'abcdef'],
  ])('refuses a login with %s with 400', async (_what, code) => {
    expect(outcome(await sms.login(uniquePhone(), code))).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe(`${SmsLoginService.name} with the webhook sender (integration)`, () => {
  const gateway = useFakeServer(fakeSmsGateway());
  const ctx = useTestApp({
    env: () => ({
      SMS_SENDER: 'webhook',
      SMS_WEBHOOK_URL: `${gateway.url}/sms/send`,
      SMS_WEBHOOK_TOKEN: 'gateway-token',
    }),
  });
  const sms = smsClient(ctx);

  afterEach(() => {
    gateway.status = 200;
  });

  it('POSTs phone, code, ttlSeconds and template with the bearer token', async () => {
    const phone = uniquePhone();

    const sent = await sms.send(phone);

    expect(sent.status).toBe(200);
    const request = gateway.requests.find((received) => received.body.includes(phone));
    expect(request).toMatchObject({
      method: 'POST',
      headers: expect.objectContaining({
        authorization: 'Bearer gateway-token',
        'content-type': 'application/json',
      }),
    });
    expect(request?.url.pathname).toBe('/sms/send');
    const [message] = gateway.messagesTo(phone);
    expect(message).toEqual({
      phone,
      code: expect.stringMatching(/^\d{6}$/),
      ttlSeconds: SMS_CODE_TTL_SECONDS,
      template: 'login',
    });
    expect((await sms.login(phone, message.code)).status).toBe(200);
  });

  it('answers 503 when the gateway fails, and leaves no usable challenge behind', async () => {
    const phone = uniquePhone();
    gateway.status = 500;

    const failed = await sms.send(phone);

    expect(outcome(failed)).toEqual([503, 'SERVICE_UNAVAILABLE']);
    const [undelivered] = gateway.messagesTo(phone);
    expect(undelivered.code).toMatch(/^\d{6}$/);
    expect(await sms.challengesOf(phone)).toEqual([]);
    expect(outcome(await sms.login(phone, undelivered.code))).toEqual([401, 'UNAUTHENTICATED']);

    // Nothing was kept, so asking again right away is no "resend too soon".
    gateway.status = 200;
    expect((await sms.send(phone)).status).toBe(200);
  });
});
