import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { ReportCategoryEntity } from './report-category.entity';

@Injectable()
export class ReportCategoriesRepository {
  constructor(
    @InjectRepository(ReportCategoryEntity)
    private readonly categories: Repository<ReportCategoryEntity>,
  ) {}

  findById(id: string): Promise<ReportCategoryEntity | null> {
    return this.categories.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<ReportCategoryEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.categories.findBy({ id: In([...ids]) });
  }

  ofRegions(regionIds: readonly string[]): Promise<ReportCategoryEntity[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.categories.findBy({ regionId: In([...regionIds]) });
  }

  allActive(): Promise<ReportCategoryEntity[]> {
    return this.categories.find({
      where: { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  async insert(category: ReportCategoryEntity, manager: TxManager): Promise<void> {
    await manager.insert(ReportCategoryEntity, category);
  }

  async update(
    id: string,
    changes: Partial<ReportCategoryEntity>,
    manager: TxManager,
  ): Promise<void> {
    await manager.update(ReportCategoryEntity, { id }, changes);
  }
}
