import { DEFAULT_CODE_VALID_HOURS } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { uuidV5 } from '../../common/uuid';
import { DEFAULT_TIME_ZONE, RegionEntity } from '../../modules/regions/region.entity';
import { toAmenityMask } from '../../modules/stations/amenity-mask';
import { EarningRuleEntity } from '../../modules/ledger/earning-rule.entity';
import { MerchantEntity } from '../../modules/merchants/merchant.entity';
import { DepartmentEntity } from '../../modules/departments/department.entity';
import { ReportCategoryEntity } from '../../modules/report-categories/report-category.entity';
import { RewardEntity } from '../../modules/rewards/reward.entity';
import { StationEntity } from '../../modules/stations/station.entity';
import { seedDemoAccounts } from './demo-accounts-seed';
import { DEMO_MERCHANTS, MerchantSeed } from './demo/demo-merchants';
import { DEMO_REGIONS, RegionSeed } from './demo/demo-regions';
import { DEMO_REWARDS, DEMO_RULES, RewardSeed, RuleSeed } from './demo/demo-rewards';
import { DEMO_STATIONS, StationSeed } from './demo/demo-stations';
import {
  CategorySeed,
  DEMO_CATEGORIES,
  DEMO_DEPARTMENTS,
  DepartmentSeed,
} from './demo/demo-reports';
import { insertMissingById, UpsertCounts, upsertById } from './upsert-by-id';

/** Namespace of every demo id (UUIDv5): the same natural key always yields the same id. */
export const DEMO_NAMESPACE = '6f1c2d7e-3b8a-5c4d-9e0f-1a2b3c4d5e6f';

export const regionIdOf = (code: string) => uuidV5(`region:${code}`, DEMO_NAMESPACE);
export const stationIdOf = (key: string) => uuidV5(`station:${key}`, DEMO_NAMESPACE);
export const merchantIdOf = (key: string) => uuidV5(`merchant:${key}`, DEMO_NAMESPACE);
export const userIdOf = (username: string) => uuidV5(`user:${username}`, DEMO_NAMESPACE);
export const rewardIdOf = (key: string) => uuidV5(`reward:${key}`, DEMO_NAMESPACE);
const grantIdOf = (username: string) => uuidV5(`grant:${username}`, DEMO_NAMESPACE);
const departmentIdOf = (regionCode: string, key: string) =>
  uuidV5(`department:${regionCode}:${key}`, DEMO_NAMESPACE);
const categoryIdOf = (seed: CategorySeed) =>
  uuidV5(`report-category:${seed.regionCode}:${seed.code}`, DEMO_NAMESPACE);
const ruleIdOf = (seed: RuleSeed) => uuidV5(`rule:${seed.regionCode}:${seed.kind}`, DEMO_NAMESPACE);

export type SeedReport = Record<string, UpsertCounts>;

/** Flattens the seed tree parents-first, computing each materialised path. */
function toRegionRows(seeds: readonly RegionSeed[], parent: RegionEntity | null): RegionEntity[] {
  return seeds.flatMap((seed) => {
    const id = regionIdOf(seed.code);
    const region = Object.assign(new RegionEntity(), {
      id,
      code: seed.code,
      name: seed.name,
      level: seed.level,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      timeZone: DEFAULT_TIME_ZONE,
    });
    return [region, ...toRegionRows(seed.children ?? [], region)];
  });
}

function toStationRow(seed: StationSeed): StationEntity {
  return Object.assign(new StationEntity(), {
    id: stationIdOf(seed.key),
    regionId: regionIdOf(seed.regionCode),
    name: seed.name,
    brand: seed.brand,
    address: seed.address,
    lat: seed.lat,
    lng: seed.lng,
    status: seed.status,
    amenityMask: toAmenityMask(seed.amenities),
    openingHours: seed.openingHours,
    phone: seed.phone,
    managerName: seed.managerName,
    services: seed.services,
    hotlines: seed.hotlines,
    description: seed.description,
  });
}

function toMerchantRow(seed: MerchantSeed): MerchantEntity {
  return Object.assign(new MerchantEntity(), {
    id: merchantIdOf(seed.key),
    regionId: regionIdOf(seed.regionCode),
    name: seed.name,
    address: seed.address,
    lat: seed.lat,
    lng: seed.lng,
    phone: seed.phone,
  });
}

