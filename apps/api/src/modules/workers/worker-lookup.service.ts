import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WorkerLookupQueryDto, WorkerLookupResponse } from '@yizhan/contracts';
import { Repository } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain.error';
import { AccessPolicy } from '../access/access-policy';
import { Actor } from '../access/actor';
import { accountIdOf, workerAccount } from '../ledger/ledger-accounts';
import { PointsAccountEntity } from '../ledger/points-account.entity';
import { RegionsRepository } from '../regions/regions.repository';
import { ProfilesService } from '../users/profiles.service';
import { UsersRepository } from '../users/users.repository';

/**
 * Finds a worker by the phone number they give a district admin, so the admin can adjust their
 * points without asking for an account id no worker knows.
 *
 * The admin sees the worker when the worker's points belong to the admin's district, or when the
 * worker has never earned (the admin's credit would be their first, as `POST
 * /points/adjustments` allows). Any other worker, a staff account, an erased account and an
 * unknown number all answer the same NOT_FOUND, so the lookup cannot tell which numbers are
 * registered elsewhere.
 */
@Injectable()
export class WorkerLookupService {
  constructor(
    private readonly users: UsersRepository,
    private readonly profiles: ProfilesService,
    private readonly regions: RegionsRepository,
    private readonly policy: AccessPolicy,
    @InjectRepository(PointsAccountEntity)
    private readonly accounts: Repository<PointsAccountEntity>,
  ) {}

  async byPhone(actor: Actor, query: WorkerLookupQueryDto): Promise<WorkerLookupResponse> {
    const user = await this.users.findByPhoneIndex(this.profiles.phoneIndex(query.phone));
    const roles = user ? await this.users.rolesOf(user.id) : [];
    if (!user || !roles.some((grant) => grant.role === 'worker')) {
      throw new NotFoundError('Worker not found');
    }
    const account = await this.accounts.findOneBy({
      id: accountIdOf(workerAccount(user.id)),
    });
    const homeRegionId = account?.regionId ?? null;
    if (
      homeRegionId &&
      !(await this.policy.can(actor, 'manage', 'PointsAccount', { regionId: homeRegionId }))
    ) {
      throw new NotFoundError('Worker not found');
    }
    const homeRegion = homeRegionId ? await this.regions.findById(homeRegionId) : null;
    return {
      id: user.id,
      nickname: user.nickname,
      phone: this.profiles.maskedPhone(user),
      homeRegionId,
      homeRegionName: homeRegion?.name ?? null,
      balance: account ? account.balance - account.pendingDebit : 0,
    };
  }
}
