import { Injectable } from '@nestjs/common';
import { newestFirst } from '../../common/pagination/newest-first';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { TimePosition } from '../../common/pagination/cursor';
import { TxManager } from '../../database/transactions';
import { CheckinEntity } from './checkin.entity';

/** A previous visit with where its station stands (the travel check uses station positions). */
export interface PlacedVisit {
  at: Date;
  position: { lat: number; lng: number };
}

/** Queries of check-ins and of the per-worker gate that serialises them. */
@Injectable()
export class CheckinsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: TxManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Takes the worker's gate, opening it on the first check-in: one upsert, which holds the row's
   * write lock until the transaction ends, so a second check-in of the same worker waits here
   * until the first has committed.
   */
  async passGate(manager: TxManager, userId: string): Promise<void> {
    const type = this.dataSource.options.type;
    const upsert =
      type === 'mysql' || type === 'mariadb'
        ? 'ON DUPLICATE KEY UPDATE turns = turns + 1'
        : 'ON CONFLICT (user_id) DO UPDATE SET turns = turns + 1';
    await manager.query(`INSERT INTO checkin_gate (user_id, turns) VALUES (?, 1) ${upsert}`, [
      userId,
    ]);
  }

  async findByKey(idempotencyKey: string, manager?: TxManager): Promise<CheckinEntity | null> {
    // Without its station: every caller answers a replay with the station read by id anyway.
    return this.m(manager).findOneBy(CheckinEntity, { idempotencyKey });
  }

  /** Whether the worker already checked in with this live step at this station. */
  async usedLiveStep(
    manager: TxManager,
    userId: string,
    stationId: string,
    step: number,
  ): Promise<boolean> {
    return (
      (await manager.count(CheckinEntity, { where: { userId, stationId, liveStep: step } })) > 0
    );
  }

  /** The worker's latest visit at the station, if any. */
  async lastAtStation(manager: TxManager, userId: string, stationId: string): Promise<Date | null> {
    const row = await manager.findOne(CheckinEntity, {
      where: { userId, stationId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return row?.createdAt ?? null;
  }

  /** The worker's latest visit anywhere at or before `now`, with its station's position. */
  async lastVisit(manager: TxManager, userId: string, now: Date): Promise<PlacedVisit | null> {
    const row = await manager
      .createQueryBuilder(CheckinEntity, 'checkin')
      .innerJoinAndSelect('checkin.station', 'station')
      .where('checkin.userId = :userId AND checkin.createdAt <= :now', { userId, now })
      .orderBy('checkin.createdAt', 'DESC')
      .addOrderBy('checkin.id', 'DESC')
      .limit(1)
      .getOne();
    if (!row?.station) return null;
    return { at: row.createdAt, position: { lat: row.station.lat, lng: row.station.lng } };
  }

  async insert(manager: TxManager, checkin: CheckinEntity): Promise<void> {
    await manager.insert(CheckinEntity, checkin);
  }

  /** Records the settled award; only the first settlement writes (a sweep may race the request). */
  async settle(id: string, points: number, capped: boolean, manager?: TxManager): Promise<void> {
    await this.m(manager)
      .createQueryBuilder()
      .update(CheckinEntity)
      .set({ pointsAwarded: points, pointsCapped: capped })
      .where('id = :id AND points_awarded IS NULL', { id })
      .execute();
  }

  /** Unflagged visits whose award has not settled, recorded before `before`, oldest first. */
  unsettled(before: Date, limit: number): Promise<CheckinEntity[]> {
    return this.m().find(CheckinEntity, {
      where: { pointsAwarded: IsNull(), flag: IsNull(), createdAt: LessThan(before) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** The worker's visits, newest first, with their stations. */
  pageOwn(userId: string, after: TimePosition | null, limit: number): Promise<CheckinEntity[]> {
    const query = this.m()
      .createQueryBuilder(CheckinEntity, 'checkin')
      .innerJoinAndSelect('checkin.station', 'station')
      .where('checkin.userId = :userId', { userId });
    return newestFirst(query, 'checkin', after, limit).getMany();
  }

  /** Every visit of the worker, newest first, up to `max` (the data export). */
  allOfUser(userId: string, max: number): Promise<CheckinEntity[]> {
    return this.m().find(CheckinEntity, {
      where: { userId },
      relations: { station: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: max,
    });
  }

  /** Erasure: the visits stay counted, but where the worker stood is forgotten. */
  async forgetLocations(userId: string, manager?: TxManager): Promise<void> {
    await this.m(manager)
      .createQueryBuilder()
      .update(CheckinEntity)
      .set({ lat: null, lng: null, accuracyM: null, distanceM: null })
      .where('user_id = :userId', { userId })
      .execute();
  }
}
