import { Injectable } from '@nestjs/common';
import { AuthResponse } from '@yizhan/contracts';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { RequestMeta } from '../access/access.decorators';
import { Actor, RoleClaim } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { toMeResponse, toRoleClaim } from '../users/user.mapper';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthError } from './auth.errors';
import { IssuedTokens, TokenService } from './token.service';

/** Turns a proven identity into a session, and sessions into fresh tokens. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
  ) {}

  async signIn(user: UserEntity, meta: RequestMeta): Promise<AuthResponse> {
    const claims = (await this.users.rolesOf(user.id)).map(toRoleClaim);
    const tokens = await this.tokens.issue(user.id, claims);
    const staffGrant = claims.find((claim) => claim.role !== 'worker');
    if (staffGrant) {
      // Staff sign-ins are part of the trail of staff actions (who was in, from where).
      await this.audit.record(new Actor(user.id, claims, ''), meta, {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        regionId: staffGrant.regionId,
      });
    }
    return this.respond(user, tokens);
  }

  async refresh(refreshToken: string): Promise<AuthResponse> {
    const { userId, tokens } = await this.tokens.rotate(refreshToken, (id) => this.claimsOf(id));
    const user = await this.users.findById(userId);
    // claimsOf() just found the user; only an erase in between can make this null.
    if (!user) throw AuthError.refreshRefused();
    return this.respond(user, tokens);
  }

  logout(refreshToken: string, userId: string): Promise<void> {
    return this.tokens.revoke(refreshToken, userId);
  }

  /** Current roles of a live account, or null for an erased or unknown one. */
  private async claimsOf(userId: string): Promise<RoleClaim[] | null> {
    const user = await this.users.findById(userId);
    if (!user) return null;
    return (await this.users.rolesOf(userId)).map(toRoleClaim);
  }

  private async respond(user: UserEntity, tokens: IssuedTokens): Promise<AuthResponse> {
    const [roles, consents] = await Promise.all([
      this.users.rolesOf(user.id),
      this.users.activeConsents(user.id),
    ]);
    const phone = user.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : null;
    return {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
      user: toMeResponse(user, roles, consents, phone),
    };
  }
}
