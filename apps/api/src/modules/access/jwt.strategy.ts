import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ROLES } from '@yizhan/contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';
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

/**
 * Verifies the bearer access token: signature with the pinned algorithm (so `alg: none` and
 * RS/HS confusion are refused), issuer, audience, and an `exp` that must exist and lie ahead.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: TokenKeys,
    private readonly revocations: SessionRevocations,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: keys.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: Partial<AccessTokenClaims>): Promise<Actor> {
    // jsonwebtoken accepts a token without `exp` as never expiring; ours always carry one.
    if (typeof payload.exp !== 'number' || payload.typ !== 'access') {
      throw AccessError.unauthenticated();
    }
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
      throw AccessError.unauthenticated();
    }
    if (!Array.isArray(payload.roles) || !payload.roles.every(isRoleClaim)) {
      throw AccessError.unauthenticated();
    }
    // Logout and erasure end the session now, not when its access tokens expire.
    if (await this.revocations.isRevoked(payload.sid)) throw AccessError.unauthenticated();
    return new Actor(payload.sub, payload.roles, payload.sid);
  }
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
