import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EarningKind } from '@yizhan/contracts';
import { DataSource, In } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { CapCounterEntity } from './cap-counter.entity';
import { EarningRuleEntity } from './earning-rule.entity';
import { PointsAwardEntity } from './points-award.entity';

/** Earning rules, award outcomes and the per-period counters that enforce caps. */
@Injectable()
export class EarningRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Rules defined on any of these regions. */
  rulesOfRegions(regionIds: string[], kind?: EarningKind): Promise<EarningRuleEntity[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(EarningRuleEntity).find({
      where: { regionId: In(regionIds), ...(kind && { kind }) },
    });
  }

  findRule(regionId: string, kind: EarningKind): Promise<EarningRuleEntity | null> {
    return this.dataSource.getRepository(EarningRuleEntity).findOneBy({ regionId, kind });
  }

  async insertRule(rule: EarningRuleEntity, manager: TxManager): Promise<void> {
    await manager.insert(EarningRuleEntity, rule);
  }

  async updateRule(
    id: string,
    changes: Pick<EarningRuleEntity, 'points' | 'dailyCap' | 'weeklyCap' | 'expiryPolicy'>,
    manager: TxManager,
  ): Promise<void> {
    await manager.update(EarningRuleEntity, { id }, changes);
  }

  findAwardByKey(key: string): Promise<PointsAwardEntity | null> {
    return this.dataSource.getRepository(PointsAwardEntity).findOneBy({ idempotencyKey: key });
  }

  findAwardByTransfer(transferId: string, manager: TxManager): Promise<PointsAwardEntity | null> {
    return manager.findOneBy(PointsAwardEntity, { transferId });
  }

  async insertAward(award: PointsAwardEntity, manager: TxManager): Promise<void> {
    await manager.insert(PointsAwardEntity, award);
  }

  /** Makes sure the counter row exists (a no-op when it does; safe under concurrency). */
  async ensureCounter(counter: CapCounterEntity, manager: TxManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CapCounterEntity)
      .values(counter)
      .orIgnore()
      .execute();
  }

  /**
   * Adds `points` to the counter unless it already reached `cap`; returns the new value (read
   * after our own write, which holds the row lock until commit), or null when it was full.
   */
  async addUnderCap(
    id: string,
    points: number,
    cap: number,
    manager: TxManager,
  ): Promise<number | null> {
    const result = await manager
      .createQueryBuilder()
      .update(CapCounterEntity)
      .set({ points: () => 'points + :points' })
      .where('id = :id AND points < :cap', { id, points, cap })
      .execute();
    if ((result.affected ?? 0) === 0) return null;
    const row = await manager.findOneByOrFail(CapCounterEntity, { id });
    return row.points;
  }

  async subtract(id: string, points: number, manager: TxManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CapCounterEntity)
      .set({ points: () => 'points - :points' })
      .where('id = :id', { id, points })
      .execute();
  }
}
