import { Injectable } from '@nestjs/common';
import { CreateDepartmentDto, DepartmentView, ListDepartmentsQueryDto } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { Transactions } from '../../database/transactions';
import { isUniqueViolation } from '../../database/unique-violation';
import { AccessError } from '../access/access.errors';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { RegionScopeService } from '../access/region-scope.service';
import { AuditService } from '../audit/audit.service';
import { lineageOf } from '../regions/region-lineage';
import { RegionsRepository } from '../regions/regions.repository';
import { DepartmentEntity } from './department.entity';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentError } from './departments.errors';

export function toDepartmentView(department: DepartmentEntity): DepartmentView {
  return {
    id: department.id,
    name: department.name,
    regionId: department.regionId,
    phone: department.phone,
  };
}

/**
 * Departments that fix what reports find. A department of a region serves its whole subtree,
 * so a street's report can go to the district's 城管局 as well as the street's own office.
 */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly regions: RegionsRepository,
    private readonly regionScope: RegionScopeService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * The departments serving a region (its ancestors' and its own) and those inside it, for
   * staff who may see the region; without `regionId`, those of the caller's own regions.
   */
  async list(actor: Actor, query: ListDepartmentsQueryDto): Promise<DepartmentView[]> {
    const regionIds = query.regionId ? [query.regionId] : this.staffRegionsOf(actor);
    if (regionIds.length === 0) throw AccessError.forbidden('Only staff see departments');
    const reach = new Set<string>();
    for (const regionId of regionIds) {
      const region = await this.regions.findById(regionId);
      if (!region || !(await this.policy.can(actor, 'read', 'Department', { regionId }))) {
        throw new NotFoundError('Region not found');
      }
      for (const id of lineageOf(region)) reach.add(id);
      for (const id of await this.regionScope.subtreeIds(regionId)) reach.add(id);
    }
    return (await this.departments.inRegions([...reach])).map(toDepartmentView);
  }

  /** Whether `department` serves a report filed in `regionId` (it is of the region or above). */
  async serves(departmentId: string, regionPath: string): Promise<DepartmentEntity | null> {
    const department = await this.departments.findById(departmentId);
    if (!department || !lineageOf({ path: regionPath }).includes(department.regionId)) return null;
    return department;
  }

  async create(actor: Actor, dto: CreateDepartmentDto, meta: RequestMeta): Promise<DepartmentView> {
    if (!(await this.policy.can(actor, 'create', 'Department', { regionId: dto.regionId }))) {
      throw new NotFoundError('Region not found');
    }
    const department = Object.assign(new DepartmentEntity(), {
      id: randomUUID(),
      regionId: dto.regionId,
      name: dto.name.trim(),
      phone: dto.phone?.trim() ?? null,
      createdAt: this.clock.now(),
    });
    try {
      await this.transactions.run(async (manager) => {
        await this.departments.insert(department, manager);
        await this.audit.record(
          actor,
          meta,
          {
            action: 'department.create',
            targetType: 'department',
            targetId: department.id,
            regionId: department.regionId,
            after: toDepartmentView(department),
          },
          manager,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DepartmentError.nameTaken();
      throw error;
    }
    return toDepartmentView(department);
  }

  private staffRegionsOf(actor: Actor): string[] {
    return actor.roles
      .filter((claim) => claim.role === 'handler' || claim.role === 'district_admin')
      .map((claim) => claim.regionId)
      .filter((id): id is string => id !== null);
  }
}
