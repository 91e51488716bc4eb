import { createHmac, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Actor } from './actor';
import { AccessError } from './access.errors';
import { AccessTokenVerifier, verifiedClaims } from './access-token-verifier';
import { SessionRevocations } from './session-revocations';
import { TokenKeys } from './token-keys';

const SECRET = 'unit-test-secret-unit-test-secret-0123456789';
const NOW = 1_800_000_000;

/**
 * The revocation check, answered from a set (the real one asks the database); sessions in
 * `cached` are answered from the cache, without a promise.
 */
class RevokedSessions implements Pick<SessionRevocations, 'isRevoked' | 'knownAnswer'> {
  readonly revoked = new Set<string>();
  readonly cached = new Set<string>();

  isRevoked(sessionId: string): Promise<boolean> {
    return Promise.resolve(this.revoked.has(sessionId));
  }

  knownAnswer(sessionId: string): boolean | undefined {
    return this.cached.has(sessionId) ? this.revoked.has(sessionId) : undefined;
  }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (input: string, secret = SECRET) =>
  createHmac('sha256', secret).update(input).digest('base64url');

const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'user-1',
  sid: 'session-1',
  typ: 'access',
  roles: [{ role: 'worker', regionId: null, stationId: null, merchantId: null }],
  iat: NOW - 10,
  exp: NOW + 600,
  iss: 'yizhan',
  aud: 'yizhan-api',
  ...overrides,
});

