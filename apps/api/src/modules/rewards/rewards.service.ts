import { Injectable } from '@nestjs/common';
import {
  CreateRewardDto,
  DEFAULT_CODE_VALID_HOURS,
  DEFAULT_PAGE_LIMIT,
  DEFAULT_REWARD_RADIUS_M,
  ListRewardsQueryDto,
  Page,
  RewardSummary,
  UpdateRewardDto,
} from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { decodeCursor, invalidCursor, toPage } from '../../common/pagination/cursor';
import { isUuid } from '../../common/uuid';
import { Transactions } from '../../database/transactions';
import { AccessError } from '../access/access.errors';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { RegionScopeService } from '../access/region-scope.service';
import { accessibleWhere } from '../access/sql-scope';
import { AuditService } from '../audit/audit.service';
import { LedgerService } from '../ledger/ledger.service';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { boundingBox, haversineMeters } from '../stations/geo';
import { StationsRepository } from '../stations/stations.repository';
import { placeOf, toRewardSummary, unavailabilityOf } from './reward.mapper';
import { RewardEntity } from './reward.entity';
import { RewardFilters, RewardsRepository } from './rewards.repository';

/**
 * Rewards: district admins offer them for a merchant or station of their region; every signed-in
 * user browses the ones that can be redeemed now. Stock only changes inside a redemption's
 * transaction (RedemptionsService) or by an admin's PATCH.
 */
@Injectable()
export class RewardsService {
  constructor(
    private readonly rewards: RewardsRepository,
    private readonly merchants: MerchantsRepository,
    private readonly stations: StationsRepository,
    private readonly ledger: LedgerService,
    private readonly policy: AccessPolicy,
    private readonly regionScope: RegionScopeService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateRewardDto, meta: RequestMeta): Promise<RewardSummary> {
    if ((dto.merchantId === undefined) === (dto.stationId === undefined)) {
      throw ValidationFailedError.forField(
        dto.merchantId === undefined ? 'merchantId' : 'stationId',
        'exactlyOneOf',
        'Give exactly one of merchantId and stationId',
      );
    }
    const merchant = dto.merchantId ? await this.merchants.findById(dto.merchantId) : null;
    const station = dto.stationId ? await this.stations.findById(dto.stationId) : null;
    const place = merchant ?? station;
    // A merchant or station outside the admin's region looks like one that does not exist.
    if (!place || !(await this.policy.can(actor, 'create', 'Reward', place))) {
      throw new NotFoundError(
        merchant || dto.merchantId ? 'Merchant not found' : 'Station not found',
      );
    }
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : null;
    const validTo = dto.validTo ? new Date(dto.validTo) : null;
    assertWindow(validFrom, validTo);
    const reward = Object.assign(new RewardEntity(), {
      id: randomUUID(),
      regionId: place.regionId,
      merchantId: merchant?.id ?? null,
      stationId: station?.id ?? null,
      title: dto.title.trim(),
      description: dto.description?.trim() || null,
      pointsCost: dto.pointsCost,
      stock: dto.stock ?? null,
      perUserLimit: dto.perUserLimit ?? null,
      limitPeriod: dto.perUserLimit ? (dto.limitPeriod ?? 'total') : null,
      validFrom,
      validTo,
      codeValidHours: dto.codeValidHours ?? DEFAULT_CODE_VALID_HOURS,
      status: 'active',
      createdBy: actor.userId,
    });
    await this.transactions.run(async (manager) => {
      await this.rewards.insert(reward, manager);
      await this.audit.record(
        actor,
        meta,
        {
          action: 'reward.create',
          targetType: 'reward',
          targetId: reward.id,
          regionId: reward.regionId,
          after: auditView(reward),
        },
        manager,
      );
    });
    return this.view(reward.id);
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateRewardDto,
    meta: RequestMeta,
  ): Promise<RewardSummary> {
    const reward = await this.find(id);
    if (!reward || !(await this.policy.can(actor, 'update', 'Reward', reward))) {
      throw new NotFoundError('Reward not found');
    }
    const changes: Partial<RewardEntity> = {};
    if (dto.title !== undefined) changes.title = dto.title.trim();
    if (dto.description !== undefined) changes.description = dto.description?.trim() || null;
    if (dto.pointsCost !== undefined) changes.pointsCost = dto.pointsCost;
    if (dto.stock !== undefined) changes.stock = dto.stock;
    if (dto.perUserLimit !== undefined) changes.perUserLimit = dto.perUserLimit;
    if (dto.limitPeriod !== undefined) changes.limitPeriod = dto.limitPeriod;
    if (dto.validFrom !== undefined)
      changes.validFrom = dto.validFrom ? new Date(dto.validFrom) : null;
    if (dto.validTo !== undefined) changes.validTo = dto.validTo ? new Date(dto.validTo) : null;
    if (dto.codeValidHours !== undefined) changes.codeValidHours = dto.codeValidHours;
    if (dto.status !== undefined) changes.status = dto.status;
    const after = Object.assign(new RewardEntity(), reward, changes);
    // A limit needs its period and a period without a limit means nothing.
    after.limitPeriod = after.perUserLimit ? (after.limitPeriod ?? 'total') : null;
    changes.limitPeriod = after.limitPeriod;
    assertWindow(after.validFrom, after.validTo);
    await this.transactions.run(async (manager) => {
      await this.rewards.update(reward.id, changes, manager);
      await this.audit.record(
        actor,
        meta,
        {
          action: 'reward.update',
          targetType: 'reward',
          targetId: reward.id,
          regionId: reward.regionId,
          before: auditView(reward),
          after: auditView(after),
        },
        manager,
      );
    });
    return this.view(reward.id);
  }

