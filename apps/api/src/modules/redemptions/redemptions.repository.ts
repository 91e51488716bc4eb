import { Injectable } from '@nestjs/common';
import { newestFirst } from '../../common/pagination/newest-first';
import { InjectDataSource } from '@nestjs/typeorm';
import { RedemptionStatus } from '@yizhan/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { TimePosition } from '../../common/pagination/cursor';
import { TxManager } from '../../database/transactions';
import { SqlCondition } from '../access/sql-scope';
import { ClaimCounterEntity } from './claim-counter.entity';
import { RedemptionEntity } from './redemption.entity';

/** What narrows the counter's list. */
export interface CounterFilters {
  scope: SqlCondition;
  merchantId?: string;
  stationId?: string;
  status?: RedemptionStatus;
  /** Issued at or after. */
  from?: Date;
  /** Issued before. */
  to?: Date;
}

/** Largest number of rows one settlement export holds (a month of a busy canteen is far below). */
export const MAX_SETTLEMENT_ROWS = 50_000;

/**
 * Queries of redemptions and per-worker limit counters. Status changes are conditional UPDATEs
 * from `issued`, so each redemption is fulfilled, cancelled or expired exactly once.
 */
@Injectable()
export class RedemptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** The redemption with its reward and the reward's merchant or station. */
  findById(id: string, manager?: TxManager): Promise<RedemptionEntity | null> {
    return this.withReward(this.m(manager)).where('redemption.id = :id', { id }).getOne();
  }

  findOwn(id: string, userId: string): Promise<RedemptionEntity | null> {
    return this.withReward(this.m())
      .where('redemption.id = :id AND redemption.userId = :userId', { id, userId })
      .getOne();
  }

  findByKey(idempotencyKey: string): Promise<RedemptionEntity | null> {
    return this.withReward(this.m())
      .where('redemption.idempotencyKey = :idempotencyKey', { idempotencyKey })
      .getOne();
  }

  /** With the worker, for the counter's masked view. */
  findByCode(code: string): Promise<RedemptionEntity | null> {
    return this.withReward(this.m())
      .leftJoinAndSelect('redemption.user', 'user')
      .where('redemption.code = :code', { code })
      .getOne();
  }

  async insert(manager: TxManager, redemption: RedemptionEntity): Promise<void> {
    await manager.insert(RedemptionEntity, redemption);
  }

  /** Issued → fulfilled, only while the code has not lapsed. False when it was not issued or lapsed. */
  async markFulfilled(manager: TxManager, id: string, by: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RedemptionEntity)
      .set({ status: 'fulfilled', fulfilledAt: now, fulfilledBy: by })
      .where("id = :id AND status = 'issued' AND expires_at > :now", { id, now })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Issued → cancelled or expired, with the refund that gave the points back. `dueBy` makes the
   * step conditional on the code having lapsed by then (the expiry job).
   */
  async markClosed(
    manager: TxManager,
    id: string,
    status: 'cancelled' | 'expired',
    refundTransferId: string,
    now: Date,
    dueBy?: Date,
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(RedemptionEntity)
      .set({ status, refundTransferId, closedAt: now })
      .where("id = :id AND status = 'issued'", { id });
    if (dueBy) query.andWhere('expires_at <= :dueBy', { dueBy });
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  /** The caller's redemptions, newest first. */
  pageOwn(
    userId: string,
    status: RedemptionStatus | undefined,
    after: TimePosition | null,
    limit: number,
  ) {
    const query = this.withReward(this.m()).where('redemption.userId = :userId', { userId });
    if (status) query.andWhere('redemption.status = :status', { status });
    return newestFirst(query, 'redemption', after, limit).getMany();
  }

  /** The counter's list (scoped by the policy), newest first, with the workers. */
  pageCounter(filters: CounterFilters, after: TimePosition | null, limit: number) {
    const query = this.withReward(this.m())
      .leftJoinAndSelect('redemption.user', 'user')
      .where(filters.scope.sql, filters.scope.params);
    if (filters.merchantId) {
      query.andWhere('redemption.merchantId = :merchantId', { merchantId: filters.merchantId });
    }
    if (filters.stationId) {
      query.andWhere('redemption.stationId = :stationId', { stationId: filters.stationId });
    }
    if (filters.status) query.andWhere('redemption.status = :status', { status: filters.status });
    if (filters.from) query.andWhere('redemption.createdAt >= :from', { from: filters.from });
    if (filters.to) query.andWhere('redemption.createdAt < :to', { to: filters.to });
    return newestFirst(query, 'redemption', after, limit).getMany();
  }

  /** Codes fulfilled in [from, to) at one merchant or station, oldest first, for settlement. */
  fulfilledBetween(
    place: { merchantId: string } | { stationId: string },
    from: Date,
    to: Date,
  ): Promise<RedemptionEntity[]> {
    const query = this.withReward(this.m()).where("redemption.status = 'fulfilled'");
    if ('merchantId' in place) {
      query.andWhere('redemption.merchantId = :merchantId', place);
    } else {
      query.andWhere('redemption.stationId = :stationId', place);
    }
    return query
      .andWhere('redemption.fulfilledAt >= :from AND redemption.fulfilledAt < :to', { from, to })
      .orderBy('redemption.fulfilledAt', 'ASC')
      .addOrderBy('redemption.id', 'ASC')
      .limit(MAX_SETTLEMENT_ROWS + 1)
      .getMany();
  }

  /** Issued codes past their expiry, oldest first. */
  dueForExpiry(now: Date, limit: number): Promise<Array<Pick<RedemptionEntity, 'id'>>> {
    return this.m()
      .getRepository(RedemptionEntity)
      .createQueryBuilder('redemption')
      .select('redemption.id')
      .where("redemption.status = 'issued' AND redemption.expiresAt <= :now", { now })
      .orderBy('redemption.expiresAt', 'ASC')
      .addOrderBy('redemption.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  // ---- per-worker limits ---------------------------------------------------------------

  /** Creates the counter unless it exists (outside the redemption's transaction, like the ledger's accounts). */
  async ensureCounter(counter: Omit<ClaimCounterEntity, 'claims'>): Promise<void> {
    await this.m()
      .createQueryBuilder()
      .insert()
      .into(ClaimCounterEntity)
      .values({ ...counter, claims: 0 })
      .orIgnore()
      .execute();
  }

  /** Counts one claim unless the limit is reached: check and write in one statement. */
  async claim(manager: TxManager, counterId: string, limit: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ClaimCounterEntity)
      .set({ claims: () => 'claims + 1' })
      .where('id = :counterId AND claims < :limit', { counterId, limit })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async releaseClaim(manager: TxManager, counterId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ClaimCounterEntity)
      .set({ claims: () => 'claims - 1' })
      .where('id = :counterId AND claims > 0', { counterId })
      .execute();
  }

  private withReward(manager: EntityManager): SelectQueryBuilder<RedemptionEntity> {
    return manager
      .getRepository(RedemptionEntity)
      .createQueryBuilder('redemption')
      .innerJoinAndSelect('redemption.reward', 'reward')
      .leftJoinAndSelect('reward.merchant', 'merchant')
      .leftJoinAndSelect('reward.station', 'station');
  }
}
