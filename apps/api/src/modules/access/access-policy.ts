import { AbilityBuilder, createMongoAbility, MongoAbility, subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { STATION_MANAGER_FIELDS } from '@yizhan/contracts';
import { Actor } from './actor';
import { RegionScopeService } from './region-scope.service';

/** What may be done. `manage` means every action. */
export type Action = 'read' | 'create' | 'update' | 'delete' | 'manage';

/**
 * The kinds of object the policy speaks about, each with the fields its conditions use. A
 * record checked with `can()` or a list filtered with `accessibleWhere()` exposes these names.
 */
export interface SubjectFields {
  Region: { id: string };
  Station: { id: string; regionId: string };
  Merchant: { id: string; regionId: string };
  StaffAccount: { id: string; regionId: string | null };
  AuditEntry: { regionId: string | null };
  User: { id: string };
  /** A ledger account; for a worker, `regionId` is their home region. */
  PointsAccount: { regionId: string | null };
  /** A reward, in the region of the merchant or station that offers it. */
  Reward: { regionId: string };
  /**
   * A redemption as the counter sees it: `update` is fulfilling it, which only the staff of the
   * offering merchant (or the offering station's manager) may do; district admins only read.
   * A worker's own redemptions are reached through queries keyed by their user id instead.
   */
  Redemption: { regionId: string; merchantId: string | null; stationId: string | null };
  /**
   * Recorded visits (check-ins) at a station of a region, as statistics and the station's
   * day list show them. `stationId: null` asks for every station of the region at once, which
   * only a role over the whole region may see; a station's manager sees their station's.
   */
  Visit: { regionId: string; stationId: string | null };
  /**
   * A worker's report. Its reporter reads it; `update` is handling it (accept, dispatch,
   * resolve, reject, duplicate), which handlers and district admins do inside their region.
   */
  Report: { regionId: string; reporterId: string | null };
  /** Report categories and departments: district admins manage them in their region. */
  ReportCategory: { regionId: string };
  Department: { regionId: string };
  /** The console's statistics of a region subtree (reports, points, volunteers, coverage). */
  Statistics: { regionId: string };
}
export type SubjectType = keyof SubjectFields;

/**
 * CASL's untyped ability: its subject-typed generics cannot express conditions on plain
 * records, so the typed surface is `can()` and `accessibleWhere()` with `SubjectFields` instead.
 */
export type AppAbility = MongoAbility;

/**
 * The one place that says who may do what to which object. Rules are CASL rules with
 * conditions on the fields above; services check single objects with `can()` and list
 * queries are filtered in SQL from the same rules (see sql-scope.ts), so a list and a detail
 * view can never disagree about what a caller may see.
 */
@Injectable()
export class AccessPolicy {
  private readonly abilities = new WeakMap<Actor, Promise<AppAbility>>();

  constructor(private readonly regionScope: RegionScopeService) {}

  abilityFor(actor: Actor): Promise<AppAbility> {
    let ability = this.abilities.get(actor);
    if (!ability) {
      ability = this.build(actor);
      this.abilities.set(actor, ability);
    }
    return ability;
  }

  /**
   * Whether `actor` may do `action` to `object`; with `field`, to that field of it (a rule
   * limited to some fields allows the action on the object, but not on the other fields).
   */
  async can<S extends SubjectType>(
    actor: Actor,
    action: Action,
    type: S,
    object: SubjectFields[S],
    field?: string,
  ): Promise<boolean> {
    const ability = await this.abilityFor(actor);
    return ability.can(action, subject(type, { ...object }), field);
  }

  private async build(actor: Actor): Promise<AppAbility> {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);

    // Everyone signed in owns their own account.
    can(['read', 'update', 'delete'], 'User', { id: actor.userId });
    // Everyone reads their own reports (editing while submitted is checked by the service).
    can('read', 'Report', { reporterId: actor.userId });

    for (const grant of actor.grantsOf('district_admin')) {
      if (!grant.regionId) continue;
      const regionIds = await this.regionScope.subtreeIds(grant.regionId);
      const inRegion = { regionId: { $in: regionIds } };
      can('manage', 'Region', { id: { $in: regionIds } });
      can('manage', 'Station', inRegion);
      can('manage', 'Merchant', inRegion);
      can(['read', 'create'], 'StaffAccount', inRegion);
      can('read', 'AuditEntry', inRegion);
      can('manage', 'PointsAccount', inRegion);
      can('manage', 'Reward', inRegion);
      can('read', 'Redemption', inRegion);
      can('read', 'Visit', inRegion);
      can(['read', 'update'], 'Report', inRegion);
      can('manage', 'ReportCategory', inRegion);
      can('manage', 'Department', inRegion);
      can('read', 'Statistics', inRegion);
    }
    for (const grant of actor.grantsOf('handler')) {
      if (!grant.regionId) continue;
      const inRegion = { regionId: { $in: await this.regionScope.subtreeIds(grant.regionId) } };
      can(['read', 'update'], 'Report', inRegion);
      can('read', 'ReportCategory', inRegion);
      can('read', 'Department', inRegion);
    }
    for (const grant of actor.grantsOf('station_manager')) {
      if (!grant.stationId) continue;
      can('read', 'Station', { id: grant.stationId });
      // What a manager changes about their own station; its name, place and hours are the
      // district's.
      can('update', 'Station', [...STATION_MANAGER_FIELDS], { id: grant.stationId });
      can(['read', 'update'], 'Redemption', { stationId: grant.stationId });
      can('read', 'Visit', { stationId: grant.stationId });
    }
    for (const grant of actor.grantsOf('merchant_staff')) {
      if (!grant.merchantId) continue;
      can('read', 'Merchant', { id: grant.merchantId });
      can(['read', 'update'], 'Redemption', { merchantId: grant.merchantId });
    }
    return build();
  }
}
