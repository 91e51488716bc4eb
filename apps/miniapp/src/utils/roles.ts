import { Role, type MeResponse } from '@yizhan/contracts';

/** Merchant staff and station managers hand rewards over at their counter (API.md). */
const COUNTER_ROLES: ReadonlySet<Role> = new Set([Role.MerchantStaff, Role.StationManager]);

export function canUseCounter(user: Pick<MeResponse, 'roles'> | null): boolean {
  return user?.roles.some((grant) => COUNTER_ROLES.has(grant.role)) ?? false;
}

/** The stations this user manages (`station_manager` grants carry the station's id). */
export function managedStationIds(user: Pick<MeResponse, 'roles'> | null): string[] {
  const ids = (user?.roles ?? [])
    .filter((grant) => grant.role === Role.StationManager && typeof grant.stationId === 'string')
    .map((grant) => grant.stationId as string);
  return [...new Set(ids)];
}

/** Handlers (路长, community staff) work the report queue of their region. */
export function isHandler(user: Pick<MeResponse, 'roles'> | null): boolean {
  return user?.roles.some((grant) => grant.role === Role.Handler) ?? false;
}
