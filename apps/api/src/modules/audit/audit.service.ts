import { Injectable } from '@nestjs/common';
import { AuditEntry, DEFAULT_PAGE_LIMIT, ListAuditLogQueryDto, Page } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { decodeTimeCursor, toPage } from '../../common/pagination/cursor';
import { TxManager } from '../../database/transactions';
import { AccessPolicy } from '../access/access-policy';
import { RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { accessibleWhere } from '../access/sql-scope';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';

/** What happened, to which object, in which region; before/after carry no secrets or raw phones. */
export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  regionId: string | null;
  before?: object;
  after?: object;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditRepository,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** Appends one entry; pass the transaction of the change so both commit or neither does. */
  async record(actor: Actor, meta: RequestMeta, event: AuditEvent, manager?: TxManager) {
    const entry = Object.assign(new AuditEntryEntity(), {
      id: randomUUID(),
      actorId: actor.userId,
      actorRole: actor.primaryRole,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      regionId: event.regionId,
      before: event.before ?? null,
      after: event.after ?? null,
      ip: meta.ip,
      requestId: meta.requestId,
      createdAt: this.clock.now(),
    });
    await this.entries.append(entry, manager);
  }

  async list(actor: Actor, query: ListAuditLogQueryDto): Promise<Page<AuditEntry>> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const ability = await this.policy.abilityFor(actor);
    const scope = accessibleWhere(ability, 'read', 'AuditEntry', { regionId: 'entry.regionId' });
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rows = await this.entries.page(scope, query, after, limit + 1);
    return toPage(rows, limit, toAuditEntry, (row) => [row.createdAt.toISOString(), row.id]);
  }

  recentByActor(actorId: string, limit: number): Promise<AuditEntry[]> {
    return this.entries.byActor(actorId, limit).then((rows) => rows.map(toAuditEntry));
  }
}

export function toAuditEntry(entry: AuditEntryEntity): AuditEntry {
  return {
    id: entry.id,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    regionId: entry.regionId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip,
    requestId: entry.requestId,
    createdAt: entry.createdAt.toISOString(),
  };
}
