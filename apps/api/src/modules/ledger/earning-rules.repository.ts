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
   * Opens the counters that do not exist yet, takes every one's write lock and answers their
   * values by id. The lock comes with an upsert that changes nothing (it locks the row as an
   * UPDATE would), in the order of `counters`, so parallel awards of one worker wait here for
   * each other; MariaDB and SQLite return the values with it, MySQL reads them after.
   */
  async lockCounters(
    counters: CapCounterEntity[],
    manager: TxManager,
  ): Promise<Map<string, number>> {
    const type = this.dataSource.options.type;
    const upsert =
      type === 'mysql' || type === 'mariadb'
        ? 'ON DUPLICATE KEY UPDATE points = points'
        : 'ON CONFLICT (id) DO UPDATE SET points = points';
    const returning = type === 'mysql' ? '' : ' RETURNING id, points';
    const rows: unknown = await manager.query(
      'INSERT INTO points_cap_counter (id, user_id, rule_id, period_key, points) VALUES ' +
        counters.map(() => '(?, ?, ?, ?, ?)').join(', ') +
        ` ${upsert}${returning}`,
      counters.flatMap((row) => [row.id, row.userId, row.ruleId, row.periodKey, row.points]),
    );
    const values = Array.isArray(rows)
      ? (rows as Array<{ id: string; points: number | string }>)
      : await manager
          .createQueryBuilder(CapCounterEntity, 'counter')
          .select(['counter.id AS id', 'counter.points AS points'])
          .where('counter.id IN (:...ids)', { ids: counters.map((counter) => counter.id) })
          .getRawMany<{ id: string; points: number | string }>();
    return new Map(values.map((row) => [row.id, Number(row.points)]));
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
