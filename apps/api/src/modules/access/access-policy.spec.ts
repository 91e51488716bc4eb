import { Role } from '@yizhan/contracts';
import { RegionsRepository } from '../regions/regions.repository';
import { AccessPolicy, Action, SubjectFields, SubjectType } from './access-policy';
import { Actor, RoleClaim } from './actor';
import { RegionScopeService } from './region-scope.service';
import { accessibleWhere } from './sql-scope';

/**
 * Two districts: liuyang (with streets ly-a and ly-b) and hanyang (with street hy-a), under
 * one city. Subtrees are what the region repository would answer.
 */
const SUBTREES: Readonly<Record<string, string[]>> = {
  city: ['city', 'liuyang', 'ly-a', 'ly-b', 'hanyang', 'hy-a'],
  liuyang: ['liuyang', 'ly-a', 'ly-b'],
  hanyang: ['hanyang', 'hy-a'],
};

/** The region repository's one query the policy uses, over the table above. */
class RegionTree implements Pick<RegionsRepository, 'findSubtreeIds'> {
  readonly asked: string[] = [];

  findSubtreeIds(id: string): Promise<string[]> {
    this.asked.push(id);
    return Promise.resolve(SUBTREES[id] ?? [id]);
  }
}

const grant = (role: Role, scope: Partial<RoleClaim> = {}): RoleClaim => ({
  role,
  regionId: null,
  stationId: null,
  merchantId: null,
  ...scope,
});

const actorWith = (...roles: RoleClaim[]) => new Actor('me', roles, 'session');

const WORKER = actorWith(grant('worker'));
const DISTRICT_ADMIN = actorWith(grant('district_admin', { regionId: 'liuyang' }));
const HANDLER = actorWith(grant('handler', { regionId: 'liuyang' }));
const STATION_MANAGER = actorWith(
  grant('station_manager', { regionId: 'ly-a', stationId: 'station-1' }),
);
const MERCHANT_STAFF = actorWith(
  grant('merchant_staff', { regionId: 'ly-a', merchantId: 'merchant-1' }),
);

type Check = [Action, SubjectType, SubjectFields[SubjectType], boolean];

