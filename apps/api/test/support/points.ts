import { randomUUID } from 'node:crypto';
import { EarningKind, ExpiryPolicy, Role } from '@yizhan/contracts';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { RoleClaim } from '../../src/modules/access/actor';
import { JwtService } from '@nestjs/jwt';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  JWT_ALGORITHM,
} from '../../src/modules/access/token-keys';
import { EarningRuleEntity } from '../../src/modules/ledger/earning-rule.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { UserRoleEntity } from '../../src/modules/users/user-role.entity';
import { UserEntity } from '../../src/modules/users/user.entity';

export interface TestUser {
  id: string;
  roles: RoleClaim[];
}

/** A user row with these role grants (none: a worker). */
export async function createUser(
  dataSource: DataSource,
  grants: Array<{ role: Role; regionId?: string }> = [],
): Promise<TestUser> {
  const id = randomUUID();
  await dataSource.getRepository(UserEntity).insert({ id, nickname: `用户${id.slice(0, 4)}` });
  const roles: RoleClaim[] = grants.map((grant) => ({
    role: grant.role,
    regionId: grant.regionId ?? null,
    stationId: null,
    merchantId: null,
  }));
  for (const role of roles) {
    await dataSource
      .getRepository(UserRoleEntity)
      .insert({ id: randomUUID(), userId: id, ...role });
  }
  return { id, roles };
}

/**
 * Authorization headers of a signed-in user: an access token signed with the application's key
 * on the real clock (suites pin the server Clock far from today; JWT expiry reads the real one).
 */
export async function authOf(
  app: NestFastifyApplication,
  user: TestUser,
): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const token = await app.get(JwtService, { strict: false }).signAsync(
    {
      sub: user.id,
      sid: randomUUID(),
      typ: 'access',
      roles: user.roles,
      iat: now,
      exp: now + 3600,
    },
    { algorithm: JWT_ALGORITHM, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
  );
  return { authorization: `Bearer ${token}` };
}

export interface RuleInput {
  region: RegionEntity;
  kind: EarningKind;
  points: number;
  dailyCap?: number | null;
  weeklyCap?: number | null;
  expiryPolicy?: ExpiryPolicy;
}

export async function createRule(dataSource: DataSource, input: RuleInput) {
  const rule = Object.assign(new EarningRuleEntity(), {
    id: randomUUID(),
    regionId: input.region.id,
    kind: input.kind,
    points: input.points,
    dailyCap: input.dailyCap ?? null,
    weeklyCap: input.weeklyCap ?? null,
    expiryPolicy: input.expiryPolicy ?? 'end_of_next_year',
  });
  await dataSource.getRepository(EarningRuleEntity).insert(rule);
  return rule;
}

/** A fresh idempotency key. */
export const newKey = (prefix = 'k') => `${prefix}-${randomUUID()}`;
