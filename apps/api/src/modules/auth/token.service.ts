import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { Transactions } from '../../database/transactions';
import { RoleClaim } from '../access/actor';
import { SessionRevocations } from '../access/session-revocations';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TTL_SECONDS,
  AccessTokenClaims,
  JWT_ALGORITHM,
} from '../access/token-keys';
import { AuthError } from './auth.errors';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export const REFRESH_TOKEN_TTL_DAYS = 30;

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Access JWTs and rotating refresh tokens. A refresh token is 256 random bits shown once and
 * stored only as its SHA-256; each use retires it and issues the next of its family.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly revocations: SessionRevocations,
  ) {}

  /** A new login: a new family. */
  issue(userId: string, roles: RoleClaim[]): Promise<IssuedTokens> {
    return this.issueInFamily(userId, roles, randomUUID());
  }

  /**
   * Exchanges a live refresh token for the next pair of its family. A token that was already
   * used or revoked is a replay — someone else holds a copy — so the whole family dies.
   */
  async rotate(
    refreshToken: string,
    loadRoles: (userId: string) => Promise<RoleClaim[] | null>,
  ): Promise<{ userId: string; tokens: IssuedTokens }> {
    const now = this.clock.now();
    const stored = await this.refreshTokens.findByHash(hashToken(refreshToken));
    if (!stored) throw AuthError.refreshRefused();
    if (
      stored.usedAt ||
      stored.revokedAt ||
      // A revoked family stays dead, even for a token issued while it was being revoked.
      (await this.revocations.isRevoked(stored.familyId, { fresh: true }))
    ) {
      await this.endFamily(stored.familyId, now);
      throw AuthError.refreshRefused();
    }
    if (stored.expiresAt <= now) throw AuthError.refreshRefused();
    const roles = await loadRoles(stored.userId);
    if (!roles) throw AuthError.refreshRefused();

    const won = await this.transactions.run((manager) =>
      this.refreshTokens.markUsed(stored.id, now, manager),
    );
    if (!won) {
      // Lost a race with another use of the same token: treat it as the replay it is.
      await this.endFamily(stored.familyId, now);
      throw AuthError.refreshRefused();
    }
    const tokens = await this.issueInFamily(stored.userId, roles, stored.familyId);
    return { userId: stored.userId, tokens };
  }

  /** Logout: the family of this refresh token stops working. Unknown tokens are ignored. */
  async revoke(refreshToken: string, userId: string): Promise<void> {
    const stored = await this.refreshTokens.findByHash(hashToken(refreshToken));
    if (stored && stored.userId === userId) {
      await this.endFamily(stored.familyId, this.clock.now());
    }
  }

  /** Revokes a family in the database and at once in this process's access-token check. */
  private async endFamily(familyId: string, at: Date): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId, at);
    this.revocations.markRevoked(familyId);
  }

  private async issueInFamily(
    userId: string,
    roles: RoleClaim[],
    familyId: string,
  ): Promise<IssuedTokens> {
    const now = this.clock.now();
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const claims: AccessTokenClaims = {
      sub: userId,
      sid: familyId,
      typ: 'access',
      roles,
      iat: nowSeconds,
      exp: nowSeconds + ACCESS_TOKEN_TTL_SECONDS,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.refreshTokens.insert(
      Object.assign(new RefreshTokenEntity(), {
        id: randomUUID(),
        userId,
        familyId,
        tokenHash: hashToken(refreshToken),
        expiresAt: refreshTokenExpiresAt,
        usedAt: null,
        revokedAt: null,
        createdAt: now,
      }),
    );
    return {
      accessToken,
      accessTokenExpiresAt: new Date(claims.exp * 1000),
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