describe(AccessPolicy.name, () => {
  let tree: RegionTree;
  let policy: AccessPolicy;

  beforeEach(() => {
    tree = new RegionTree();
    const regions: Pick<RegionsRepository, 'findSubtreeIds'> = tree;
    policy = new AccessPolicy(new RegionScopeService(regions as RegionsRepository));
  });

  async function expectChecks(actor: Actor, checks: Check[]): Promise<void> {
    const outcomes = await Promise.all(
      checks.map(([action, type, object]) => policy.can(actor, action, type, object)),
    );
    expect(checks.map((check, index) => [...check.slice(0, 3), outcomes[index]])).toEqual(
      checks.map((check) => [...check.slice(0, 3), check[3]]),
    );
  }

  /** What no staff role grants beyond its scope: a worker's view of the staff objects. */
  const nothingStaffLike = (): Check[] => [
    ['read', 'Station', { id: 'station-1', regionId: 'ly-a' }, false],
    ['read', 'Merchant', { id: 'merchant-1', regionId: 'ly-a' }, false],
    ['read', 'StaffAccount', { id: 'u2', regionId: 'liuyang' }, false],
    ['create', 'StaffAccount', { id: 'u2', regionId: 'liuyang' }, false],
    ['read', 'AuditEntry', { regionId: 'liuyang' }, false],
    ['manage', 'Region', { id: 'liuyang' }, false],
    ['read', 'Visit', { regionId: 'ly-a', stationId: 'station-1' }, false],
    ['read', 'Visit', { regionId: 'ly-a', stationId: null }, false],
  ];

  describe('every signed-in caller', () => {
    it.each<[string, Actor]>([
      ['worker', WORKER],
      ['handler', HANDLER],
      ['district_admin', DISTRICT_ADMIN],
    ])(
      'as %s reads, updates and deletes their own account, and nobody else’s',
      async (_role, actor) => {
        await expectChecks(actor, [
          ['read', 'User', { id: 'me' }, true],
          ['update', 'User', { id: 'me' }, true],
          ['delete', 'User', { id: 'me' }, true],
          ['read', 'User', { id: 'someone-else' }, false],
          ['update', 'User', { id: 'someone-else' }, false],
        ]);
      },
    );
  });

  describe('worker', () => {
    it('may do nothing to stations, merchants, staff accounts, the audit log or regions', async () => {
      await expectChecks(WORKER, nothingStaffLike());
    });
  });

  describe('handler', () => {
    it('gets no rule on these objects yet (reports come with their feature)', async () => {
      await expectChecks(HANDLER, nothingStaffLike());
    });
  });

  describe('district_admin', () => {
    it('manages regions, stations and merchants in the subtree of its district', async () => {
      await expectChecks(DISTRICT_ADMIN, [
        ['manage', 'Region', { id: 'liuyang' }, true],
        ['update', 'Region', { id: 'ly-b' }, true],
        ['read', 'Region', { id: 'hanyang' }, false],
        ['read', 'Region', { id: 'city' }, false],
        ['create', 'Station', { id: '', regionId: 'ly-a' }, true],
        ['delete', 'Station', { id: 'station-1', regionId: 'ly-b' }, true],
        ['read', 'Station', { id: 'station-9', regionId: 'hy-a' }, false],
        ['create', 'Merchant', { id: '', regionId: 'liuyang' }, true],
        ['update', 'Merchant', { id: 'merchant-9', regionId: 'hy-a' }, false],
      ]);
    });

    it('reads and creates staff accounts of its district, and changes none', async () => {
      await expectChecks(DISTRICT_ADMIN, [
        ['read', 'StaffAccount', { id: 'u2', regionId: 'ly-a' }, true],
        ['create', 'StaffAccount', { id: 'u2', regionId: 'liuyang' }, true],
        ['update', 'StaffAccount', { id: 'u2', regionId: 'liuyang' }, false],
        ['delete', 'StaffAccount', { id: 'u2', regionId: 'liuyang' }, false],
        ['read', 'StaffAccount', { id: 'u3', regionId: 'hanyang' }, false],
        ['read', 'StaffAccount', { id: 'u4', regionId: null }, false],
      ]);
    });

    it('reads the audit entries of its district only, and writes none', async () => {
      await expectChecks(DISTRICT_ADMIN, [
        ['read', 'AuditEntry', { regionId: 'ly-b' }, true],
        ['read', 'AuditEntry', { regionId: 'hy-a' }, false],
        ['read', 'AuditEntry', { regionId: null }, false],
        ['create', 'AuditEntry', { regionId: 'liuyang' }, false],
        ['delete', 'AuditEntry', { regionId: 'liuyang' }, false],
      ]);
    });

    it('reads the visits of every station in its district, one by one or all together', async () => {
      await expectChecks(DISTRICT_ADMIN, [
        ['read', 'Visit', { regionId: 'ly-a', stationId: 'station-1' }, true],
        ['read', 'Visit', { regionId: 'liuyang', stationId: null }, true],
        ['read', 'Visit', { regionId: 'ly-b', stationId: null }, true],
        ['read', 'Visit', { regionId: 'hy-a', stationId: 'station-9' }, false],
        ['read', 'Visit', { regionId: 'hanyang', stationId: null }, false],
        ['read', 'Visit', { regionId: 'city', stationId: null }, false],
        ['update', 'Visit', { regionId: 'ly-a', stationId: 'station-1' }, false],
      ]);
    });

    it('gets nothing from a grant without a region', async () => {
      const adrift = actorWith(grant('district_admin'));

      await expectChecks(adrift, nothingStaffLike());
    });

    it('filters lists in SQL by the same subtree', async () => {
      const ability = await policy.abilityFor(DISTRICT_ADMIN);

      const condition = accessibleWhere(ability, 'read', 'StaffAccount', {
        id: 'grant.user_id',
        regionId: 'grant.region_id',
      });

      expect(condition.sql).toMatch(/^\(\(grant\.region_id IN \(:\.\.\.scope_\d+\)\)\)$/);
      expect(Object.values(condition.params)).toEqual([SUBTREES.liuyang]);
    });
  });

  describe('station_manager', () => {
    it('reads and updates its own station only', async () => {
      await expectChecks(STATION_MANAGER, [
        ['read', 'Station', { id: 'station-1', regionId: 'ly-a' }, true],
        ['update', 'Station', { id: 'station-1', regionId: 'ly-a' }, true],
        ['delete', 'Station', { id: 'station-1', regionId: 'ly-a' }, false],
        ['manage', 'Station', { id: 'station-1', regionId: 'ly-a' }, false],
        ['read', 'Station', { id: 'station-2', regionId: 'ly-a' }, false],
        ['update', 'Station', { id: 'station-2', regionId: 'ly-a' }, false],
        ['read', 'Merchant', { id: 'merchant-1', regionId: 'ly-a' }, false],
        ['read', 'StaffAccount', { id: 'u2', regionId: 'ly-a' }, false],
        ['read', 'AuditEntry', { regionId: 'ly-a' }, false],
      ]);
    });

    it("reads its own station's visits, not its region's nor another station's", async () => {
      await expectChecks(STATION_MANAGER, [
        ['read', 'Visit', { regionId: 'ly-a', stationId: 'station-1' }, true],
        ['update', 'Visit', { regionId: 'ly-a', stationId: 'station-1' }, false],
        ['read', 'Visit', { regionId: 'ly-a', stationId: 'station-2' }, false],
        ['read', 'Visit', { regionId: 'ly-a', stationId: null }, false],
      ]);
    });
  });

  describe('station fields', () => {
    const station = { id: 'station-1', regionId: 'ly-a' };
    const fieldChecks = (actor: Actor, fields: string[]) =>
      Promise.all(fields.map((field) => policy.can(actor, 'update', 'Station', station, field)));

    it('lets a station manager change only status and amenities of their station', async () => {
      expect(await fieldChecks(STATION_MANAGER, ['status', 'amenities', 'name', 'lat'])).toEqual([
        true,
        true,
        false,
        false,
      ]);
      expect(
        await policy.can(STATION_MANAGER, 'update', 'Station', { ...station, id: 'x' }, 'status'),
      ).toBe(false);
    });

    it('lets a district admin change every field of a station in their region', async () => {
      expect(await fieldChecks(DISTRICT_ADMIN, ['status', 'name', 'lat', 'openingHours'])).toEqual([
        true,
        true,
        true,
        true,
      ]);
    });
  });

  describe('merchant_staff', () => {
    it('reads its own merchant only', async () => {
      await expectChecks(MERCHANT_STAFF, [
        ['read', 'Merchant', { id: 'merchant-1', regionId: 'ly-a' }, true],
        ['update', 'Merchant', { id: 'merchant-1', regionId: 'ly-a' }, false],
        ['read', 'Merchant', { id: 'merchant-2', regionId: 'ly-a' }, false],
        ['read', 'Station', { id: 'station-1', regionId: 'ly-a' }, false],
        ['read', 'AuditEntry', { regionId: 'ly-a' }, false],
      ]);
    });
  });

  it('unites the rules of every role an account holds', async () => {
    const both = actorWith(
      grant('station_manager', { regionId: 'ly-a', stationId: 'station-1' }),
      grant('merchant_staff', { regionId: 'ly-a', merchantId: 'merchant-1' }),
    );

    await expectChecks(both, [
      ['update', 'Station', { id: 'station-1', regionId: 'ly-a' }, true],
      ['read', 'Merchant', { id: 'merchant-1', regionId: 'ly-a' }, true],
      ['read', 'Merchant', { id: 'merchant-2', regionId: 'ly-a' }, false],
    ]);
  });

  it('builds an actor’s ability once, asking for each district subtree once', async () => {
    const first = policy.abilityFor(DISTRICT_ADMIN);
    const second = policy.abilityFor(DISTRICT_ADMIN);

    expect(second).toBe(first);
    await expect(first).resolves.toBe(await second);
    await policy.can(DISTRICT_ADMIN, 'read', 'Region', { id: 'liuyang' });
    expect(tree.asked).toEqual(['liuyang']);
  });
});
