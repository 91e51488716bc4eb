import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReportStatus } from '@yizhan/contracts';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { TimePosition } from '../../common/pagination/cursor';
import { newestFirst } from '../../common/pagination/newest-first';
import { TxManager } from '../../database/transactions';
import { BoundingBox } from '../stations/geo';
import { ReportEventEntity } from './report-event.entity';
import { ReportEntity, ReportPointsStatus } from './report.entity';
import { QueuePosition } from './report-queue-cursor';

/** What a handler's queue is narrowed to. `regionIds` is already the caller's scope. */
export interface QueueFilters {
  regionIds: string[];
  statuses: readonly ReportStatus[];
  categoryCode: string | null;
  departmentId: string | null;
  /** true: overdue only; false: not overdue only; null: both (overdue first). */
  overdue: boolean | null;
}

/** Queries of reports and their timelines. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: TxManager): Promise<ReportEntity | null> {
    return this.m(manager).findOneBy(ReportEntity, { id });
  }

  findByIds(ids: readonly string[]): Promise<ReportEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.m().findBy(ReportEntity, { id: In([...ids]) });
  }

  findByClientRequest(reporterId: string, clientRequestId: string): Promise<ReportEntity | null> {
    return this.m().findOneBy(ReportEntity, { reporterId, clientRequestId });
  }

  async insert(report: ReportEntity, manager: TxManager): Promise<void> {
    await manager.insert(ReportEntity, report);
  }

  /**
   * Appends a step to the timeline. Callers hold the report's row lock (their transition's
   * UPDATE, or the INSERT of a new report), so counting gives the next position safely.
   */
  async appendEvent(event: Omit<ReportEventEntity, 'seq'>, manager: TxManager): Promise<void> {
    const seq = await manager.count(ReportEventEntity, { where: { reportId: event.reportId } });
    await manager.insert(ReportEventEntity, { ...event, seq });
  }

  /**
   * Moves a report on only if it is still in one of `from`: the row lock of the UPDATE holds
   * until commit, so of two handlers acting at once exactly one changes it. False: it was not.
   */
  async transition(
    manager: TxManager,
    id: string,
    from: readonly ReportStatus[],
    changes: Partial<ReportEntity>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ReportEntity)
      .set(changes)
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from: [...from] })
      .execute();
    return result.affected === 1;
  }

  async update(manager: TxManager, id: string, changes: Partial<ReportEntity>): Promise<void> {
    await manager.update(ReportEntity, { id }, changes);
  }

  async addMeToo(manager: TxManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ReportEntity)
      .set({ meTooCount: () => 'me_too_count + 1' })
      .where('id = :id', { id })
      .execute();
  }

  eventsOf(reportId: string): Promise<ReportEventEntity[]> {
    return this.m().find(ReportEventEntity, {
      where: { reportId },
      order: { seq: 'ASC' },
    });
  }

  /** The reporter's own reports, newest first. */
  pageOfReporter(
    reporterId: string,
    after: TimePosition | null,
    take: number,
  ): Promise<ReportEntity[]> {
    const query = this.m()
      .createQueryBuilder(ReportEntity, 'report')
      .where('report.reporterId = :reporterId', { reporterId });
    return newestFirst(query, 'report', after, take).getMany();
  }

  /**
   * One page of a handler's queue: overdue reports first (phase 0), then the rest (phase 1),
   * each oldest first. A page that empties phase 0 continues into phase 1.
   */
  async queuePage(
    filters: QueueFilters,
    now: Date,
    after: QueuePosition | null,
    take: number,
  ): Promise<Array<{ report: ReportEntity; phase: 0 | 1 }>> {
    const rows: Array<{ report: ReportEntity; phase: 0 | 1 }> = [];
    const phases: Array<0 | 1> = [];
    if (filters.overdue !== false) phases.push(0);
    if (filters.overdue !== true) phases.push(1);
    for (const phase of phases) {
      if (after && phase < after.phase) continue;
      const query = this.scoped(filters);
      query.andWhere(
        phase === 0
          ? '(report.dueAt < :now AND report.status IN (:...open))'
          : '(report.dueAt >= :now OR report.status NOT IN (:...open))',
        { now, open: ['submitted', 'accepted', 'dispatched'] },
      );
      if (after && after.phase === phase) {
        query.andWhere(
          '(report.createdAt > :afterAt OR (report.createdAt = :afterAt AND report.id > :afterId))',
          { afterAt: after.at, afterId: after.id },
        );
      }
      const found = await query
        .orderBy('report.createdAt', 'ASC')
        .addOrderBy('report.id', 'ASC')
        .limit(take - rows.length)
        .getMany();
      rows.push(...found.map((report) => ({ report, phase })));
      if (rows.length >= take) break;
    }
    return rows;
  }

  /** Open reports of a category inside a box since `since`, newest first. */
  openNearby(
    categoryCode: string,
    box: BoundingBox,
    since: Date,
    excludeId: string | null,
    take: number,
  ): Promise<ReportEntity[]> {
    const query = this.m()
      .createQueryBuilder(ReportEntity, 'report')
      .where('report.categoryCode = :categoryCode', { categoryCode })
      .andWhere('report.createdAt >= :since', { since })
      .andWhere('report.status IN (:...open)', { open: ['submitted', 'accepted', 'dispatched'] })
      .andWhere('report.lat BETWEEN :minLat AND :maxLat', box)
      .andWhere('report.lng BETWEEN :minLng AND :maxLng', box);
    if (excludeId) query.andWhere('report.id <> :excludeId', { excludeId });
    return query.orderBy('report.createdAt', 'DESC').limit(take).getMany();
  }

  /** Reports whose points the ledger has not followed yet, changed before `before`. */
  unsettled(before: Date, take: number): Promise<ReportEntity[]> {
    return this.m()
      .createQueryBuilder(ReportEntity, 'report')
      .where('report.pointsSettled = :no', { no: false })
      .andWhere('report.updatedAt < :before', { before })
      .orderBy('report.updatedAt', 'ASC')
      .limit(take)
      .getMany();
  }

  /**
   * Records what the ledger now holds for the report, unless its status moved on meanwhile
   * (then it stays unsettled and the next settle follows the new status).
   */
  async markSettled(
    id: string,
    status: ReportStatus,
    points: { amount: number; status: ReportPointsStatus } | null,
  ): Promise<void> {
    await this.m()
      .createQueryBuilder()
      .update(ReportEntity)
      .set({
        pointsSettled: true,
        ...(points ? { pointsAmount: points.amount, pointsStatus: points.status } : {}),
      })
      .where('id = :id AND status = :status', { id, status })
      .execute();
  }

  /** Resolved reports resolved before `before` (due to close by themselves). */
  resolvedBefore(before: Date, take: number): Promise<ReportEntity[]> {
    return this.m()
      .createQueryBuilder(ReportEntity, 'report')
      .where('report.status = :resolved', { resolved: 'resolved' })
      .andWhere('report.resolvedAt < :before', { before })
      .orderBy('report.resolvedAt', 'ASC')
      .limit(take)
      .getMany();
  }

  /** Every report of a reporter (data export), newest first, at most `max`. */
  allOfReporter(reporterId: string, max: number): Promise<ReportEntity[]> {
    return this.m().find(ReportEntity, {
      where: { reporterId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: max,
    });
  }

  /**
   * Erasure: the reports stay (the incident is still real and may be being fixed) without their
   * reporter; unsettled so the sweep releases points still held for them.
   */
  async forgetReporter(manager: TxManager, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ReportEntity)
      .set({ reporterId: null, pointsSettled: false })
      .where('reporter_id = :userId', { userId })
      .execute();
    await manager
      .createQueryBuilder()
      .update(ReportEventEntity)
      .set({ actorId: null })
      .where('actor_id = :userId', { userId })
      .execute();
  }

  private scoped(filters: QueueFilters): SelectQueryBuilder<ReportEntity> {
    const query = this.m().createQueryBuilder(ReportEntity, 'report');
    if (filters.regionIds.length === 0) return query.where('1 = 0');
    query.where('report.regionId IN (:...regionIds)', { regionIds: filters.regionIds });
    query.andWhere('report.status IN (:...statuses)', { statuses: [...filters.statuses] });
    if (filters.categoryCode) {
      query.andWhere('report.categoryCode = :categoryCode', { categoryCode: filters.categoryCode });
    }
    if (filters.departmentId) {
      query.andWhere('report.departmentId = :departmentId', { departmentId: filters.departmentId });
    }
    return query;
  }
}
