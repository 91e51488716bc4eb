import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { DepartmentEntity } from './department.entity';

@Injectable()
export class DepartmentsRepository {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
  ) {}

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.departments.findBy({ id: In([...ids]) });
  }

  /** Departments of any of the regions, by name. */
  inRegions(regionIds: readonly string[]): Promise<DepartmentEntity[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.departments.find({
      where: { regionId: In([...regionIds]) },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  async insert(department: DepartmentEntity, manager: TxManager): Promise<void> {
    await manager.insert(DepartmentEntity, department);
  }
}
