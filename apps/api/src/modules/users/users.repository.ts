import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConsentKind } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Transactions, TxManager } from '../../database/transactions';
import { ConsentEntity } from './consent.entity';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export type NewUser = Pick<UserEntity, 'id'> & Partial<Omit<UserEntity, 'createdAt' | 'updatedAt'>>;
export type NewRole = Pick<UserRoleEntity, 'role'> &
  Partial<Pick<UserRoleEntity, 'regionId' | 'stationId' | 'merchantId'>>;

/** Users with their roles and consents: the account aggregate. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(UserRoleEntity) private readonly roles: Repository<UserRoleEntity>,
    @InjectRepository(ConsentEntity) private readonly consents: Repository<ConsentEntity>,
    private readonly transactions: Transactions,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, erasedAt: IsNull() });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username, erasedAt: IsNull() });
  }

  findByPhoneIndex(phoneIndex: string, manager?: TxManager): Promise<UserEntity | null> {
    const users = manager ? manager.getRepository(UserEntity) : this.users;
    return users.findOneBy({ phoneIndex, erasedAt: IsNull() });
  }

  /** Inserts a user with their roles (in the caller's transaction when given). */
  async create(user: NewUser, roles: NewRole[], manager?: TxManager): Promise<UserEntity> {
    const work = async (tx: TxManager) => {
      await tx.getRepository(UserEntity).insert(user);
      if (roles.length > 0) {
        await tx.getRepository(UserRoleEntity).insert(
          roles.map((role) => ({
            id: randomUUID(),
            userId: user.id,
            role: role.role,
            regionId: role.regionId ?? null,
            stationId: role.stationId ?? null,
            merchantId: role.merchantId ?? null,
          })),
        );
      }
      return tx.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    };
    return manager ? work(manager) : this.transactions.run(work);
  }

  async update(id: string, changes: Partial<UserEntity>): Promise<void> {
    await this.users.update({ id }, changes);
  }

  rolesOf(userId: string): Promise<UserRoleEntity[]> {
    return this.roles.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Counts a failed password login atomically and returns the new count. */
  async countFailedLogin(id: string): Promise<number> {
    await this.users
      .createQueryBuilder()
      .update(UserEntity)
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where('id = :id', { id })
      .execute();
    const user = await this.users.findOne({
      select: { id: true, failedLogins: true },
      where: { id },
    });
    return user?.failedLogins ?? 0;
  }

  async lockUntil(id: string, until: Date): Promise<void> {
    await this.users.update({ id }, { lockedUntil: until });
  }

  async clearFailedLogins(id: string): Promise<void> {
    await this.users.update({ id }, { failedLogins: 0, lockedUntil: null });
  }

  activeConsents(userId: string): Promise<ConsentEntity[]> {
    return this.consents.find({
      where: { userId, withdrawnAt: IsNull() },
      order: { grantedAt: 'ASC', id: 'ASC' },
    });
  }

  allConsents(userId: string): Promise<ConsentEntity[]> {
    return this.consents.find({ where: { userId }, order: { grantedAt: 'ASC', id: 'ASC' } });
  }

  async hasActiveConsent(userId: string, kind: ConsentKind): Promise<boolean> {
    return (await this.consents.countBy({ userId, kind, withdrawnAt: IsNull() })) > 0;
  }

  /** Records a consent, replacing any active one of the same kind (a new version supersedes). */
  async grantConsent(userId: string, kind: ConsentKind, version: string, at: Date) {
    return this.transactions.run(async (tx) => {
      const consents = tx.getRepository(ConsentEntity);
      await consents.update({ userId, kind, withdrawnAt: IsNull() }, { withdrawnAt: at });
      const consent = { id: randomUUID(), userId, kind, version, grantedAt: at, withdrawnAt: null };
      await consents.insert(consent);
      // As stored: a DATETIME column keeps whole seconds, and GET /me shows the stored time.
      return consents.findOneByOrFail({ id: consent.id });
    });
  }

  /** Stamps the active consent of that kind withdrawn; true when there was one. */
  async withdrawConsent(userId: string, kind: ConsentKind, at: Date): Promise<boolean> {
    const result = await this.consents.update(
      { userId, kind, withdrawnAt: IsNull() },
      { withdrawnAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Empties every personal field and drops roles and consents; the row stays so ledger entries
   * keep pointing at an (anonymous) account.
   */
  async erase(id: string, at: Date, manager: TxManager): Promise<void> {
    await manager.getRepository(UserEntity).update(
      { id },
      {
        nickname: null,
        occupation: null,
        platform: null,
        phoneCipher: null,
        phoneIndex: null,
        username: null,
        passwordHash: null,
        failedLogins: 0,
        lockedUntil: null,
        erasedAt: at,
      },
    );
    await manager.getRepository(UserRoleEntity).delete({ userId: id });
    await manager.getRepository(ConsentEntity).delete({ userId: id });
  }

  /** Whether any account already uses the username (erased accounts released theirs). */
  async usernameTaken(username: string): Promise<boolean> {
    return (await this.users.countBy({ username })) > 0;
  }
}
