import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RoleClaim } from './actor';

export const JWT_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_ISSUER = 'yizhan';
export const ACCESS_TOKEN_AUDIENCE = 'yizhan-api';
/** Short-lived: roles in the token may be at most this stale after a change. */
export const ACCESS_TOKEN_TTL_SECONDS = 10 * 60;

/** What an access token says about its subject. */
export interface AccessTokenClaims {
  sub: string;
  /** Login family (session) id. */
  sid: string;
  typ: 'access';
  roles: RoleClaim[];
  iat: number;
  exp: number;
}

/** The signing secret, resolved once at start (configured, or the development one). */
@Injectable()
export class TokenKeys {
  /**
   * The secret as a KeyObject, made once: for signing (`JwtModule`) and verifying
   * (`AccessTokenVerifier`). Given a string, jsonwebtoken first tries to parse it as a PEM public
   * key on every call (a thrown, caught error: ~1 ms of CPU) before making this same secret key
   * from its UTF-8 bytes.
   */
  readonly jwtKey: KeyObject;

  constructor(jwtSecret: string) {
    this.jwtKey = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
  }
}
