import { Injectable } from '@nestjs/common';
import {
  CreateMerchantDto,
  DEFAULT_PAGE_LIMIT,
  ListMerchantsQueryDto,
  MerchantSummary,
  Page,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../common/errors/domain.error';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import { Transactions } from '../../database/transactions';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { RegionScopeService } from '../access/region-scope.service';
import { AuditService } from '../audit/audit.service';
import { MerchantEntity } from './merchant.entity';
import { MerchantsRepository } from './merchants.repository';

export function toMerchantSummary(merchant: MerchantEntity): MerchantSummary {
  return {
    id: merchant.id,
    name: merchant.name,
    address: merchant.address,
    lat: merchant.lat,
    lng: merchant.lng,
    regionId: merchant.regionId,
    phone: merchant.phone,
  };
}

/** Partner merchants: anyone signed in may browse them; district admins add them in their region. */
@Injectable()
export class MerchantsService {
  constructor(
    private readonly merchants: MerchantsRepository,
    private readonly policy: AccessPolicy,
    private readonly regionScope: RegionScopeService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(query: ListMerchantsQueryDto): Promise<Page<MerchantSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const regionIds = query.regionId ? await this.regionScope.subtreeIds(query.regionId) : null;
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rows = await this.merchants.page(
      regionIds,
      after ? { name: after[0], id: after[1] } : null,
      limit + 1,
    );
    return toPage(rows, limit, toMerchantSummary, (row) => [row.name, row.id]);
  }

  async create(actor: Actor, dto: CreateMerchantDto, meta: RequestMeta): Promise<MerchantSummary> {
    // A region outside the admin's district looks like one that does not exist.
    if (!(await this.policy.can(actor, 'create', 'Merchant', { id: '', regionId: dto.regionId }))) {
      throw new NotFoundError('Region not found');
    }
    const merchant = Object.assign(new MerchantEntity(), {
      id: randomUUID(),
      regionId: dto.regionId,
      name: dto.name.trim(),
      address: dto.address.trim(),
      lat: dto.lat,
      lng: dto.lng,
      phone: dto.phone ?? null,
    });
    await this.transactions.run(async (manager) => {
      await this.merchants.insert(merchant, manager);
      await this.audit.record(
        actor,
        meta,
        {
          action: 'merchant.create',
          targetType: 'merchant',
          targetId: merchant.id,
          regionId: merchant.regionId,
          after: toMerchantSummary(merchant),
        },
        manager,
      );
    });
    return toMerchantSummary(merchant);
  }
}
