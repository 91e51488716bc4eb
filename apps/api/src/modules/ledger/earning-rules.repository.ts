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

  /**
   * Opens the counters that do not exist yet and takes every one's write lock, in one statement
   * (an upsert that changes nothing locks the row as an UPDATE would): parallel awards of one
   * worker wait here for each other, in the order of `counters`.
   */
  async lockCounters(counters: CapCounterEntity[], manager: TxManager): Promise<void> {
    if (counters.length === 0) return;
    const type = this.dataSource.options.type;
    const upsert =
      type === 'mysql' || type === 'mariadb'
        ? 'ON DUPLICATE KEY UPDATE points = points'
        : 'ON CONFLICT (id) DO NOTHING';
    await manager.query(
      'INSERT INTO points_cap_counter (id, user_id, rule_id, period_key, points) VALUES ' +
        counters.map(() => '(?, ?, ?, ?, ?)').join(', ') +
        ` ${upsert}`,
      counters.flatMap((row) => [row.id, row.userId, row.ruleId, row.periodKey, row.points]),
    );
  }

  /** The counters' values by id (the caller holds their locks: `lockCounters`). */
  async pointsOf(ids: string[], manager: TxManager): Promise<Map<string, number>> {
    const rows = await manager
      .createQueryBuilder(CapCounterEntity, 'counter')
      .select(['counter.id AS id', 'counter.points AS points'])
      .where('counter.id IN (:...ids)', { ids })
      .getRawMany<{ id: string; points: number | string }>();
    return new Map(rows.map((row) => [row.id, Number(row.points)]));
  }

  /** Adds the same `points` to every one of the counters. */
  async raise(ids: string[], points: number, manager: TxManager): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(CapCounterEntity)
      .set({ points: () => 'points + :points' })
      .where('id IN (:...ids)', { ids, points })
      .execute();
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
