import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EARNING_KINDS, ReportStatus } from '@yizhan/contracts';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CheckinEntity } from '../checkins/checkin.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { PointsAccountEntity } from '../ledger/points-account.entity';
import { PointsTransferEntity } from '../ledger/points-transfer.entity';
import { ReportCategoryEntity } from '../report-categories/report-category.entity';
import { ReportEntity } from '../reports/report.entity';
import { StationEntity } from '../stations/station.entity';
import { UserEntity } from '../users/user.entity';
import { MonthWindow } from './stats-range';

/** Regions counted (a subtree) and the instants of the range (end excluded). */
export interface StatsFilter {
  regionIds: readonly string[];
  start: Date;
  end: Date;
}

/** Reports still waiting for someone to act: past their due time they are overdue. */
const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'accepted', 'dispatched'];
const REFUSED_STATUSES: readonly ReportStatus[] = ['rejected', 'duplicate'];
const PAID_STATUSES: readonly ReportStatus[] = ['resolved', 'closed'];

/**
 * Resolved after its due time, or still open past it at `:now`. Rejected and duplicate reports
 * are never overdue: nobody owed them a fix.
 */
const OVERDUE =
  '((report.resolvedAt IS NOT NULL AND report.resolvedAt > report.dueAt) OR ' +
  '(report.resolvedAt IS NULL AND report.status IN (:...openStatuses) AND report.dueAt < :now))';

/** When a credit became spendable: a held (pending) credit when it was posted. */
const POSTED_AT = 'COALESCE(transfer.resolvedAt, transfer.createdAt)';

export interface CategoryStatusRow {
  category: string;
  categoryName: string;
  status: ReportStatus;
  count: number;
}

export interface DepartmentRow {
  departmentId: string;
  departmentName: string | null;
  dispatched: number;
  resolved: number;
  overdue: number;
}

export interface OverdueTotals {
  total: number;
  refused: number;
  overdue: number;
}

export interface PointsBalances {
  outstanding: number;
  pending: number;
  holders: number;
}

export interface EarnerRow {
  userId: string;
  pointsEarned: number;
  nickname: string | null;
  phoneCipher: string | null;
}

export interface PositionRow {
  lat: number;
  lng: number;
}

export interface StationRow extends PositionRow {
  id: string;
  name: string;
}

/** MySQL answers COUNT and SUM as strings (DECIMAL), SQLite as numbers; NULL for no rows. */
const toNumber = (value: unknown): number => (value === null ? 0 : Number(value));

