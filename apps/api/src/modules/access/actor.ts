import { Role, RoleGrant } from '@yizhan/contracts';

/** One role of the signed-in caller as the access token carries it. */
export interface RoleClaim {
  role: Role;
  regionId: string | null;
  stationId: string | null;
  merchantId: string | null;
}

/**
 * Who is calling: the verified subject of the access token. Built by the JWT strategy and
 * available to handlers through `@CurrentActor()`; everything the policy decides starts here.
 */
export class Actor {
  constructor(
    readonly userId: string,
    readonly roles: readonly RoleClaim[],
    /** The login family the access token was issued for (logout revokes it). */
    readonly sessionId: string,
  ) {}

  has(role: Role): boolean {
    return this.roles.some((claim) => claim.role === role);
  }

  grantsOf(role: Role): RoleClaim[] {
    return this.roles.filter((claim) => claim.role === role);
  }

  /** The role to record in an audit entry: the first staff role, else worker. */
  get primaryRole(): Role {
    return (this.roles.find((claim) => claim.role !== 'worker') ?? this.roles[0])?.role ?? 'worker';
  }
}

export function toRoleGrant(claim: RoleClaim): RoleGrant {
  return {
    role: claim.role,
    regionId: claim.regionId,
    stationId: claim.stationId,
    merchantId: claim.merchantId,
  };
}
