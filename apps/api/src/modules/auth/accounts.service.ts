import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { isUniqueViolation } from '../../database/unique-violation';
import { Transactions } from '../../database/transactions';
import { ProfilesService } from '../users/profiles.service';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthError } from './auth.errors';
import { PasswordHasher } from './password-hasher';
import { WechatIdentitiesRepository } from './wechat/wechat-identities.repository';
import { WechatSession } from './wechat/wechat.client';
import { WechatIdentityEntity } from './wechat-identity.entity';

/** Five free failures, then a lock that doubles with each further failure, up to an hour. */
export const FREE_FAILED_LOGINS = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

/**
 * Finds the account behind a proven identity, creating a worker on first sight of a phone or
 * a WeChat openid, and checks staff passwords with lockout.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly wechatIdentities: WechatIdentitiesRepository,
    private readonly profiles: ProfilesService,
    private readonly cipher: PiiCipher,
    private readonly hasher: PasswordHasher,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async workerByPhone(phone: string): Promise<UserEntity> {
    const phoneIndex = this.profiles.phoneIndex(phone);
    const existing = await this.users.findByPhoneIndex(phoneIndex);
    if (existing) return existing;
    try {
      return await this.users.create(
        { id: randomUUID(), phoneIndex, phoneCipher: this.profiles.sealPhone(phone) },
        [{ role: 'worker' }],
      );
    } catch (error) {
      // Two first logins of one phone at once: the other one created the account.
      const raced = isUniqueViolation(error) ? await this.users.findByPhoneIndex(phoneIndex) : null;
      if (raced) return raced;
      throw error;
    }
  }

  async workerByWechat(session: WechatSession): Promise<UserEntity> {
    const sessionKeyCipher = this.cipher.encrypt(session.sessionKey);
    const identity = await this.wechatIdentities.findByOpenId(session.appId, session.openId);
    if (identity) {
      await this.wechatIdentities.updateSession(identity.id, {
        sessionKeyCipher,
        unionId: session.unionId,
      });
      const user = await this.users.findById(identity.userId);
      if (user) return user;
    }
    try {
      return await this.transactions.run(async (manager) => {
        const user = await this.users.create({ id: randomUUID() }, [{ role: 'worker' }], manager);
        await this.wechatIdentities.insert(
          Object.assign(new WechatIdentityEntity(), {
            id: randomUUID(),
            userId: user.id,
            appId: session.appId,
            openId: session.openId,
            unionId: session.unionId,
            sessionKeyCipher,
          }),
          manager,
        );
        return user;
      });
    } catch (error) {
      const raced = isUniqueViolation(error)
        ? await this.wechatIdentities.findByOpenId(session.appId, session.openId)
        : null;
      const user = raced ? await this.users.findById(raced.userId) : null;
      if (user) return user;
      throw error;
    }
  }

  /** A staff or merchant account whose password matches; lockout after repeated failures. */
  async staffByPassword(username: string, password: string): Promise<UserEntity> {
    const user = await this.users.findByUsername(username.trim().toLowerCase());
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      throw AuthError.locked(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
    }
    const matches = await this.hasher.verifyOrWaste(user?.passwordHash ?? null, password);
    if (!user) throw AuthError.badCredentials();
    if (!matches) {
      const failures = await this.users.countFailedLogin(user.id);
      if (failures >= FREE_FAILED_LOGINS) {
        const lockSeconds = Math.min(
          FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILED_LOGINS),
          MAX_LOCK_SECONDS,
        );
        await this.users.lockUntil(user.id, new Date(now.getTime() + lockSeconds * 1000));
      }
      throw AuthError.badCredentials();
    }
    if (user.failedLogins > 0 || user.lockedUntil) await this.users.clearFailedLogins(user.id);
    return user;
  }
}
