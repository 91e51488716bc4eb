import { Injectable } from '@nestjs/common';
import {
  CreateReportCategoryDto,
  ListReportCategoriesQueryDto,
  ReportCategoryView,
  UpdateReportCategoryDto,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { isUuid } from '../../common/uuid';
import { Transactions } from '../../database/transactions';
import { isUniqueViolation } from '../../database/unique-violation';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { DepartmentEntity } from '../departments/department.entity';
import { DepartmentsRepository } from '../departments/departments.repository';
import { DepartmentsService } from '../departments/departments.service';
import { RegionEntity } from '../regions/region.entity';
import { lineageOf } from '../regions/region-lineage';
import { RegionsRepository } from '../regions/regions.repository';
import { ReportCategoryError } from './report-categories.errors';
import { ReportCategoriesRepository } from './report-categories.repository';
import { ReportCategoryEntity } from './report-category.entity';
import { ServiceArea } from './service-area';

export function toCategoryView(
  category: ReportCategoryEntity,
  department: DepartmentEntity | null,
): ReportCategoryView {
  return {
    id: category.id,
    code: category.code,
    name: category.name,
    icon: category.icon,
    slaHours: category.slaHours,
    regionId: category.regionId,
    defaultDepartment: department ? { id: department.id, name: department.name } : null,
    active: category.active,
    sortOrder: category.sortOrder,
  };
}

const bySortOrder = (a: ReportCategoryEntity, b: ReportCategoryEntity) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/**
 * Report categories: a region's own and inherited ones (its own win by code), where a report
 * at a place is filed under, and their management by district admins.
 */
@Injectable()
export class ReportCategoriesService {
  constructor(
    private readonly categories: ReportCategoriesRepository,
    private readonly departments: DepartmentsRepository,
    private readonly departmentRules: DepartmentsService,
    private readonly regions: RegionsRepository,
    private readonly serviceArea: ServiceArea,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListReportCategoriesQueryDto): Promise<ReportCategoryView[]> {
    if ((query.lat === undefined) !== (query.lng === undefined)) {
      throw ValidationFailedError.forField(
        query.lat === undefined ? 'lat' : 'lng',
        'bothOrNeither',
        'Give both lat and lng, or neither',
      );
    }
    let region: RegionEntity | null = null;
    if (query.lat !== undefined && query.lng !== undefined) {
      region = await this.serviceArea.regionAt({ lat: query.lat, lng: query.lng });
      if (!region) throw ReportCategoryError.outsideServiceArea();
    } else if (query.regionId) {
      region = await this.regions.findById(query.regionId);
      if (!region) throw new NotFoundError('Region not found');
    } else {
      const own = actor.roles.find((claim) => claim.regionId !== null)?.regionId ?? null;
      region = own ? await this.regions.findById(own) : null;
    }
    const categories = region
      ? await this.effectiveIn(region, await this.seesInactive(actor, region))
      : oneOfEachCode(await this.categories.allActive());
    return this.withDepartments(categories);
  }

  /**
   * The category a report of `code` at `region` is filed under: the region's own, else its
   * nearest ancestor's; 422 REPORT_CATEGORY_UNAVAILABLE when none is in service.
   */
  async forReport(region: RegionEntity, code: string): Promise<ReportCategoryEntity> {
    const category = (await this.effectiveIn(region, false)).find((c) => c.code === code);
    if (!category) throw ReportCategoryError.unavailable(code);
    return category;
  }

  async create(
    actor: Actor,
    dto: CreateReportCategoryDto,
    meta: RequestMeta,
  ): Promise<ReportCategoryView> {
    const region = await this.regions.findById(dto.regionId);
    if (
      !region ||
      !(await this.policy.can(actor, 'create', 'ReportCategory', { regionId: region.id }))
    ) {
      throw new NotFoundError('Region not found');
    }
    const department = await this.departmentFor(dto.defaultDepartmentId ?? null, region);
    const now = this.clock.now();
    const category = Object.assign(new ReportCategoryEntity(), {
      id: randomUUID(),
      regionId: region.id,
      code: dto.code,
      name: dto.name.trim(),
      icon: dto.icon,
      slaHours: dto.slaHours,
      defaultDepartmentId: department?.id ?? null,
      active: true,
      sortOrder: dto.sortOrder ?? 0,
      createdAt: now,
      updatedAt: now,
    });
    const view = toCategoryView(category, department);
    try {
      await this.transactions.run(async (manager) => {
        await this.categories.insert(category, manager);
        await this.audit.record(
          actor,
          meta,
          {
            action: 'report_category.create',
            targetType: 'report_category',
            targetId: category.id,
            regionId: region.id,
            after: view,
          },
          manager,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw ReportCategoryError.codeTaken();
      throw error;
    }
    return view;
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateReportCategoryDto,
    meta: RequestMeta,
  ): Promise<ReportCategoryView> {
    const category = isUuid(id) ? await this.categories.findById(id) : null;
    if (!category || !(await this.policy.can(actor, 'update', 'ReportCategory', category))) {
      throw new NotFoundError('Category not found');
    }
    const region = await this.regions.findById(category.regionId);
    if (!region) throw new NotFoundError('Category not found');
    const departmentId =
      dto.defaultDepartmentId === undefined
        ? category.defaultDepartmentId
        : dto.defaultDepartmentId;
    const department = await this.departmentFor(departmentId, region);
    const changed = Object.assign(new ReportCategoryEntity(), category, {
      name: dto.name?.trim() ?? category.name,
      icon: dto.icon ?? category.icon,
      slaHours: dto.slaHours ?? category.slaHours,
      defaultDepartmentId: department?.id ?? null,
      active: dto.active ?? category.active,
      sortOrder: dto.sortOrder ?? category.sortOrder,
      updatedAt: this.clock.now(),
    });
    const before = toCategoryView(
      category,
      await this.departmentOrNull(category.defaultDepartmentId),
    );
    const after = toCategoryView(changed, department);
    if (JSON.stringify(before) === JSON.stringify(after)) return after;
    await this.transactions.run(async (manager) => {
      await this.categories.update(
        id,
        {
          name: changed.name,
          icon: changed.icon,
          slaHours: changed.slaHours,
          defaultDepartmentId: changed.defaultDepartmentId,
          active: changed.active,
          sortOrder: changed.sortOrder,
          updatedAt: changed.updatedAt,
        },
        manager,
      );
      await this.audit.record(
        actor,
        meta,
        {
          action: 'report_category.update',
          targetType: 'report_category',
          targetId: id,
          regionId: category.regionId,
          before,
          after,
        },
        manager,
      );
    });
    return after;
  }

  /** One category per code for the region: its own, else the nearest ancestor's. */
  private async effectiveIn(
    region: RegionEntity,
    includeInactive: boolean,
  ): Promise<ReportCategoryEntity[]> {
    const lineage = lineageOf(region);
    const rows = await this.categories.ofRegions(lineage);
    const depth = (category: ReportCategoryEntity) => lineage.indexOf(category.regionId);
    const byCode = new Map<string, ReportCategoryEntity>();
    for (const category of rows.sort((a, b) => depth(a) - depth(b)))
      byCode.set(category.code, category);
    return [...byCode.values()]
      .filter((category) => includeInactive || category.active)
      .sort(bySortOrder);
  }

  private async seesInactive(actor: Actor, region: RegionEntity): Promise<boolean> {
    return this.policy.can(actor, 'update', 'ReportCategory', { regionId: region.id });
  }

  private async withDepartments(categories: ReportCategoryEntity[]): Promise<ReportCategoryView[]> {
    const ids = [
      ...new Set(categories.map((c) => c.defaultDepartmentId).filter((id): id is string => !!id)),
    ];
    const departments = new Map((await this.departments.findByIds(ids)).map((d) => [d.id, d]));
    return categories.map((category) =>
      toCategoryView(
        category,
        category.defaultDepartmentId
          ? (departments.get(category.defaultDepartmentId) ?? null)
          : null,
      ),
    );
  }

  private async departmentFor(
    departmentId: string | null,
    region: RegionEntity,
  ): Promise<DepartmentEntity | null> {
    if (departmentId === null) return null;
    const department = await this.departmentRules.serves(departmentId, region.path);
    if (!department) {
      throw ValidationFailedError.forField(
        'defaultDepartmentId',
        'servesRegion',
        "defaultDepartmentId is not a department of the category's region or above it",
      );
    }
    return department;
  }

  private departmentOrNull(id: string | null): Promise<DepartmentEntity | null> {
    return id ? this.departments.findById(id) : Promise.resolve(null);
  }
}

/** Every active category once per code (the first by sort order), for a caller without a place. */
function oneOfEachCode(categories: ReportCategoryEntity[]): ReportCategoryEntity[] {
  const byCode = new Map<string, ReportCategoryEntity>();
  for (const category of categories)
    if (!byCode.has(category.code)) byCode.set(category.code, category);
  return [...byCode.values()].sort(bySortOrder);
}
