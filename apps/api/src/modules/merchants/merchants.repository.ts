import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { MerchantEntity } from './merchant.entity';

@Injectable()
export class MerchantsRepository {
  constructor(
    @InjectRepository(MerchantEntity) private readonly merchants: Repository<MerchantEntity>,
  ) {}

  findById(id: string): Promise<MerchantEntity | null> {
    return this.merchants.findOneBy({ id });
  }

  async insert(merchant: MerchantEntity, manager: TxManager): Promise<void> {
    await manager.getRepository(MerchantEntity).insert(merchant);
  }

  async update(id: string, changes: Partial<MerchantEntity>, manager: TxManager): Promise<void> {
    await manager.getRepository(MerchantEntity).update({ id }, changes);
  }

  /** By name, keyset-paginated after (name, id); optionally inside some regions. */
  page(
    regionIds: string[] | null,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<MerchantEntity[]> {
    const query = this.merchants.createQueryBuilder('merchant');
    if (regionIds) {
      if (regionIds.length === 0) return Promise.resolve([]);
      query.where('merchant.regionId IN (:...regionIds)', { regionIds });
    }
    if (after) {
      query.andWhere(
        '(merchant.name > :afterName OR (merchant.name = :afterName AND merchant.id > :afterId))',
        { afterName: after.name, afterId: after.id },
      );
    }
    return query
      .orderBy('merchant.name', 'ASC')
      .addOrderBy('merchant.id', 'ASC')
      .take(limit)
      .getMany();
  }
}
