import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { Role } from '../enums';
import { PageQueryDto } from './pagination.dto';

/** `GET /audit-log` query. */
export class ListAuditLogQueryDto extends PageQueryDto {
  /** Exact action name, e.g. `staff.create`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/, { message: 'action must be an action name like staff.create' })
  action?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,32}$/, { message: 'targetType must be a type name like station' })
  targetType?: string;

  @IsOptional()
  @IsUUID()
  targetId?: string;
}

/** One append-only entry: who did what to which object, with the state before and after. */
export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  targetType: string;
  targetId: string | null;
  regionId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  createdAt: string;
}
