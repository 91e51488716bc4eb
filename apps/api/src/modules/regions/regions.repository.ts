import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RegionEntity } from './region.entity';

@Injectable()
export class RegionsRepository {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  /** Every region, parents before children (a path is longer than its parent's). */
  findAll(): Promise<RegionEntity[]> {
    return this.regions.find({ order: { path: 'ASC', code: 'ASC' } });
  }

  /** The region and all its descendants: one indexed prefix match on the materialised path. */
  async findSubtreeIds(id: string): Promise<string[]> {
    const root = await this.regions.findOne({ select: { id: true, path: true }, where: { id } });
    if (!root) return [];
    const rows = await this.regions
      .createQueryBuilder('region')
      .select('region.id', 'id')
      .where('region.path LIKE :prefix', { prefix: `${root.path}%` })
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  findById(id: string): Promise<RegionEntity | null> {
    return this.regions.findOneBy({ id });
  }
}