/** A token signed by hand: any header, any payload, the right key unless told. */
function token(
  payload: unknown = claims(),
  header: unknown = { alg: 'HS256', typ: 'JWT' },
  secret = SECRET,
) {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${hmac(input, secret)}`;
}

/** Drops a key from the claims. */
const without = (key: string) => {
  const payload: Record<string, unknown> = claims();
  delete payload[key];
  return payload;
};

describe(AccessTokenVerifier.name, () => {
  const sessions = new RevokedSessions();
  const verifier = new AccessTokenVerifier(
    new TokenKeys(SECRET),
    sessions as unknown as SessionRevocations,
  );
  const key = new TokenKeys(SECRET).jwtKey;
  const verify = (jwt: string) => verifiedClaims(jwt, key, NOW);

  it('accepts a token as TokenService signs them (jsonwebtoken, HS256, issuer, audience)', () => {
    const signed = new JwtService({ secret: new TokenKeys(SECRET).jwtKey }).sign(
      { sub: 'user-1', sid: 'session-1', typ: 'access', roles: [], iat: NOW, exp: NOW + 600 },
      { algorithm: 'HS256', issuer: 'yizhan', audience: 'yizhan-api' },
    );

    expect(verify(signed)).toMatchObject({ sub: 'user-1', sid: 'session-1', roles: [] });
  });

  it('accepts an audience list that names the API, and an nbf already passed', () => {
    expect(verify(token(claims({ aud: ['other', 'yizhan-api'], nbf: NOW })))).not.toBeNull();
  });

  it.each<[string, () => string]>([
    ['another key', () => token(claims(), undefined, 'another-secret')],
    ['alg none, unsigned', () => `${base64url({ alg: 'none' })}.${base64url(claims())}.`],
    [
      'alg none carrying a valid HS256 signature',
      () => {
        const input = `${base64url({ alg: 'none' })}.${base64url(claims())}`;
        return `${input}.${hmac(input)}`;
      },
    ],
    ['alg HS512 (pinned to HS256)', () => token(claims(), { alg: 'HS512', typ: 'JWT' })],
    ['no alg', () => token(claims(), { typ: 'JWT' })],
    ['a header that is not an object', () => token(claims(), 'HS256')],
    [
      'a tampered payload with the signature kept',
      () => {
        const [header, , signature] = token().split('.');
        return `${header}.${base64url(claims({ sub: 'someone-else' }))}.${signature}`;
      },
    ],
    ['a truncated signature', () => token().slice(0, -1)],
    [
      'a non-canonical encoding of the right signature',
      () => {
        // The last of 43 characters carries 4 bits; flipping an unused one keeps the bytes.
        const jwt = token();
        const last = jwt.at(-1) ?? 'A';
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const twin = alphabet[alphabet.indexOf(last) ^ 1];
        return `${jwt.slice(0, -1)}${twin}`;
      },
    ],
    ['two parts', () => token().split('.').slice(0, 2).join('.')],
    ['four parts', () => `${token()}.x`],
    ['an empty string', () => ''],
    [
      'characters outside base64url',
      () => {
        const [header, payload] = token().split('.');
        const input = `${header}.${payload}=`;
        return `${input}.${hmac(input)}`;
      },
    ],
    ['a payload that is not JSON', () => token('not json')],
    ['a payload that is a list', () => token([claims()])],
    ['an expired token (exp = now)', () => token(claims({ exp: NOW }))],
    ['no exp', () => token(without('exp'))],
    ['exp as a string', () => token(claims({ exp: String(NOW + 600) }))],
    ['nbf ahead', () => token(claims({ nbf: NOW + 1 }))],
    ['nbf as a string', () => token(claims({ nbf: String(NOW) }))],
    ['another issuer', () => token(claims({ iss: 'someone-else' }))],
    ['no issuer', () => token(without('iss'))],
    ['another audience', () => token(claims({ aud: 'another-api' }))],
    ['an audience list without the API', () => token(claims({ aud: ['another-api'] }))],
    ['typ refresh', () => token(claims({ typ: 'refresh' }))],
    ['no typ', () => token(without('typ'))],
    ['no sub', () => token(without('sub'))],
    ['a numeric sub', () => token(claims({ sub: 42 }))],
    ['no sid', () => token(without('sid'))],
    ['roles not a list', () => token(claims({ roles: 'district_admin' }))],
    ['an unknown role', () => token(claims({ roles: [{ role: 'root', regionId: null }] }))],
    [
      'a role with a numeric region',
      () => token(claims({ roles: [{ role: 'handler', regionId: 7 }] })),
    ],
  ])('refuses %s', (_what, jwt) => {
    expect(verify(jwt())).toBeNull();
  });

  describe('verify (remembering verified tokens)', () => {
    it('remembers a verified token, and refuses it from its exp on', () => {
      const jwt = token(claims({ sub: 'remembered' }));

      const first = verifier.verify(jwt, NOW);
      const again = verifier.verify(jwt, NOW + 599);

      expect(first?.claims.sub).toBe('remembered');
      expect(again).toBe(first);
      expect(verifier.verify(jwt, NOW + 600)).toBeNull();
    });

    it('never answers a tampered copy of a remembered token from memory', () => {
      const jwt = token(claims({ sub: 'remembered-2' }));
      expect(verifier.verify(jwt, NOW)).not.toBeNull();
      const [header, , signature] = jwt.split('.');

      const tampered = `${header}.${base64url(claims({ sub: 'intruder' }))}.${signature}`;

      expect(verifier.verify(tampered, NOW)).toBeNull();
      expect(verifier.verify(`${jwt}x`, NOW)).toBeNull();
    });

    it('does not remember a refused token', () => {
      const early = token(claims({ nbf: NOW + 10 }));

      expect(verifier.verify(early, NOW)).toBeNull();
      expect(verifier.verify(early, NOW + 10)).not.toBeNull();
    });
  });

  describe('actorFor (the Authorization header)', () => {
    const live = () => token(claims({ exp: Math.floor(Date.now() / 1000) + 600 }));
    const refusal = expect.objectContaining({ code: 'UNAUTHENTICATED' });
    // A refusal may be thrown at once or come as a rejection: both reach the guard.
    const actorOf = async (authorization: string) => verifier.actorFor(authorization);

    it('returns the actor of a valid bearer token, the scheme in any case', async () => {
      const actor = await actorOf(`bearer ${live()}`);

      expect([actor.userId, actor.sessionId, actor.has('worker')]).toEqual([
        'user-1',
        'session-1',
        true,
      ]);
    });

    it.each<[string, () => string]>([
      ['no token', () => 'Bearer '],
      ['another scheme', () => `Token ${live()}`],
      ['Basic credentials', () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
      ['a bare token', () => live()],
      [
        'an expired token',
        () => `Bearer ${token(claims({ exp: Math.floor(Date.now() / 1000) - 1 }))}`,
      ],
    ])('refuses %s with AccessError UNAUTHENTICATED', async (_what, header) => {
      const refused = actorOf(header());

      await expect(refused).rejects.toBeInstanceOf(AccessError);
      await expect(refused).rejects.toEqual(refusal);
    });

    it('refuses the token of a revoked session, looked up or cached', async () => {
      const sessionId = randomUUID();
      const jwt = token(claims({ sid: sessionId, exp: Math.floor(Date.now() / 1000) + 600 }));
      await expect(actorOf(`Bearer ${jwt}`)).resolves.toBeDefined();

      sessions.revoked.add(sessionId);
      const lookedUp = actorOf(`Bearer ${jwt}`);
      sessions.cached.add(sessionId);
      const cached = actorOf(`Bearer ${jwt}`);

      await expect(lookedUp).rejects.toEqual(refusal);
      await expect(cached).rejects.toEqual(refusal);
    });

    it('answers without a promise when the session is known to be live', () => {
      const sessionId = randomUUID();
      sessions.cached.add(sessionId);
      const jwt = token(claims({ sid: sessionId, exp: Math.floor(Date.now() / 1000) + 600 }));

      const actor = verifier.actorFor(`Bearer ${jwt}`);

      expect(actor).toBeInstanceOf(Actor);
    });
  });
});