function toRewardRow(seed: RewardSeed, regionOf: (key: string) => string): RewardEntity {
  const placeKey = seed.merchantKey ?? seed.stationKey ?? '';
  return Object.assign(new RewardEntity(), {
    id: rewardIdOf(seed.key),
    regionId: regionOf(placeKey),
    merchantId: seed.merchantKey ? merchantIdOf(seed.merchantKey) : null,
    stationId: seed.stationKey ? stationIdOf(seed.stationKey) : null,
    title: seed.title,
    description: seed.description,
    pointsCost: seed.pointsCost,
    stock: seed.stock,
    perUserLimit: seed.perUserLimit ?? null,
    limitPeriod: seed.perUserLimit ? (seed.limitPeriod ?? 'total') : null,
    validFrom: null,
    validTo: null,
    codeValidHours: seed.codeValidHours ?? DEFAULT_CODE_VALID_HOURS,
    status: 'active',
    createdBy: null,
  });
}

function toRuleRow(seed: RuleSeed): EarningRuleEntity {
  return Object.assign(new EarningRuleEntity(), {
    id: ruleIdOf(seed),
    regionId: regionIdOf(seed.regionCode),
    kind: seed.kind,
    points: seed.points,
    dailyCap: seed.dailyCap,
    weeklyCap: seed.weeklyCap,
    expiryPolicy: 'end_of_next_year',
  });
}

function toDepartmentRow(seed: DepartmentSeed): DepartmentEntity {
  return Object.assign(new DepartmentEntity(), {
    id: departmentIdOf(seed.regionCode, seed.key),
    regionId: regionIdOf(seed.regionCode),
    name: seed.name,
    phone: seed.phone,
  });
}

function toCategoryRow(seed: CategorySeed): ReportCategoryEntity {
  return Object.assign(new ReportCategoryEntity(), {
    id: categoryIdOf(seed),
    regionId: regionIdOf(seed.regionCode),
    code: seed.code,
    name: seed.name,
    icon: seed.icon,
    slaHours: seed.slaHours,
    defaultDepartmentId: seed.departmentKey
      ? departmentIdOf(seed.regionCode, seed.departmentKey)
      : null,
    active: true,
    sortOrder: seed.sortOrder,
  });
}

/** The region of each demo merchant and station, by key: a reward lies in its place's region. */
function placeRegions(): (key: string) => string {
  const regions = new Map<string, string>();
  for (const seed of DEMO_MERCHANTS) regions.set(seed.key, regionIdOf(seed.regionCode));
  for (const seed of DEMO_STATIONS) regions.set(seed.key, regionIdOf(seed.regionCode));
  return (key) => {
    const regionId = regions.get(key);
    if (!regionId) throw new Error(`Demo reward names an unknown place: ${key}`);
    return regionId;
  };
}

/**
 * Loads the demo dataset in one transaction. Idempotent: rows are keyed by deterministic
 * ids, so a second run creates and changes nothing. Stations, rewards, earning rules,
 * departments and report categories are only created when missing: admins edit a station
 * (managers its status and amenities), a reward's stock, a rule's points, a category's SLA, and
 * a re-run must not undo that.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedReport> {
  const regionOfPlace = placeRegions();
  const places = await dataSource.transaction(async (manager) => ({
    regions: await upsertById(manager, RegionEntity, toRegionRows(DEMO_REGIONS, null)),
    stations: await insertMissingById(manager, StationEntity, DEMO_STATIONS.map(toStationRow)),
    merchants: await upsertById(manager, MerchantEntity, DEMO_MERCHANTS.map(toMerchantRow)),
    'earning rules': await insertMissingById(manager, EarningRuleEntity, DEMO_RULES.map(toRuleRow)),
    departments: await insertMissingById(
      manager,
      DepartmentEntity,
      DEMO_DEPARTMENTS.map(toDepartmentRow),
    ),
    'report categories': await insertMissingById(
      manager,
      ReportCategoryEntity,
      DEMO_CATEGORIES.map(toCategoryRow),
    ),
    rewards: await insertMissingById(
      manager,
      RewardEntity,
      DEMO_REWARDS.map((seed) => toRewardRow(seed, regionOfPlace)),
    ),
  }));
  // Password hashing is slow on purpose: keep it out of the places' transaction.
  const { accounts, grants } = await seedDemoAccounts(dataSource, {
    regionIdOf,
    stationIdOf,
    merchantIdOf,
    userIdOf,
    grantIdOf,
  });
  return { ...places, 'staff accounts': accounts, 'staff roles': grants };
}
