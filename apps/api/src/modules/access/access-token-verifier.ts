import { createHmac, KeyObject, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ROLES } from '@yizhan/contracts';
import { Actor, RoleClaim } from './actor';
import { AccessError } from './access.errors';
import { SessionRevocations } from './session-revocations';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenClaims,
  JWT_ALGORITHM,
  TokenKeys,
} from './token-keys';

// `Bearer <token>`, the scheme in any case, as RFC 6750 and passport-jwt read it.
const BEARER = /^\s*(\S+)\s+(\S+)/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The claims of a verified access token that the API reads. */
export type VerifiedAccessClaims = Pick<AccessTokenClaims, 'sub' | 'sid' | 'typ' | 'roles' | 'exp'>;

/** A verified token, remembered until it expires. */
export interface VerifiedToken {
  readonly claims: VerifiedAccessClaims;
  /** Seconds since the epoch: refused from this second on. */
  readonly exp: number;
}

/** Distinct live tokens remembered at most (a few MB); beyond, the memory starts over. */
const MAX_REMEMBERED_TOKENS = 10_000;

/**
 * Who is calling, from the `Authorization: Bearer <access token>` header. The token is an
 * HS256 JWT that the API signed (`TokenService`): one HMAC, compared in constant time, then
 * the claims. This replaced passport → passport-jwt → jsonwebtoken → jws, which ran the same
 * checks through four layers and callbacks (~10 % of an empty authenticated request's CPU).
 *
 * Refused (401 UNAUTHENTICATED, one message for every reason): a header that is not a bearer
 * token; a token that is not three base64url parts; a signature that is not the HMAC of the
 * first two with our key; any `alg` but HS256 (so `none` and RS/HS confusion fail); a payload
 * that is not a JSON object; no `exp`, or one not ahead; an `nbf` still ahead; another issuer or
 * audience; `typ` other than `access`; no `sub` or `sid`; malformed roles; a revoked session.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  /**
   * Tokens already verified, by their exact text. A client sends the same access token for its
   * ten minutes, so most requests skip the HMAC and the JSON: only a string that was checked
   * whole (signature included) is ever found here. Its expiry is still checked on every use.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    keys: TokenKeys,
    private readonly revocations: SessionRevocations,
  ) {
    this.key = keys.jwtKey;
  }

  /**
   * The caller named by an Authorization header; throws AccessError (401) when it names none.
   * Synchronous when the session's revocation state is cached (nearly always): a promise only
   * when the database must be asked.
   */
  actorFor(authorization: string): Actor | Promise<Actor> {
    const match = BEARER.exec(authorization);
    if (!match || match[1].toLowerCase() !== 'bearer') throw AccessError.unauthenticated();
    const verified = this.verify(match[2], Math.floor(Date.now() / 1000));
    if (!verified) throw AccessError.unauthenticated();
    // A new Actor per request: what is derived from it (the policy's abilities, built from the
    // region tree of the moment) lives for one request, not for the token's ten minutes.
    const { sub, roles, sid } = verified.claims;
    const actor = new Actor(sub, roles, sid);
    // Logout and erasure end the session now, not when its access tokens expire.
    const revoked = this.revocations.knownAnswer(actor.sessionId);
    if (revoked === false) return actor;
    if (revoked === true) throw AccessError.unauthenticated();
    return this.revocations.isRevoked(actor.sessionId).then((isRevoked) => {
      if (isRevoked) throw AccessError.unauthenticated();
      return actor;
    });
  }

  /** The token if we signed it and it is valid at `nowSeconds`, else null. */
  verify(token: string, nowSeconds: number): VerifiedToken | null {
    const known = this.verified.get(token);
    if (known) {
      if (nowSeconds < known.exp) return known;
      this.verified.delete(token);
      return null;
    }
    const claims = verifiedClaims(token, this.key, nowSeconds);
    if (!claims) return null;
    const verified = { claims, exp: claims.exp };
    // A crude bound, as for session revocations: a token is cheap to verify again.
    if (this.verified.size >= MAX_REMEMBERED_TOKENS) this.verified.clear();
    this.verified.set(token, verified);
    return verified;
  }
}

/** The claims of a token signed with `key` that is valid at `nowSeconds`, else null. */
export function verifiedClaims(
  token: string,
  key: KeyObject,
  nowSeconds: number,
): VerifiedAccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts;
  if (!BASE64URL.test(header) || !BASE64URL.test(payload)) return null;
  // Compared as base64url text, as jws did: a non-canonical encoding of the right bytes fails.
  const expected = Buffer.from(
    createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  if (parseJsonObject(header)?.alg !== JWT_ALGORITHM) return null;
  const claims = parseJsonObject(payload);
  if (!claims) return null;
  return hasValidClaims(claims, nowSeconds) ? claims : null;
}

function parseJsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function hasValidClaims(
  claims: Record<string, unknown>,
  nowSeconds: number,
): claims is Record<string, unknown> & VerifiedAccessClaims {
  const { exp, nbf, iss, aud, typ, sub, sid, roles } = claims;
  // Ours always carry `exp` (a token without one would never expire).
  if (typeof exp !== 'number' || nowSeconds >= exp) return false;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return false;
  if (iss !== ACCESS_TOKEN_ISSUER) return false;
  if (!(Array.isArray(aud) ? aud.includes(ACCESS_TOKEN_AUDIENCE) : aud === ACCESS_TOKEN_AUDIENCE)) {
    return false;
  }
  if (typ !== 'access' || typeof sub !== 'string' || typeof sid !== 'string') return false;
  return Array.isArray(roles) && roles.every(isRoleClaim);
}

function isRoleClaim(value: unknown): value is RoleClaim {
  if (typeof value !== 'object' || value === null) return false;
  const claim = value as Record<string, unknown>;
  const optionalId = (key: string) => claim[key] === null || typeof claim[key] === 'string';
  return (
    (ROLES as readonly unknown[]).includes(claim.role) &&
    optionalId('regionId') &&
    optionalId('stationId') &&
    optionalId('merchantId')
  );
}
