import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '../../modules/auth/password-hasher';
import { UserRoleEntity } from '../../modules/users/user-role.entity';
import { UserEntity } from '../../modules/users/user.entity';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_DISTRICTS,
  DEMO_NICKNAMES,
  DEMO_STAFF_ROLES,
  DemoDistrict,
} from './demo/demo-accounts';
import { UpsertCounts, upsertById } from './upsert-by-id';

export interface DemoIds {
  regionIdOf(code: string): string;
  stationIdOf(key: string): string;
  merchantIdOf(key: string): string;
  userIdOf(username: string): string;
  grantIdOf(username: string): string;
}

function grantOf(role: string, district: DemoDistrict, ids: DemoIds, username: string) {
  const regionId = ids.regionIdOf(district.regionCode);
  const userId = ids.userIdOf(username);
  const base = { id: ids.grantIdOf(username), userId, regionId, stationId: null, merchantId: null };
  if (role === 'station_manager') {
    return { ...base, stationId: ids.stationIdOf(district.stationKey) };
  }
  if (role === 'merchant_staff') {
    return { ...base, merchantId: ids.merchantIdOf(district.merchantKey) };
  }
  return base;
}

/**
 * The demo staff accounts `<role>@<district>` with `DEMO_PASSWORD` (default yizhan-demo).
 * Idempotent: an account whose stored hash already matches the password keeps it, so a
 * second run changes nothing; a changed DEMO_PASSWORD re-hashes.
 */
export async function seedDemoAccounts(
  dataSource: DataSource,
  ids: DemoIds,
  password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
): Promise<{ accounts: UpsertCounts; grants: UpsertCounts }> {
  const hasher = new PasswordHasher();
  const accounts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  const grants: UserRoleEntity[] = [];
  const users = dataSource.getRepository(UserEntity);
  for (const district of DEMO_DISTRICTS) {
    for (const role of DEMO_STAFF_ROLES) {
      const username = `${role}@${district.slug}`;
      const id = ids.userIdOf(username);
      const stored = await users.findOneBy({ id });
      if (!stored) {
        await users.insert({
          id,
          username,
          nickname: DEMO_NICKNAMES[role] ?? null,
          passwordHash: await hasher.hash(password),
        });
        accounts.created += 1;
      } else if (!stored.passwordHash || !(await hasher.verify(stored.passwordHash, password))) {
        await users.update(
          { id },
          { passwordHash: await hasher.hash(password), lockedUntil: null },
        );
        accounts.updated += 1;
      } else {
        accounts.unchanged += 1;
      }
      grants.push(
        Object.assign(new UserRoleEntity(), { role, ...grantOf(role, district, ids, username) }),
      );
    }
  }
  const grantCounts = await dataSource.transaction((manager: EntityManager) =>
    upsertById(manager, UserRoleEntity, grants),
  );
  return { accounts, grants: grantCounts };
}
