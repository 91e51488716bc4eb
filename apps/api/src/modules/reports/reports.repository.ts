import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPEN_REPORT_STATUSES, ReportStatus } from '@yizhan/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
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
      const found = await this.queuePhase(
        filters,
        phase,
        now,
        after && after.phase === phase ? after : null,
        take - rows.length,
      );
      rows.push(...found.map((report) => ({ report, phase })));
      if (rows.length >= take) break;
    }
    return rows;
  }

  /**
   * The first `take` reports of one phase after `after`, oldest first. One IN list over regions
   * and statuses cannot be read in (created_at, id) order from any index, so the database read
   * and sorted every report of the district (100,000 rows for one page). Instead each branch
   * (see `queueBranches`) reads at most `take` (id, created_at) in index order, and only those
   * are merged, limited and joined to their rows — one statement.
   */
  private queuePhase(
    filters: QueueFilters,
    phase: 0 | 1,
    now: Date,
    after: { at: Date; id: string } | null,
    take: number,
  ): Promise<ReportEntity[]> {
    const branches = queueBranches(filters, phase);
    if (branches.length === 0) return Promise.resolve([]);
    const table = this.dataSource.driver.escape(
      this.dataSource.getMetadata(ReportEntity).tableName,
    );
    // The SQL is written out, not built per branch with query builders: 36 of those cost
    // ~1.2 ms of CPU per page, more than the statement itself.
    const common = [
      filters.categoryCode ? 'category_code = :categoryCode' : null,
      filters.departmentId ? 'department_id = :departmentId' : null,
      // The bare `>=` is implied by the OR: it gives SQLite a range on the index to start
      // from (MariaDB finds it in the OR by itself) instead of reading from the pair's start.
      after ? 'created_at >= :afterAt AND (created_at > :afterAt OR id > :afterId)' : null,
    ].filter((condition): condition is string => condition !== null);
    const parameters: Record<string, unknown> = {
      now,
      categoryCode: filters.categoryCode,
      departmentId: filters.departmentId,
      afterAt: after?.at,
      afterId: after?.id,
    };
    const union = branches
      .map((branch, n) => {
        const [onlyRegion] = branch.regionIds;
        const single = branch.regionIds.length === 1;
        parameters[`status${n}`] = branch.status;
        parameters[`regions${n}`] = single ? onlyRegion : branch.regionIds;
        const conditions = [
          `status = :status${n}`,
          single ? `region_id = :regions${n}` : `region_id IN (:...regions${n})`,
          ...(branch.due === 'overdue' ? ['due_at < :now'] : []),
          ...(branch.due === 'not_overdue' ? ['due_at >= :now'] : []),
          ...common,
        ];
        // Open reports fall due a category's SLA (hours) after they are filed, so the
        // not-yet-due ones are the recently filed few, at the end of the created_at order: an
        // ordered read would first pass every overdue one. Unordered, both databases take the
        // range on due_at and the merge sorts the few rows it yields.
        const order =
          branch.due === 'not_overdue' ? '' : ` ORDER BY created_at, id LIMIT ${Number(take)}`;
        // In a derived table, as SQLite allows no ORDER BY … LIMIT on a bare UNION member.
        return (
          `SELECT * FROM (SELECT id, created_at FROM ${table}` +
          ` WHERE ${conditions.join(' AND ')}${order}) branch_${n}`
        );
      })
      .join(' UNION ALL ');
    return this.m()
      .createQueryBuilder(ReportEntity, 'report')
      .innerJoin(
        // Only the id leaves the merge: were created_at selected too, SQLite would fold this
        // into the UNION as a merge of branches each sorted by an ordered read, and walk past
        // every overdue report again on the not-yet-due side.
        `(SELECT id FROM (${union}) queue_union ORDER BY created_at, id LIMIT ${Number(take)})`,
        'queue',
        'queue.id = report.id',
      )
      .setParameters(parameters)
      .orderBy('report.createdAt', 'ASC')
      .addOrderBy('report.id', 'ASC')
      .getMany();
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
}

/**
 * Up to this many regions, the queue reads each (region, status) pair in index order: exact
 * whatever share of the reports the scope holds (a street among a city's hundreds). Beyond it
 * each pair costs its own planning and index dives (900 pairs: ~180 ms a page), so a wide
 * scope — a district or city, which holds a large share of the reports — walks each status in
 * created_at order and keeps the rows of its regions, finding its page after about
 * `take / share` index entries.
 */
const MAX_REGIONS_READ_APART = 32;

/** One ordered index read of the queue: regions, a status and which side of its due time. */
interface QueueBranch {
  regionIds: string[];
  status: ReportStatus;
  /** Closed statuses are never overdue: all of them belong to phase 1. */
  due: 'overdue' | 'not_overdue' | 'any';
}

/** The branches a phase reads; overdue is `due_at < now` on an open status. */
function queueBranches(filters: QueueFilters, phase: 0 | 1): QueueBranch[] {
  const regionSets =
    filters.regionIds.length <= MAX_REGIONS_READ_APART
      ? filters.regionIds.map((regionId) => [regionId])
      : [filters.regionIds];
  const branches: QueueBranch[] = [];
  for (const regionIds of regionSets) {
    for (const status of new Set(filters.statuses)) {
      const open = OPEN_REPORT_STATUSES.includes(status);
      if (phase === 0 && open) branches.push({ regionIds, status, due: 'overdue' });
      if (phase === 1) branches.push({ regionIds, status, due: open ? 'not_overdue' : 'any' });
    }
  }
  return branches;
}
