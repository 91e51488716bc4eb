import { Injectable } from '@nestjs/common';
import {
  CreateStaffDto,
  DEFAULT_PAGE_LIMIT,
  ListStaffQueryDto,
  Page,
  StaffAccount,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../common/errors/domain.error';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import { isUniqueViolation } from '../../database/unique-violation';
import { Transactions } from '../../database/transactions';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { accessibleWhere } from '../access/sql-scope';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { StationsRepository } from '../stations/stations.repository';
import { UserRoleEntity } from '../users/user-role.entity';
import { UsersRepository } from '../users/users.repository';
import { StaffRepository } from './staff.repository';
import { scopeFieldNotAllowed, scopeFieldRequired, StaffError } from './staff.errors';

/** Where a new grant lies: its region always, and a station or merchant for the narrow roles. */
interface GrantScope {
  regionId: string;
  stationId: string | null;
  merchantId: string | null;
}

const SCOPE_FIELD = {
  district_admin: 'regionId',
  handler: 'regionId',
  station_manager: 'stationId',
  merchant_staff: 'merchantId',
} as const;
type StaffRole = keyof typeof SCOPE_FIELD;

/** District admins create and list staff and merchant accounts inside their own region. */
@Injectable()
export class StaffService {
  constructor(
    private readonly users: UsersRepository,
    private readonly staff: StaffRepository,
    private readonly stations: StationsRepository,
    private readonly merchants: MerchantsRepository,
    private readonly policy: AccessPolicy,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async create(actor: Actor, dto: CreateStaffDto, meta: RequestMeta): Promise<StaffAccount> {
    const role = dto.role as StaffRole;
    const scope = await this.resolveScope(actor, role, dto);
    const username = dto.username.toLowerCase();
    if (await this.users.usernameTaken(username)) throw StaffError.usernameTaken();
    const passwordHash = await this.hasher.hash(dto.password);
    const userId = randomUUID();
    try {
      const user = await this.transactions.run(async (manager) => {
        const created = await this.users.create(
          { id: userId, username, passwordHash, nickname: dto.nickname?.trim() || null },
          [{ role, ...scope }],
          manager,
        );
        await this.audit.record(
          actor,
          meta,
          {
            action: 'staff.create',
            targetType: 'user',
            targetId: userId,
            regionId: scope.regionId,
            after: { username, role, ...scope },
          },
          manager,
        );
        return created;
      });
      return {
        id: user.id,
        username,
        nickname: user.nickname,
        role,
        ...scope,
        createdAt: user.createdAt.toISOString(),
      };
    } catch (error) {
      if (isUniqueViolation(error)) throw StaffError.usernameTaken();
      throw error;
    }
  }

  async list(actor: Actor, query: ListStaffQueryDto): Promise<Page<StaffAccount>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const ability = await this.policy.abilityFor(actor);
    const scope = accessibleWhere(ability, 'read', 'StaffAccount', {
      id: 'grant.userId',
      regionId: 'grant.regionId',
    });
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rows = await this.staff.page(
      scope,
      query.role,
      after ? { username: after[0], id: after[1] } : null,
      limit + 1,
    );
    return toPage(rows, limit, toStaffAccount, (row) => [row.user?.username ?? '', row.id]);
  }

  /**
   * The scope field the role needs must be present and inside the admin's region; a region,
   * station or merchant outside it is answered as absent (404), like any invisible object.
   */
  private async resolveScope(
    actor: Actor,
    role: StaffRole,
    dto: CreateStaffDto,
  ): Promise<GrantScope> {
    const required = SCOPE_FIELD[role];
    for (const field of ['regionId', 'stationId', 'merchantId'] as const) {
      if (field === required && !dto[field]) throw scopeFieldRequired(field, role);
      if (field !== required && dto[field]) throw scopeFieldNotAllowed(field, role);
    }
    if (required === 'stationId') {
      const station = await this.stations.findById(dto.stationId as string);
      if (!station || !(await this.policy.can(actor, 'manage', 'Station', station))) {
        throw new NotFoundError('Station not found');
      }
      return { regionId: station.regionId, stationId: station.id, merchantId: null };
    }
    if (required === 'merchantId') {
      const merchant = await this.merchants.findById(dto.merchantId as string);
      if (!merchant || !(await this.policy.can(actor, 'manage', 'Merchant', merchant))) {
        throw new NotFoundError('Merchant not found');
      }
      return { regionId: merchant.regionId, stationId: null, merchantId: merchant.id };
    }
    const regionId = dto.regionId as string;
    if (!(await this.policy.can(actor, 'manage', 'Region', { id: regionId }))) {
      throw new NotFoundError('Region not found');
    }
    return { regionId, stationId: null, merchantId: null };
  }
}

export function toStaffAccount(grant: UserRoleEntity): StaffAccount {
  return {
    id: grant.userId,
    username: grant.user?.username ?? '',
    nickname: grant.user?.nickname ?? null,
    role: grant.role,
    regionId: grant.regionId,
    stationId: grant.stationId,
    merchantId: grant.merchantId,
    createdAt: (grant.user?.createdAt ?? grant.createdAt).toISOString(),
  };
}
