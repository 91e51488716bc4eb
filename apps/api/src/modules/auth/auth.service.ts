import { Injectable } from '@nestjs/common';
import { AuthResponse } from '@yizhan/contracts';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { ProfilesService } from '../users/profiles.service';
import { toRoleClaim } from '../users/user.mapper';
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
    private readonly profiles: ProfilesService,
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
    let account: UserEntity | null = null;
    const { tokens } = await this.tokens.rotate(refreshToken, async (userId) => {
      // An erased or unknown account gets no new tokens; its roles are read afresh.
      account = await this.users.findById(userId);
      return account ? (await this.users.rolesOf(userId)).map(toRoleClaim) : null;
    });
    // rotate() only issues after the callback found the account.
    if (!account) throw AuthError.refreshRefused();
    return this.respond(account, tokens);
  }

  logout(refreshToken: string, userId: string): Promise<void> {
    return this.tokens.revoke(refreshToken, userId);
  }

  private async respond(user: UserEntity, tokens: IssuedTokens): Promise<AuthResponse> {
    return {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt.toISOString(),
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
      user: await this.profiles.ownerView(user),
    };
  }
}