/**
 * Read-only aggregate queries of the console's statistics. Everything is counted by the
 * database (GROUP BY, COUNT, SUM, window functions for medians); only the small results come
 * back. Plain SQL that MySQL/MariaDB and SQLite read alike, except the one seconds-between
 * expression, which differs per dialect.
 */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ---- reports ----------------------------------------------------------------------------

  /** Reports filed in the filter, per category (code and name) and status. */
  async reportsByCategoryAndStatus(filter: StatsFilter): Promise<CategoryStatusRow[]> {
    const rows = await this.reportsFiled(filter)
      .innerJoin(ReportCategoryEntity, 'category', 'category.id = report.categoryId')
      .select('report.categoryCode', 'category_code')
      .addSelect('category.name', 'category_name')
      .addSelect('report.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('report.categoryCode')
      .addGroupBy('category.name')
      .addGroupBy('report.status')
      .orderBy('report.categoryCode', 'ASC')
      .addOrderBy('category.name', 'ASC')
      .getRawMany<{
        category_code: string;
        category_name: string;
        status: ReportStatus;
        count: unknown;
      }>();
    return rows.map((row) => ({
      category: row.category_code,
      categoryName: row.category_name,
      status: row.status,
      count: toNumber(row.count),
    }));
  }

  /**
   * Reports filed in the filter that were dispatched, per the department they were dispatched
   * to last (a re-dispatch moves a report to the new department).
   */
  async reportsByDepartment(filter: StatsFilter, now: Date): Promise<DepartmentRow[]> {
    const rows = await this.reportsFiled(filter)
      .leftJoin(DepartmentEntity, 'department', 'department.id = report.departmentId')
      .select('report.departmentId', 'department_id')
      .addSelect('department.name', 'department_name')
      .addSelect('COUNT(*)', 'dispatched')
      .addSelect('SUM(CASE WHEN report.resolvedAt IS NOT NULL THEN 1 ELSE 0 END)', 'resolved')
      .addSelect(`SUM(CASE WHEN ${OVERDUE} THEN 1 ELSE 0 END)`, 'overdue')
      .andWhere('report.departmentId IS NOT NULL')
      .setParameters({ openStatuses: OPEN_STATUSES, now })
      .groupBy('report.departmentId')
      .addGroupBy('department.name')
      .orderBy('department.name', 'ASC')
      .addOrderBy('report.departmentId', 'ASC')
      .getRawMany<{
        department_id: string;
        department_name: string | null;
        dispatched: unknown;
        resolved: unknown;
        overdue: unknown;
      }>();
    return rows.map((row) => ({
      departmentId: row.department_id,
      departmentName: row.department_name,
      dispatched: toNumber(row.dispatched),
      resolved: toNumber(row.resolved),
      overdue: toNumber(row.overdue),
    }));
  }

  /** All reports filed in the filter: how many, how many refused, how many overdue. */
  async overdueTotals(filter: StatsFilter, now: Date): Promise<OverdueTotals> {
    const row = await this.reportsFiled(filter)
      .select('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN report.status IN (:...refused) THEN 1 ELSE 0 END)', 'refused')
      .addSelect(`SUM(CASE WHEN ${OVERDUE} THEN 1 ELSE 0 END)`, 'overdue')
      .setParameters({ openStatuses: OPEN_STATUSES, refused: REFUSED_STATUSES, now })
      .getRawOne<{ total: unknown; refused: unknown; overdue: unknown }>();
    return {
      total: toNumber(row?.total ?? 0),
      refused: toNumber(row?.refused ?? 0),
      overdue: toNumber(row?.overdue ?? 0),
    };
  }

  /**
   * Median seconds from filing to resolution of the resolved reports filed in the filter, per
   * department (`byDepartment`) or over all of them (key ''). Neither dialect has a MEDIAN
   * aggregate, so each group's durations are ranked with window functions (MySQL 8, MariaDB
   * 10.2, SQLite 3.25) and the middle one — or the mean of the middle two — is averaged: the
   * database sorts, no list of durations comes back.
   */
  async medianResolveSeconds(
    filter: StatsFilter,
    byDepartment: boolean,
  ): Promise<Map<string, number>> {
    const base = this.reportsFiled(filter)
      .select(byDepartment ? 'report.departmentId' : "''", 'k')
      .addSelect(this.secondsBetween('report.createdAt', 'report.resolvedAt'), 's')
      .andWhere('report.resolvedAt IS NOT NULL');
    if (byDepartment) base.andWhere('report.departmentId IS NOT NULL');
    const [sql, parameters] = base.getQueryAndParameters();
    const rows: Array<{ k: string; median_s: unknown }> = await this.dataSource.query(
      'SELECT ranked.k AS k, AVG(ranked.s) AS median_s FROM (' +
        'SELECT base.k AS k, base.s AS s, ' +
        'ROW_NUMBER() OVER (PARTITION BY base.k ORDER BY base.s) AS rn, ' +
        'COUNT(*) OVER (PARTITION BY base.k) AS cnt ' +
        `FROM (${sql}) base) ranked ` +
        // The middle row of an odd count, the middle two of an even one (no division, so no
        // integer-vs-decimal difference between the dialects).
        'WHERE ranked.rn * 2 >= ranked.cnt AND ranked.rn * 2 <= ranked.cnt + 2 ' +
        'GROUP BY ranked.k',
      parameters,
    );
    return new Map(rows.map((row) => [row.k, Number(row.median_s)]));
  }

  // ---- points -----------------------------------------------------------------------------

  /**
   * Points issued per local month: posted credits of an earning kind (check-in, report,
   * volunteering, survey, a manual adjustment up) from a region pool in the scope to a worker,
   * counted when they became spendable (a held report credit when it was posted).
   */
  issuedByMonth(regionIds: readonly string[], months: MonthWindow[]): Promise<Map<string, number>> {
    const query = this.transfers()
      .innerJoin(PointsAccountEntity, 'pool', 'pool.id = transfer.debitAccountId')
      .innerJoin(PointsAccountEntity, 'worker', 'worker.id = transfer.creditAccountId')
      .where("pool.kind = 'region_pool'")
      .andWhere(inRegions('pool.regionId', regionIds), { regionIds })
      .andWhere("worker.kind = 'worker_points'")
      .andWhere('transfer.kind IN (:...earningKinds)', { earningKinds: EARNING_KINDS })
      .andWhere("transfer.status = 'posted'");
    return this.sumByMonth(query, POSTED_AT, months);
  }

  /**
   * Points spent per local month on rewards offered in the scope (credited to a merchant's
   * clearing account or a station's region pool there), leaving out redemptions refunded since
   * (cancelled or expired codes): each month shows what its redemptions finally cost.
   */
  redeemedByMonth(
    regionIds: readonly string[],
    months: MonthWindow[],
  ): Promise<Map<string, number>> {
    const query = this.transfers()
      .innerJoin(PointsAccountEntity, 'payee', 'payee.id = transfer.creditAccountId')
      .leftJoin(
        PointsTransferEntity,
        'undo',
        "undo.reversesTransferId = transfer.id AND undo.status = 'posted'",
      )
      .where("transfer.kind = 'redemption'")
      .andWhere("transfer.status = 'posted'")
      .andWhere(inRegions('payee.regionId', regionIds), { regionIds })
      .andWhere('undo.id IS NULL');
    return this.sumByMonth(query, 'transfer.createdAt', months);
  }

  /** Points that lapsed per local month, returned to a region pool in the scope. */
  expiredByMonth(
    regionIds: readonly string[],
    months: MonthWindow[],
  ): Promise<Map<string, number>> {
    const query = this.transfers()
      .innerJoin(PointsAccountEntity, 'pool', 'pool.id = transfer.creditAccountId')
      .where("transfer.kind = 'expiry'")
      .andWhere("transfer.status = 'posted'")
      .andWhere("pool.kind = 'region_pool'")
      .andWhere(inRegions('pool.regionId', regionIds), { regionIds });
    return this.sumByMonth(query, 'transfer.createdAt', months);
  }

  /** What workers whose home region is in the scope hold now, hold pending, and how many hold any. */
  async balances(regionIds: readonly string[]): Promise<PointsBalances> {
    const row = await this.dataSource
      .getRepository(PointsAccountEntity)
      .createQueryBuilder('account')
      .select('SUM(account.balance)', 'outstanding')
      .addSelect('SUM(account.pendingCredit)', 'pending')
      .addSelect('SUM(CASE WHEN account.balance > 0 THEN 1 ELSE 0 END)', 'holders')
      .where("account.kind = 'worker_points'")
      .andWhere(inRegions('account.regionId', regionIds), { regionIds })
      .getRawOne<{ outstanding: unknown; pending: unknown; holders: unknown }>();
    return {
      outstanding: toNumber(row?.outstanding ?? 0),
      pending: toNumber(row?.pending ?? 0),
      holders: toNumber(row?.holders ?? 0),
    };
  }

  // ---- volunteers -------------------------------------------------------------------------

  /**
   * The workers who earned most in the filter (issued points, as `issuedByMonth` counts them),
   * most first, ties by user id so the order never changes between two requests. Erased
   * accounts are left out: they can be honoured no more, and must not be named.
   */
  async topEarners(filter: StatsFilter, limit: number): Promise<EarnerRow[]> {
    const rows = await this.transfers()
      .innerJoin(PointsAccountEntity, 'pool', 'pool.id = transfer.debitAccountId')
      .innerJoin(PointsAccountEntity, 'worker', 'worker.id = transfer.creditAccountId')
      .innerJoin(UserEntity, 'person', 'person.id = worker.ownerId')
      .select('worker.ownerId', 'user_id')
      .addSelect('SUM(transfer.amount)', 'points')
      .addSelect('person.nickname', 'nickname')
      .addSelect('person.phoneCipher', 'phone_cipher')
      .where("pool.kind = 'region_pool'")
      .andWhere(inRegions('pool.regionId', filter.regionIds), { regionIds: filter.regionIds })
      .andWhere("worker.kind = 'worker_points'")
      .andWhere('transfer.kind IN (:...earningKinds)', { earningKinds: EARNING_KINDS })
      .andWhere("transfer.status = 'posted'")
      .andWhere('transfer.createdAt < :end', { end: filter.end })
      .andWhere(`${POSTED_AT} >= :start AND ${POSTED_AT} < :end`, { start: filter.start })
      .andWhere('person.erasedAt IS NULL')
      .groupBy('worker.ownerId')
      .addGroupBy('person.nickname')
      .addGroupBy('person.phoneCipher')
      .orderBy('points', 'DESC')
      .addOrderBy('user_id', 'ASC')
      .limit(limit)
      .getRawMany<{
        user_id: string;
        points: unknown;
        nickname: string | null;
        phone_cipher: string | null;
      }>();
    return rows.map((row) => ({
      userId: row.user_id,
      pointsEarned: toNumber(row.points),
      nickname: row.nickname,
      phoneCipher: row.phone_cipher,
    }));
  }

  /** Per reporter: their reports in the scope resolved in the filter's range (closed included). */
  async reportsResolvedBy(
    userIds: readonly string[],
    filter: StatsFilter,
  ): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ReportEntity)
      .createQueryBuilder('report')
      .select('report.reporterId', 'user_id')
      .addSelect('COUNT(*)', 'count')
      .where('report.reporterId IN (:...userIds)', { userIds })
      .andWhere(inRegions('report.regionId', filter.regionIds), { regionIds: filter.regionIds })
      .andWhere('report.status IN (:...paid)', { paid: PAID_STATUSES })
      .andWhere('report.resolvedAt >= :start AND report.resolvedAt < :end', filter)
      .groupBy('report.reporterId')
      .getRawMany<{ user_id: string; count: unknown }>();
    return new Map(rows.map((row) => [row.user_id, toNumber(row.count)]));
  }

  /** Per worker: unflagged visits at stations of the scope on the local dates from..to. */
  async checkinsBy(
    userIds: readonly string[],
    regionIds: readonly string[],
    from: string,
    to: string,
  ): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(CheckinEntity)
      .createQueryBuilder('checkin')
      .select('checkin.userId', 'user_id')
      .addSelect('COUNT(*)', 'count')
      .where('checkin.userId IN (:...userIds)', { userIds })
      .andWhere(inRegions('checkin.regionId', regionIds), { regionIds })
      .andWhere('checkin.localDate >= :from AND checkin.localDate <= :to', { from, to })
      .andWhere('checkin.flag IS NULL')
      .groupBy('checkin.userId')
      .getRawMany<{ user_id: string; count: unknown }>();
    return new Map(rows.map((row) => [row.user_id, toNumber(row.count)]));
  }

  // ---- coverage ---------------------------------------------------------------------------

  /** Open stations of the scope, by name. */
  async openStations(regionIds: readonly string[]): Promise<StationRow[]> {
    const rows = await this.dataSource
      .getRepository(StationEntity)
      .createQueryBuilder('station')
      .select(['station.id', 'station.name', 'station.lat', 'station.lng'])
      .where("station.status = 'open'")
      .andWhere(inRegions('station.regionId', regionIds), { regionIds })
      .orderBy('station.name', 'ASC')
      .addOrderBy('station.id', 'ASC')
      .getMany();
    return rows.map(({ id, name, lat, lng }) => ({ id, name, lat, lng }));
  }

  /** Open stations outside the scope inside a box (neighbours just across the border). */
  async openStationsOutside(
    regionIds: readonly string[],
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
  ): Promise<PositionRow[]> {
    const query = this.dataSource
      .getRepository(StationEntity)
      .createQueryBuilder('station')
      .select(['station.id', 'station.lat', 'station.lng'])
      .where("station.status = 'open'")
      .andWhere('station.lat BETWEEN :minLat AND :maxLat', box)
      .andWhere('station.lng BETWEEN :minLng AND :maxLng', box);
    if (regionIds.length > 0) {
      query.andWhere('station.regionId NOT IN (:...regionIds)', { regionIds });
    }
    return (await query.getMany()).map(({ lat, lng }) => ({ lat, lng }));
  }

  /**
   * Positions of the reports filed in the filter, newest first, at most `limit`: only the two
   * coordinates are read.
   */
  async reportPositions(filter: StatsFilter, limit: number): Promise<PositionRow[]> {
    const rows = await this.reportsFiled(filter)
      .select('report.lat', 'lat')
      .addSelect('report.lng', 'lng')
      .orderBy('report.createdAt', 'DESC')
      .addOrderBy('report.id', 'DESC')
      .limit(limit)
      .getRawMany<{ lat: unknown; lng: unknown }>();
    return rows.map((row) => ({ lat: Number(row.lat), lng: Number(row.lng) }));
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Reports of the scope filed inside the range (by their creation instant). */
  private reportsFiled(filter: StatsFilter): SelectQueryBuilder<ReportEntity> {
    return this.dataSource
      .getRepository(ReportEntity)
      .createQueryBuilder('report')
      .where(inRegions('report.regionId', filter.regionIds), { regionIds: filter.regionIds })
      .andWhere('report.createdAt >= :start AND report.createdAt < :end', {
        start: filter.start,
        end: filter.end,
      });
  }

  private transfers(): SelectQueryBuilder<PointsTransferEntity> {
    return this.dataSource.getRepository(PointsTransferEntity).createQueryBuilder('transfer');
  }

  /**
   * Sums `transfer.amount` per local month of `instant`. The month is a CASE over the months'
   * end instants, computed in JS from the region's time zone: SQL compares timestamps only.
   */
  private async sumByMonth<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    instant: string,
    months: MonthWindow[],
  ): Promise<Map<string, number>> {
    if (months.length === 0) return new Map();
    const parameters: Record<string, unknown> = {};
    const branches = months.map((month, index) => {
      parameters[`monthEnd${index}`] = month.end;
      // Periods are our own YYYY-MM strings, never the caller's text.
      return `WHEN ${instant} < :monthEnd${index} THEN '${month.period}'`;
    });
    parameters.rangeStart = months[0].start;
    parameters.rangeEnd = months[months.length - 1].end;
    const rows = await query
      .select(`CASE ${branches.join(' ')} END`, 'period')
      .addSelect('SUM(transfer.amount)', 'amount')
      .andWhere('transfer.createdAt < :rangeEnd')
      .andWhere(`${instant} >= :rangeStart AND ${instant} < :rangeEnd`)
      .setParameters(parameters)
      .groupBy('period')
      .getRawMany<{ period: string; amount: unknown }>();
    return new Map(rows.map((row) => [row.period, toNumber(row.amount)]));
  }

  /** Whole seconds from one datetime column to another, in the dialect's own words. */
  private secondsBetween(from: string, to: string): string {
    const type = this.dataSource.options.type;
    if (type === 'mysql' || type === 'mariadb') return `TIMESTAMPDIFF(SECOND, ${from}, ${to})`;
    return `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER)`;
  }
}

/** `column IN (:...regionIds)` — the scope's regions (never empty: a scope holds its root). */
function inRegions(column: string, regionIds: readonly string[]): string {
  return regionIds.length === 0 ? '1 = 0' : `${column} IN (:...regionIds)`;
}
