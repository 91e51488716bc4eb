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

  findById(id: string): Promise<RegionEntity | null> {
    return this.regions.findOneBy({ id });
  }
}
