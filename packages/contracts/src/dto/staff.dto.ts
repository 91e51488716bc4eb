import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  STAFF_ROLES,
  USERNAME_PATTERN,
} from '../account-values';
import type { Role } from '../enums';
import { PageQueryDto } from './pagination.dto';

/**
 * `POST /staff`: a staff or merchant account. Which scope field is required depends on the
 * role (station_manager → stationId, merchant_staff → merchantId, others → regionId); the
 * server checks that and that the scope lies inside the caller's region.
 */
export class CreateStaffDto {
  @IsString()
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 3–64 lowercase letters, digits or . _ @ -',
  })
  username!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsIn(STAFF_ROLES)
  role!: Role;

  @IsOptional()
  @IsUUID()
  regionId?: string;

  @IsOptional()
  @IsUUID()
  stationId?: string;

  @IsOptional()
  @IsUUID()
  merchantId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  nickname?: string;
}

/** `GET /staff` query (district_admin: accounts in their region). */
export class ListStaffQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: Role;
}

export interface StaffAccount {
  id: string;
  username: string;
  nickname: string | null;
  role: Role;
  regionId: string | null;
  stationId: string | null;
  merchantId: string | null;
  createdAt: string;
}
