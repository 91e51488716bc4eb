import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { SqlCondition } from '../access/sql-scope';
import { BoundingBox } from '../stations/geo';
import { RewardEntity } from './reward.entity';

/** What narrows a reward list; every field is optional and they AND together. */
export interface RewardFilters {
  /** Region subtree the reward must lie in. */
  regionIds?: string[] | null;
  merchantId?: string;
  stationId?: string;
  /** Highest points cost to list (the caller's spendable balance for "affordable"). */
  maxCost?: number;
  /** Only active rewards inside their validity window at this instant. */
  availableAt?: Date;
  /** The policy's scope, for admins listing inactive rewards. */
  scope?: SqlCondition;
}

/** Position after the last row of a cheapest-first list. */
export interface CostPosition {
  pointsCost: number;
  id: string;
}

/** Largest number of rewards a "near me" search ranks in memory. */
export const MAX_NEARBY_CANDIDATES = 2_000;

@Injectable()
export class RewardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The reward with the merchant or station that offers it. */
  findById(id: string, manager?: TxManager): Promise<RewardEntity | null> {
    return this.withPlace(this.m(manager).getRepository(RewardEntity).createQueryBuilder('reward'))
      .where('reward.id = :id', { id })
      .getOne();
  }

  async insert(reward: RewardEntity, manager: TxManager): Promise<void> {
    await manager.insert(RewardEntity, reward);
  }

  async update(id: string, changes: Partial<RewardEntity>, manager: TxManager): Promise<void> {
    await manager.update(RewardEntity, { id }, changes);
  }

  /** Cheapest first, then by id. */
  pageByCost(filters: RewardFilters, after: CostPosition | null, limit: number) {
    const query = this.filtered(filters);
    if (after) {
      query.andWhere(
        '(reward.pointsCost > :afterCost OR (reward.pointsCost = :afterCost AND reward.id > :afterId))',
        { afterCost: after.pointsCost, afterId: after.id },
      );
    }
    return query
      .orderBy('reward.pointsCost', 'ASC')
      .addOrderBy('reward.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Rewards whose merchant or station lies in the box (the caller ranks them by distance). */
  findInBox(filters: RewardFilters, box: BoundingBox): Promise<RewardEntity[]> {
    return this.filtered(filters)
      .andWhere('COALESCE(merchant.lat, station.lat) BETWEEN :minLat AND :maxLat', box)
      .andWhere('COALESCE(merchant.lng, station.lng) BETWEEN :minLng AND :maxLng', box)
      .orderBy('reward.id', 'ASC')
      .limit(MAX_NEARBY_CANDIDATES)
      .getMany();
  }

  /**
   * Takes one unit of stock, unless none is left: one statement, so parallel redemptions can
   * never take more than there is. An unlimited reward (NULL) passes and stays NULL.
   */
  async takeStock(manager: TxManager, rewardId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RewardEntity)
      .set({ stock: () => 'stock - 1' })
      .where('id = :rewardId AND (stock IS NULL OR stock >= 1)', { rewardId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Gives a unit back after a refund (an unlimited reward has nothing to give back). */
  async returnStock(manager: TxManager, rewardId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RewardEntity)
      .set({ stock: () => 'stock + 1' })
      .where('id = :rewardId AND stock IS NOT NULL', { rewardId })
      .execute();
  }

  private filtered(filters: RewardFilters): SelectQueryBuilder<RewardEntity> {
    const query = this.withPlace(
      this.dataSource.getRepository(RewardEntity).createQueryBuilder('reward'),
    ).where('1 = 1');
    if (filters.regionIds) {
      if (filters.regionIds.length === 0) query.andWhere('1 = 0');
      else query.andWhere('reward.regionId IN (:...regionIds)', { regionIds: filters.regionIds });
    }
    if (filters.merchantId) {
      query.andWhere('reward.merchantId = :merchantId', { merchantId: filters.merchantId });
    }
    if (filters.stationId) {
      query.andWhere('reward.stationId = :stationId', { stationId: filters.stationId });
    }
    if (filters.maxCost !== undefined) {
      query.andWhere('reward.pointsCost <= :maxCost', { maxCost: filters.maxCost });
    }
    if (filters.availableAt) {
      query
        .andWhere("reward.status = 'active'")
        .andWhere('(reward.validFrom IS NULL OR reward.validFrom <= :now)', {
          now: filters.availableAt,
        })
        .andWhere('(reward.validTo IS NULL OR reward.validTo > :now)');
    }
    if (filters.scope) query.andWhere(filters.scope.sql, filters.scope.params);
    return query;
  }

  private withPlace(query: SelectQueryBuilder<RewardEntity>): SelectQueryBuilder<RewardEntity> {
    return query
      .leftJoinAndSelect('reward.merchant', 'merchant')
      .leftJoinAndSelect('reward.station', 'station');
  }
}
