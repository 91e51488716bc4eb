import { AuthResponse } from '@yizhan/contracts';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import {
  createDistrict,
  createUser,
  District,
  sessionFor,
  signIn,
  signInBySms,
  TestUser,
  uniquePhone,
  uniqueUsername,
} from '../support/accounts';
import { api, ApiRequest, ApiResponse } from '../support/http';
import { useTestApp } from '../support/test-app';

/** The tables of identity and access; none may hold a phone number in the clear. */
const TABLES = [
  'app_user',
  'user_role',
  'consent',
  'wechat_identity',
  'refresh_token',
  'sms_challenge',
  'audit_entry',
];

describe(`Phone numbers (${PiiCipher.name}, responses and storage) (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let worker: AuthResponse;
  let workerPhone = '';
  let handler: TestUser;
  let handlerPhone = '';
  /** Every response a caller other than the phone's owner got in the scenario. */
  const othersSaw: Array<{ who: string; response: ApiResponse<unknown> }> = [];
  /** What the owners themselves got (the control: their phone is there). */
  const ownersSaw: Record<string, ApiResponse<unknown>> = {};

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang');
    workerPhone = uniquePhone();
    handlerPhone = uniquePhone();
    worker = await signInBySms(ctx.app, ctx.database.dataDir, workerPhone);
    await api(ctx.app, {
      method: 'PATCH',
      path: '/me',
      token: worker.accessToken,
      body: { nickname: '骑手小王', occupation: 'delivery' },
    });
    await api(ctx.app, {
      method: 'POST',
      path: '/me/consents',
      token: worker.accessToken,
      body: { kind: 'location', version: '2026-11' },
    });
    // A staff account with a phone on file, signing in: it shows up in lists and the audit log.
    handler = await createUser(ctx.app, {
      grants: [{ role: 'handler', region: liuyang.district }],
      phone: handlerPhone,
      nickname: '处置员',
    });
    const handlerSession = await signIn(ctx.app, handler.username ?? '');
    const otherWorker = await signInBySms(ctx.app, ctx.database.dataDir);
    const admin = await sessionFor(ctx.app, liuyang.staff.district_admin);
    await api(ctx.app, {
      method: 'POST',
      path: '/staff',
      token: admin.accessToken,
      body: {
        username: uniqueUsername('colleague'),
        password: 'a-fresh-staff-password',
        role: 'handler',
        regionId: liuyang.street.id,
      },
    });

    const seen = async (who: string, request: ApiRequest) => {
      othersSaw.push({ who, response: await api(ctx.app, request) });
    };
    for (const path of [
      '/staff?limit=100',
      '/staff?role=handler',
      '/audit-log?limit=100',
      '/merchants',
      '/me',
      '/me/export',
    ]) {
      await seen('district admin', { path, token: admin.accessToken });
    }
    for (const path of ['/me', '/me/export', '/merchants']) {
      await seen('another worker', { path, token: otherWorker.accessToken });
    }
    await seen('another worker', {
      method: 'POST',
      path: '/auth/refresh',
      body: { refreshToken: otherWorker.refreshToken },
    });
    for (const path of ['/regions', '/stations', `/stations/${liuyang.station.id}`]) {
      await seen('anonymous', { path });
    }
    ownersSaw.worker = await api(ctx.app, { path: '/me', token: worker.accessToken });
    ownersSaw.workerRefresh = await api(ctx.app, {
      method: 'POST',
      path: '/auth/refresh',
      body: { refreshToken: worker.refreshToken },
    });
    ownersSaw.handler = await api(ctx.app, { path: '/me', token: handlerSession.accessToken });
  });

  it('shows the owners their own phone (so the search below can find one)', () => {
    expect(ownersSaw.worker.body).toMatchObject({ id: worker.user.id, phone: workerPhone });
    expect(ownersSaw.workerRefresh.text).toContain(workerPhone);
    expect(ownersSaw.handler.body).toMatchObject({ id: handler.id, phone: handlerPhone });
  });

  it('sends no one else either phone, in any response of the scenario', () => {
    expect(othersSaw.length).toBeGreaterThanOrEqual(13);
    expect(othersSaw.every(({ response }) => response.status === 200)).toBe(true);
    const leaks = othersSaw
      .filter(({ response }) =>
        [workerPhone, handlerPhone].some((phone) => response.text.includes(phone)),
      )
      .map(({ who, response }) => `${who}: ${response.text.slice(0, 200)}`);
    expect(leaks).toEqual([]);
  });

  it('lists the handler and their sign-in to the admin, without the phone', () => {
    const texts = othersSaw
      .filter(({ who }) => who === 'district admin')
      .map(({ response }) => response.text)
      .join('\n');

    expect(texts).toContain(handler.username ?? '');
    expect(texts).toContain('auth.login');
    expect(texts).not.toContain(handlerPhone);
  });

  it.each(TABLES)('stores no phone in the clear in %s', async (table) => {
    const rows: unknown[] = await ctx.dataSource.query(`SELECT * FROM ${table}`);

    const text = JSON.stringify(rows);
    expect(text).not.toContain(workerPhone);
    expect(text).not.toContain(handlerPhone);
  });

  it('keeps the phone encrypted and indexed on the account row', async () => {
    const [row] = (await ctx.dataSource.query(
      'SELECT phone_cipher, phone_index FROM app_user WHERE id = ?',
      [worker.user.id],
    )) as Array<{ phone_cipher: string; phone_index: string }>;

    expect(row.phone_cipher).toMatch(/^v1\./);
    expect(ctx.app.get(PiiCipher).decrypt(row.phone_cipher)).toBe(workerPhone);
    expect(row.phone_index).toBe(ctx.app.get(PiiCipher).index('phone', workerPhone));
  });
});
