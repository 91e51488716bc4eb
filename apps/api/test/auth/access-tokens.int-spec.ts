import { JwtService, JwtSignOptions } from '@nestjs/jwt';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEV_SECRETS_FILE } from '../../src/common/crypto/server-secrets';
import { AccessTokenVerifier } from '../../src/modules/access/access-token-verifier';
import { createUser, sessionFor, TestUser } from '../support/accounts';
import { api, outcome } from '../support/http';
import { useTestApp } from '../support/test-app';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(`${AccessTokenVerifier.name}: access tokens on GET /me (integration)`, () => {
  const ctx = useTestApp();
  const jwt = new JwtService();
  let serverSecret = '';
  let worker: TestUser;

  beforeAll(async () => {
    // Tests run without JWT_SECRET: the API generated its secret into DATA_DIR.
    const secrets = JSON.parse(
      readFileSync(join(ctx.database.dataDir, DEV_SECRETS_FILE), 'utf8'),
    ) as { jwtSecret: string };
    serverSecret = secrets.jwtSecret;
    worker = await createUser(ctx.app);
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: Record<string, unknown> = {}) => ({
    sub: worker.id,
    sid: randomUUID(),
    typ: 'access',
    roles: [{ role: 'worker', regionId: null, stationId: null, merchantId: null }],
    iat: nowSeconds(),
    exp: nowSeconds() + 300,
    ...overrides,
  });
  const sign = (payload: Record<string, unknown>, options: Partial<JwtSignOptions> = {}) =>
    jwt.sign(payload, {
      secret: serverSecret,
      algorithm: 'HS256',
      issuer: 'yizhan',
      audience: 'yizhan-api',
      ...options,
    });
  const getMe = (authorization: string) =>
    api(ctx.app, { path: '/me', headers: { authorization } });

  it('accepts a token forged exactly like the server signs them (the forgery works)', async () => {
    expect((await getMe(`Bearer ${sign(claims())}`)).status).toBe(200);
  });

  it('accepts the Bearer scheme in any case', async () => {
    expect((await getMe(`bearer ${sign(claims())}`)).status).toBe(200);
  });

  it('accepts the tokens the API issues', async () => {
    const { accessToken } = await sessionFor(ctx.app, worker);

    expect((await getMe(`Bearer ${accessToken}`)).status).toBe(200);
  });

  it.each<[string, () => string]>([
    ['alg: none', () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`],
    [
      'alg: none with a stolen signature',
      () => {
        const [, payload, signature] = sign(claims()).split('.');
        return `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`;
      },
    ],
    ['a token signed with another key', () => sign(claims(), { secret: 'x'.repeat(43) })],
    ['HS512 with the right key (algorithm pinned)', () => sign(claims(), { algorithm: 'HS512' })],
    ['an expired token', () => sign(claims({ iat: nowSeconds() - 900, exp: nowSeconds() - 60 }))],
    [
      'a token without exp',
      () => {
        const payload: Record<string, unknown> = claims();
        delete payload.exp;
        return sign(payload);
      },
    ],
    ['typ "refresh"', () => sign(claims({ typ: 'refresh' }))],
    [
      'no typ',
      () => {
        const payload: Record<string, unknown> = claims();
        delete payload.typ;
        return sign(payload);
      },
    ],
    ['another issuer', () => sign(claims(), { issuer: 'someone-else' })],
    ['another audience', () => sign(claims(), { audience: 'another-api' })],
    ['no sub', () => sign(claims({ sub: undefined }))],
    ['an unknown role', () => sign(claims({ roles: [{ role: 'root', regionId: null }] }))],
    ['roles that are not a list', () => sign(claims({ roles: 'district_admin' }))],
    [
      'a tampered payload (roles raised, signature kept)',
      () => {
        const [header, , signature] = sign(claims()).split('.');
        const raised = claims({
          roles: [
            { role: 'district_admin', regionId: randomUUID(), stationId: null, merchantId: null },
          ],
        });
        return `${header}.${base64url(raised)}.${signature}`;
      },
    ],
    [
      'a tampered payload (another subject)',
      () => {
        const [header, , signature] = sign(claims()).split('.');
        return `${header}.${base64url(claims({ sub: randomUUID() }))}.${signature}`;
      },
    ],
    ['a truncated signature', () => sign(claims()).slice(0, -4)],
    ['a token not valid yet (nbf ahead)', () => sign(claims({ nbf: nowSeconds() + 60 }))],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_what, token) => {
    const response = await getMe(`Bearer ${token()}`);

    expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
  });

  it.each<[string, () => string]>([
    ['garbage', () => 'Bearer garbage'],
    ['three garbage segments', () => 'Bearer a.b.c'],
    ['an empty bearer', () => 'Bearer '],
    ['Basic credentials', () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['a valid token without the Bearer scheme', () => sign(claims())],
    ['a valid token under another scheme', () => `Token ${sign(claims())}`],
  ])('refuses an Authorization header of %s with 401 UNAUTHENTICATED', async (_what, header) => {
    const response = await getMe(header());

    expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('refuses a bad token even on a public route, so the client knows to refresh', async () => {
    const response = await api(ctx.app, {
      path: '/regions',
      headers: { authorization: 'Bearer garbage' },
    });
    const anonymous = await api(ctx.app, { path: '/regions' });

    expect(outcome(response)).toEqual([401, 'UNAUTHENTICATED']);
    expect(anonymous.status).toBe(200);
  });
});