  /** One reward: anyone may see a redeemable one; a paused or ended one only its region's admins. */
  async get(actor: Actor, id: string): Promise<RewardSummary> {
    const reward = await this.find(id);
    const now = this.clock.now();
    if (!reward) throw new NotFoundError('Reward not found');
    if (unavailabilityOf(reward, now) !== null) {
      if (!(await this.policy.can(actor, 'read', 'Reward', reward))) {
        throw new NotFoundError('Reward not found');
      }
    }
    return toRewardSummary(reward, now);
  }

  async list(actor: Actor, query: ListRewardsQueryDto): Promise<Page<RewardSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const now = this.clock.now();
    const filters: RewardFilters = {
      regionIds: query.regionId ? await this.regionScope.subtreeIds(query.regionId) : null,
      merchantId: query.merchantId,
      stationId: query.stationId,
    };
    if (query.includeInactive) {
      if (!actor.has('district_admin')) {
        throw AccessError.forbidden('Only district admins list paused or ended rewards');
      }
      const ability = await this.policy.abilityFor(actor);
      filters.scope = accessibleWhere(ability, 'read', 'Reward', { regionId: 'reward.regionId' });
    } else {
      filters.availableAt = now;
    }
    if (query.affordable) filters.maxCost = await this.ledger.spendable(actor.userId);

    if (query.lat !== undefined && query.lng !== undefined) {
      return this.nearby(filters, { lat: query.lat, lng: query.lng }, query, limit, now);
    }
    const after = query.cursor ? decodeCostCursor(query.cursor) : null;
    const rows = await this.rewards.pageByCost(filters, after, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toRewardSummary(row, now),
      (row) => [String(row.pointsCost), row.id],
    );
  }

  /**
   * Nearest first within the radius. Rewards are few next to stations (a few per merchant), so
   * the box's candidates are ranked in memory, with a (distance, id) keyset cursor.
   */
  private async nearby(
    filters: RewardFilters,
    center: { lat: number; lng: number },
    query: ListRewardsQueryDto,
    limit: number,
    now: Date,
  ): Promise<Page<RewardSummary>> {
    const radius = query.radius ?? DEFAULT_REWARD_RADIUS_M;
    const after = query.cursor ? decodeDistanceCursor(query.cursor) : null;
    const ranked = (await this.rewards.findInBox(filters, boundingBox(center, radius)))
      .map((reward) => {
        const place = placeOf(reward);
        return { reward, distance: place ? haversineMeters(center, place) : Infinity };
      })
      .filter(({ distance }) => distance <= radius)
      .sort((a, b) => a.distance - b.distance || a.reward.id.localeCompare(b.reward.id))
      .filter(
        ({ reward, distance }) =>
          !after ||
          distance > after.distance ||
          (distance === after.distance && reward.id > after.id),
      );
    return toPage(
      ranked.slice(0, limit + 1),
      limit,
      ({ reward, distance }) => toRewardSummary(reward, now, distance),
      ({ reward, distance }) => [String(distance), reward.id],
    );
  }

  /** A malformed id finds nothing, like an absent one (404, not 400). */
  private find(id: string): Promise<RewardEntity | null> {
    return isUuid(id) ? this.rewards.findById(id.toLowerCase()) : Promise.resolve(null);
  }

  private async view(id: string): Promise<RewardSummary> {
    const reward = await this.rewards.findById(id);
    if (!reward) throw new Error(`Reward ${id} vanished after it was written`);
    return toRewardSummary(reward, this.clock.now());
  }
}

function assertWindow(validFrom: Date | null, validTo: Date | null): void {
  if (validFrom && validTo && validTo <= validFrom) {
    throw ValidationFailedError.forField(
      'validTo',
      'isAfterValidFrom',
      'validTo must be after validFrom',
    );
  }
}

function decodeCostCursor(cursor: string): { pointsCost: number; id: string } {
  const [cost, id] = decodeCursor(cursor, 2);
  const pointsCost = Number(cost);
  if (!Number.isInteger(pointsCost)) throw invalidCursor();
  return { pointsCost, id };
}

function decodeDistanceCursor(cursor: string): { distance: number; id: string } {
  const [text, id] = decodeCursor(cursor, 2);
  const distance = Number(text);
  if (!Number.isFinite(distance)) throw invalidCursor();
  return { distance, id };
}

/** The fields an admin changes, as the audit log keeps them. */
function auditView(reward: RewardEntity) {
  return {
    title: reward.title,
    pointsCost: reward.pointsCost,
    stock: reward.stock,
    perUserLimit: reward.perUserLimit,
    limitPeriod: reward.limitPeriod,
    validFrom: reward.validFrom?.toISOString() ?? null,
    validTo: reward.validTo?.toISOString() ?? null,
    codeValidHours: reward.codeValidHours,
    status: reward.status,
    merchantId: reward.merchantId,
    stationId: reward.stationId,
  };
}
