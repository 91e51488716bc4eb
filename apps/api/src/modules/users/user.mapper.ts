import { ConsentRecord, MeResponse } from '@yizhan/contracts';
import { RoleClaim } from '../access/actor';
import { ConsentEntity } from './consent.entity';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export function toRoleClaim(role: UserRoleEntity): RoleClaim {
  return {
    role: role.role,
    regionId: role.regionId,
    stationId: role.stationId,
    merchantId: role.merchantId,
  };
}

export function toConsentRecord(consent: ConsentEntity): ConsentRecord {
  return {
    kind: consent.kind,
    version: consent.version,
    grantedAt: consent.grantedAt.toISOString(),
  };
}

/** The owner's own view: the only response that carries the phone number unmasked. */
export function toMeResponse(
  user: UserEntity,
  roles: UserRoleEntity[],
  consents: ConsentEntity[],
  phone: string | null,
): MeResponse {
  return {
    id: user.id,
    nickname: user.nickname,
    occupation: user.occupation,
    platform: user.platform,
    phone,
    username: user.username,
    roles: roles.map(toRoleClaim),
    consents: consents.map(toConsentRecord),
    createdAt: user.createdAt.toISOString(),
  };
}
