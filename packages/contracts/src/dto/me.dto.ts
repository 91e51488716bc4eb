import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CONSENT_KINDS, OCCUPATIONS, type ConsentKind, type Occupation, type Role } from '../enums';

/** One role the account holds, with the scope it covers. */
export interface RoleGrant {
  role: Role;
  /** Region subtree the role covers (staff roles). */
  regionId?: string | null;
  /** Station a station manager runs. */
  stationId?: string | null;
  /** Merchant whose codes merchant staff fulfil. */
  merchantId?: string | null;
}

export interface ConsentRecord {
  kind: ConsentKind;
  version: string;
  grantedAt: string;
}

/** `GET /me`: the caller's own profile (their phone unmasked: it is theirs). */
export interface MeResponse {
  id: string;
  nickname: string | null;
  occupation: Occupation | null;
  platform: string | null;
  /** The owner's own number; every other response masks phones (138****1234). */
  phone: string | null;
  /** Staff and merchant accounts sign in with a username. */
  username: string | null;
  roles: RoleGrant[];
  consents: ConsentRecord[];
  createdAt: string;
}

/** `PATCH /me`: only these fields; anything else (roles!) is rejected with 400. */
export class UpdateMeDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  // No control characters or angle brackets: nicknames are shown to staff.
  @Matches(/^[^\p{Cc}<>]+$/u, {
    message: 'nickname contains characters that are not allowed',
  })
  nickname?: string;

  @IsOptional()
  @IsIn(OCCUPATIONS)
  occupation?: Occupation;

  /** Delivery platform or employer as the worker names it (美团, 饿了么, 顺丰 …). */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[^\p{Cc}<>]*$/u, {
    message: 'platform contains characters that are not allowed',
  })
  platform?: string;
}

/** `POST /me/consents`. */
export class GrantConsentDto {
  @IsIn(CONSENT_KINDS)
  kind!: ConsentKind;

  /** Version of the privacy text the user agreed to (e.g. "2026-11"). */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'version must be a short version label' })
  version!: string;
}

/** `GET /me/export`: everything the service holds about the caller (PIPL art. 45). */
export interface MeExport {
  exportedAt: string;
  profile: MeResponse;
  consents: Array<ConsentRecord & { withdrawnAt: string | null }>;
  sessions: Array<{
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string;
    revoked: boolean;
  }>;
  /** Sections later features add (check-ins, reports, points …), keyed by name. */
  [section: string]: unknown;
}
