import { Injectable } from '@nestjs/common';
import { newestFirst } from '../../common/pagination/newest-first';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { TimePosition } from '../../common/pagination/cursor';
import { SqlCondition } from '../access/sql-scope';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
}

/** Append-only: this repository can add and read entries, never change or remove them. */
@Injectable()
export class AuditRepository {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
  ) {}

  async append(entry: AuditEntryEntity, manager?: TxManager): Promise<void> {
    const entries = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await entries.insert(entry);
  }

  /** Newest first, keyset-paginated, restricted by the caller's scope in SQL. */
  page(
    scope: SqlCondition,
    filter: AuditFilter,
    after: TimePosition | null,
    limit: number,
  ): Promise<AuditEntryEntity[]> {
    const query = this.entries.createQueryBuilder('entry').where(scope.sql, scope.params);
    if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
    if (filter.actorId) query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    if (filter.targetType) {
      query.andWhere('entry.targetType = :targetType', { targetType: filter.targetType });
    }
    if (filter.targetId)
      query.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
    return newestFirst(query, 'entry', after, limit).getMany();
  }

  byActor(actorId: string, limit: number): Promise<AuditEntryEntity[]> {
    return this.entries.find({ where: { actorId }, order: { createdAt: 'DESC' }, take: limit });
  }
}
