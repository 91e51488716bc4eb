import { Injectable } from '@nestjs/common';
import {
  CreateMerchantDto,
  DEFAULT_PAGE_LIMIT,
  ListMerchantsQueryDto,
  MerchantSummary,
  Page,
  UpdateMerchantDto,
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

  /**
   * Changes the fields sent, audited with their before and after. A merchant outside the admin's
   * region, or a new region outside it, answers 404 as if it did not exist; sending what is
   * already stored writes nothing, not even an audit entry.
   */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateMerchantDto,
    meta: RequestMeta,
  ): Promise<MerchantSummary> {
    const merchant = await this.merchants.findById(id);
    if (!merchant || !(await this.policy.can(actor, 'manage', 'Merchant', merchant))) {
      throw new NotFoundError('Merchant not found');
    }
    if (
      dto.regionId !== undefined &&
      dto.regionId !== merchant.regionId &&
      !(await this.policy.can(actor, 'manage', 'Merchant', { id, regionId: dto.regionId }))
    ) {
      throw new NotFoundError('Region not found');
    }
    const current = toMerchantSummary(merchant);
    const wanted: Partial<MerchantSummary> = {
      name: dto.name?.trim(),
      address: dto.address?.trim(),
      // Stored with six decimals (about 0.1 m): compared as stored, or every save would change.
      lat: dto.lat === undefined ? undefined : Number(dto.lat.toFixed(6)),
      lng: dto.lng === undefined ? undefined : Number(dto.lng.toFixed(6)),
      regionId: dto.regionId,
      phone: dto.phone === undefined ? undefined : (dto.phone?.trim() ?? null),
    };
    const changed = (Object.keys(wanted) as (keyof MerchantSummary)[]).filter(
      (field) => wanted[field] !== undefined && wanted[field] !== current[field],
    );
    if (changed.length === 0) return current;
    const before = Object.fromEntries(changed.map((field) => [field, current[field]]));
    const after = Object.fromEntries(changed.map((field) => [field, wanted[field]]));
    await this.transactions.run(async (manager) => {
      await this.merchants.update(id, after as Partial<MerchantEntity>, manager);
      await this.audit.record(
        actor,
        meta,
        {
          action: 'merchant.update',
          targetType: 'merchant',
          targetId: id,
          // The region it is in now: a move shows in the new region's log (and its before).
          regionId: (after.regionId as string | undefined) ?? merchant.regionId,
          before,
          after,
        },
        manager,
      );
    });
    return { ...current, ...after };
  }
}
